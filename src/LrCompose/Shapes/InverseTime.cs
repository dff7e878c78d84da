using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>inverse-time from=a rate=r every=N staircase=s</c>: <c>f(t) = a / (1 + r·t/N)</c>.</summary>
    internal sealed class InverseTimeShape(double from, double rate, long every, bool staircase) : Schedule
    {
        public double From { get; } = from;
        public double Rate_ { get; } = rate;
        public long Every { get; } = every;
        public bool InWholeJumps { get; } = staircase;
        public override long? Length => null;
        public override double Min => 0;
        public override double Max => From;

        internal override double At(double t) => ScheduleFormulas.InverseTime(t, From, Rate_, Every, InWholeJumps);

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.InverseTime).Named("from", From).Named("rate", Rate_);
            writer.Param("every", Every);
            writer.Param("staircase", InWholeJumps);
        }
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>Inverse-time decay (Keras <c>InverseTimeDecay</c>): <c>f(t) = from / (1 + rate·t/every)</c>, the quotient
        /// floored when <paramref name="staircase"/>.</summary>
        public static Schedule InverseTime(double from, double rate, long every = 1, bool staircase = false)
        {
            ConstructorRules.InverseTime(from, rate, every).ThrowIfAny();
            return new Shapes.InverseTimeShape(from, rate, every, staircase);
        }
    }
}
