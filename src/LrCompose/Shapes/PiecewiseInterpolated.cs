using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose
{
    /// <summary>A point a piecewise-interpolated schedule passes through.</summary>
    /// <param name="At">The step (may be fractional, as in PyTorch's OneCycleLR phase ends).</param>
    /// <param name="Value">The value there.</param>
    public readonly record struct Knot(double At, double Value);

    public static partial class Schedules
    {
        /// <summary>
        /// Interpolates through <paramref name="knots"/>: the first knot's value before it, the last knot's value after
        /// it, and between knots a and b with <c>p = (t − a.At)/(b.At − a.At)</c> the chosen interpolation.
        /// </summary>
        /// <param name="kind">Linear or cosine.</param>
        /// <param name="knots">At least one knot, strictly ascending in position, positions ≥ 0.</param>
        public static Schedule Interpolate(Interpolation kind, params Knot[] knots)
        {
            ConstructorRules.Interpolate(knots.Select(k => k.At).ToArray(), knots.Select(k => k.Value).ToArray()).ThrowIfAny();
            ConstructorRules.InterpolateLength(knots[^1].At, out long length).ThrowIfAny();
            return new Shapes.InterpolatedShape(kind, (Knot[])knots.Clone(), length);
        }
    }
}

namespace LrCompose.Shapes
{
    /// <summary><c>interpolate kind=linear|cosine knots=[t₀:v₀, t₁:v₁, …]</c>.</summary>
    internal sealed class InterpolatedShape(Interpolation kind, Knot[] knots, long length) : Schedule
    {
        private readonly Knot[] _knots = knots;
        public Interpolation Kind { get; } = kind;
        public IReadOnlyList<Knot> Knots => _knots;
        public override long? Length { get; } = length;
        public override double Min => _knots.Min(k => k.Value);
        public override double Max => _knots.Max(k => k.Value);

        internal override double At(double t)
        {
            if (t <= _knots[0].At) return _knots[0].Value;
            if (t >= _knots[^1].At) return _knots[^1].Value;
            int lo = 0, hi = _knots.Length - 1; // find the last knot with At <= t
            while (hi - lo > 1)
            {
                int mid = (lo + hi) >>> 1;
                if (_knots[mid].At <= t) lo = mid; else hi = mid;
            }
            Knot a = _knots[lo], b = _knots[lo + 1];
            return ScheduleFormulas.Interpolate(t, a.At, a.Value, b.At, b.Value, Kind);
        }

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.Interpolate).Named("kind", Core.Vocabulary.Kebab(Kind.ToString()))
                .Word("knots=[" + string.Join(", ", _knots.Select(k => RecipeWriter.Number(k.At) + ":" + RecipeWriter.Number(k.Value))) + "]");
    }
}
