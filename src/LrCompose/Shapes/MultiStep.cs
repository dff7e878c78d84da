using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>multistep from=a gamma=g at=[m₁, m₂, …]</c>: <c>f(t) = a·g^#{i : mᵢ ≤ t}</c>.</summary>
    internal sealed class MultiStepShape(double from, double gamma, long[] milestones) : Schedule
    {
        private readonly long[] _milestones = milestones;

        // from·γᵏ for every k, computed once with the same expression evaluation would use (same bits, no Pow per step).
        private readonly double[] _values = Enumerable.Range(0, milestones.Length + 1).Select(k => ScheduleFormulas.MultiStepValue(from, gamma, k)).ToArray();
        public double From { get; } = from;
        public double Gamma { get; } = gamma;
        public IReadOnlyList<long> Milestones => _milestones;
        public override long? Length => null;
        public override double Min => Math.Min(From, _values[^1]);
        public override double Max => Math.Max(From, _values[^1]);

        // A repeated milestone counts each time, as in PyTorch.
        internal override double At(double t) => _values[SortedSteps.CountAtOrBefore(_milestones, t)];

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.MultiStep).Named("from", From).Named("gamma", Gamma).Named("milestones", _milestones);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Multi-step decay: multiply by <paramref name="gamma"/> at each milestone, <c>f(t) = from·gamma^#{mᵢ ≤ t}</c>
        /// (PyTorch's <c>MultiStepLR</c>). A milestone listed twice applies <paramref name="gamma"/> twice.
        /// </summary>
        /// <param name="from">The initial value.</param>
        /// <param name="gamma">The factor per milestone (&gt; 0).</param>
        /// <param name="milestones">Steps at which the factor applies; ascending, ≥ 0.</param>
        public static Schedule MultiStep(double from, double gamma, params long[] milestones)
        {
            ArgumentNullException.ThrowIfNull(milestones);
            ConstructorRules.MultiStep(from, gamma, milestones).ThrowIfAny();
            return new Shapes.MultiStepShape(from, gamma, (long[])milestones.Clone());
        }
    }
}
