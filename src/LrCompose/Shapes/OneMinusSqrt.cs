using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>one-minus-sqrt L from=a to=b</c>: <c>f(t) = b + (a − b)·(1 − √(t/L))</c>, then b.</summary>
    internal sealed class OneMinusSqrtShape(long steps, double from, double to) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public override double Min => Math.Min(From, To);
        public override double Max => Math.Max(From, To);
        internal override double At(double t) => ScheduleFormulas.OneMinusSqrt(t, Steps, From, To);
        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.OneMinusSqrt).Arg(Steps).Named("from", From).Named("to", To);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>The 1−√ cooldown of warmup-stable-decay runs: <c>f(t) = to + (from − to)·(1 − √(t/steps))</c>.</summary>
        public static Schedule OneMinusSqrt(long steps, double from, double to)
        {
            ConstructorRules.OneMinusSqrt(steps, from, to).ThrowIfAny();
            return new Shapes.OneMinusSqrtShape(steps, from, to);
        }
    }
}
