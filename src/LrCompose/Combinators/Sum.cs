using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>sum (a) (b)</c>: <c>f(t) = a(t) + b(t)</c>.</summary>
    internal sealed class SumNode(Schedule left, Schedule right) : Schedule
    {
        public Schedule Left { get; } = left;
        public Schedule Right { get; } = right;
        public override long? Length => Left.Length is { } a && Right.Length is { } b ? Math.Max(a, b) : null;
        public override double Min => Left.Min + Right.Min;
        public override double Max => Left.Max + Right.Max;
        internal override double At(double t) => Left.At(t) + Right.At(t);
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Sum).Inner(Left).Inner(Right);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>Adds two schedules pointwise: <c>f(t) = a(t) + b(t)</c> — e.g. a decaying amplitude over a fixed floor.</summary>
        public static Schedule operator +(Schedule left, Schedule right) => Schedules.Sum(Checked(left), Checked(right));
    }

    public static partial class Schedules
    {
        /// <summary>Adds two schedules pointwise: <c>f(t) = a(t) + b(t)</c>.</summary>
        public static Schedule Sum(Schedule a, Schedule b)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            ConstructorRules.SumMaximum(b.ToString(), a.Max, b.Max).ThrowIfAny();
            return new Combinators.SumNode(a, b);
        }
    }
}
