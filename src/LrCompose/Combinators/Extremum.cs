using LrCompose.Text;

namespace LrCompose.Combinators
{
    /// <summary><c>min (a) (b)</c> or <c>max (a) (b)</c>: the pointwise smaller or larger value.</summary>
    internal sealed class ExtremumNode(Schedule left, Schedule right, bool takeMax) : Schedule
    {
        public Schedule Left { get; } = left;
        public Schedule Right { get; } = right;
        public bool TakeMax { get; } = takeMax;
        public override long? Length => Left.Length is { } a && Right.Length is { } b ? Math.Max(a, b) : null;
        public override double Min => TakeMax ? Math.Max(Left.Min, Right.Min) : Math.Min(Left.Min, Right.Min);
        public override double Max => TakeMax ? Math.Max(Left.Max, Right.Max) : Math.Min(Left.Max, Right.Max);
        internal override double At(double t) => TakeMax ? Math.Max(Left.At(t), Right.At(t)) : Math.Min(Left.At(t), Right.At(t));
        internal override void Write(RecipeWriter writer) => writer.Word(TakeMax ? "max" : "min").Inner(Left).Inner(Right);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>The pointwise minimum: <c>f(t) = min(a(t), b(t))</c>.</summary>
        public static Schedule Min(Schedule a, Schedule b) => new Combinators.ExtremumNode(a ?? throw new ArgumentNullException(nameof(a)), b ?? throw new ArgumentNullException(nameof(b)), false);

        /// <summary>The pointwise maximum: <c>f(t) = max(a(t), b(t))</c>.</summary>
        public static Schedule Max(Schedule a, Schedule b) => new Combinators.ExtremumNode(a ?? throw new ArgumentNullException(nameof(a)), b ?? throw new ArgumentNullException(nameof(b)), true);
    }
}
