using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary>
    /// <c>exponential from=a rate=r every=N staircase=s begin=B end=e</c>:
    /// <c>f(t) = a</c> before B, then <c>a·r^((t−B)/N)</c> (exponent floored when staircase), clamped at e.
    /// </summary>
    internal sealed class ExponentialShape(double from, double rate, long every, bool staircase, long begin, double? end) : Schedule
    {
        public double From { get; } = from;
        public double Rate_ { get; } = rate;
        public long Every { get; } = every;
        public bool InWholeJumps { get; } = staircase;
        public long Begin { get; } = begin;
        public double? End { get; } = end;

        public override long? Length => null;
        // A clamp on the wrong side of the start pins the value to the clamp, so bounds take both into account.
        public override double Min => ScheduleFormulas.ExponentialMin(From, Rate_, End.HasValue, End.GetValueOrDefault());
        public override double Max => ScheduleFormulas.ExponentialMax(From, End.HasValue, End.GetValueOrDefault());

        internal override double At(double t) =>
            ScheduleFormulas.Exponential(t, From, Rate_, Every, Begin, InWholeJumps, End.HasValue, End.GetValueOrDefault());

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Exponential).Named("from", From).Named("rate", Rate_);
            writer.Param("every", Every);
            writer.Param("staircase", InWholeJumps);
            writer.Param("begin", Begin);
            if (End is { } e) writer.Named("end", e);
        }
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Exponential decay (or growth): <paramref name="from"/> until <paramref name="begin"/>, then
        /// <c>from·rate^((t − begin)/every)</c>, the exponent floored when <paramref name="staircase"/>, and clamped at
        /// <paramref name="end"/> (a floor when decaying, a ceiling when growing). Unbounded.
        /// </summary>
        /// <param name="from">The initial value.</param>
        /// <param name="rate">Multiplier per <paramref name="every"/> steps (&gt; 0). Above 1 needs <paramref name="end"/>.</param>
        /// <param name="every">optax's <c>transition_steps</c>: how many steps one factor of <paramref name="rate"/> takes.</param>
        /// <param name="staircase">Decay in whole jumps every <paramref name="every"/> steps instead of continuously.</param>
        /// <param name="begin">Steps to hold <paramref name="from"/> before decaying (optax's <c>transition_begin</c>).</param>
        /// <param name="end">Clamp value, or null for none.</param>
        public static Schedule Exponential(double from, double rate, long every = 1, bool staircase = false, long begin = 0, double? end = null)
        {
            ConstructorRules.Exponential(from, rate, every, begin, end).ThrowIfAny();
            return new Shapes.ExponentialShape(from, rate, every, staircase, begin, end);
        }
    }
}
