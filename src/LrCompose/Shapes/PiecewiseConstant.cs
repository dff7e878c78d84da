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
            writer.Word("piecewise").Named("values", _values).Named("at", _boundaries);
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
            if (values.Length == 0) throw Guard.Fail(nameof(values), "[]", Rules.NotEmptyRule);
            if (values.Length != boundaries.Length + 1)
                throw Guard.Fail(nameof(values), Guard.Show(values), Rules.MatchingCountRule);
            foreach (var v in values) Guard.Check(v, Rules.Rate(v), nameof(values));
            Guard.Check(boundaries, Rules.StrictlyAscending(boundaries.Select(b => (double)b).ToArray()));
            return new Shapes.PiecewiseConstantShape((double[])values.Clone(), (long[])boundaries.Clone());
        }
    }
}
