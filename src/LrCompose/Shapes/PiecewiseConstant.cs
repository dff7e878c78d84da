using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>piecewise values=[v₀, v₁, …] at=[b₁, …]</c>: <c>f(t) = vᵢ</c> where i = #{bⱼ ≤ t}.</summary>
    internal sealed class PiecewiseConstantShape(double[] values, long[] boundaries) : Schedule
    {
        private readonly double[] _values = values;
        private readonly long[] _boundaries = boundaries;
        public override long? Length => null;
        public override double Min => _values.Min();
        public override double Max => _values.Max();

        internal override double At(double t) => _values[SortedSteps.CountAtOrBefore(_boundaries, t)];

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.PiecewiseConstant).Named("values", _values).Named("boundaries", _boundaries);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Piecewise constant: <c>values[i]</c> from boundary i (step 0 for i = 0) until the next boundary.
        /// </summary>
        /// <param name="values">One more value than there are boundaries.</param>
        /// <param name="boundaries">Steps where the value changes; strictly ascending, ≥ 0.</param>
        public static Schedule PiecewiseConstant(double[] values, long[] boundaries)
        {
            ArgumentNullException.ThrowIfNull(values);
            ArgumentNullException.ThrowIfNull(boundaries);
            ConstructorRules.PiecewiseConstant(values, boundaries).ThrowIfAny();
            return new Shapes.PiecewiseConstantShape((double[])values.Clone(), (long[])boundaries.Clone());
        }
    }
}
