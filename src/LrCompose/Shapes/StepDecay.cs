using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>step from=a gamma=g every=N</c>: <c>f(t) = a·g^⌊t/N⌋</c>.</summary>
    internal sealed class StepDecayShape(double from, double gamma, long every) : Schedule
    {
        public double From { get; } = from;
        public double Gamma { get; } = gamma;
        public long Every { get; } = every;
        public override long? Length => null;
        public override double Min => 0;
        public override double Max => From;
        internal override double At(double t) => ScheduleFormulas.StepDecay(t, From, Gamma, Every);
        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.StepDecay).Named("from", From).Named("gamma", Gamma).Named("every", Every);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>Step decay: multiply by <paramref name="gamma"/> every <paramref name="every"/> steps,
        /// <c>f(t) = from·gamma^⌊t/every⌋</c> (PyTorch's <c>StepLR</c>).</summary>
        /// <param name="from">The initial value.</param>
        /// <param name="gamma">The factor per decay, in (0, 1].</param>
        /// <param name="every">Steps between decays (≥ 1).</param>
        public static Schedule StepDecay(double from, double gamma, long every)
        {
            ConstructorRules.StepDecay(from, gamma, every).ThrowIfAny();
            return new Shapes.StepDecayShape(from, gamma, every);
        }
    }
}
