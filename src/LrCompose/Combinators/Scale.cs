using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>scale k (s)</c>: <c>f(t) = k·s(t)</c>. A scale of a scale is fused into one.</summary>
    internal sealed class ScaleNode(Schedule inner, double factor) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public double Factor { get; } = factor;
        public override long? Length => Inner.Length;
        internal override double Span => Inner.Span;
        public override double Min => Inner.Min * Factor;
        public override double Max => Inner.Max * Factor;
        internal override double At(double t) => Factor * Inner.At(t);
        public override IReadOnlyList<PhaseInfo> Phases => Inner.Phases.Select(p => p with { Schedule = p.Schedule.Scale(Factor) }).ToArray();
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Scale).Arg(Factor).Inner(Inner);
    }

    /// <summary><c>scale (a) (b)</c>: the pointwise product <c>f(t) = a(t)·b(t)</c>.</summary>
    internal sealed class ProductNode(Schedule left, Schedule right) : Schedule
    {
        public Schedule Left { get; } = left;
        public Schedule Right { get; } = right;
        public override long? Length => Left.Length is { } a && Right.Length is { } b ? Math.Max(a, b) : null;
        public override double Min => Left.Min * Right.Min;
        public override double Max => Left.Max * Right.Max;
        internal override double At(double t) => Left.At(t) * Right.At(t);
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Scale).Inner(Right).Inner(Left);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Multiplies every value by <paramref name="factor"/>: <c>f(t) = factor·s(t)</c>. Laws: <c>s.Scale(1) == s</c>,
        /// <c>s.Scale(a).Scale(b) == s.Scale(a·b)</c> (fused), and scale distributes over <c>Then</c>.
        /// </summary>
        /// <param name="factor">In [0, 1e100]; the scaled maximum must stay within 1e100 too.</param>
        public Schedule Scale(double factor)
        {
            ConstructorRules.Scale(factor).ThrowIfAny();
            // Fused as the generator's model fuses it: the steps are shared (Core/Fusion.cs).
            return Fusion.Scale(Combinators.ScheduleFusion.Instance, this, factor, Combinators.ScheduleFusion.Throw);
        }

        /// <summary>Multiplies two schedules pointwise: <c>f(t) = s(t)·by(t)</c> (e.g. a plateau factor times a cosine).</summary>
        public Schedule Scale(Schedule by)
        {
            ArgumentNullException.ThrowIfNull(by);
            ConstructorRules.ProductMaximum(by.ToString(), Max, by.Max).ThrowIfAny();
            return new Combinators.ProductNode(this, by);
        }
    }
}
