using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>staircase n (s)</c>: s sampled and held over n equal stairs of its length (or of <c>span</c> steps).</summary>
    internal sealed class StaircaseNode(Schedule inner, long stairs, long span, StairSample sample) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long Stairs { get; } = stairs;
        public long StairSpan { get; } = span;
        public StairSample Sample { get; } = sample;
        public override long? Length => Inner.Length;
        internal override double Span => Inner.Span;

        // Every value is a value of the inner schedule, so its bounds hold.
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.StairTime(t, StairSpan, Stairs, Sample));

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Staircase).Arg(Stairs).Param("sample", Sample);
            // The span is left out when it is the default, the inner schedule's length.
            if (Inner.Length != StairSpan) writer.Named("span", StairSpan);
            writer.Inner(Inner);
        }
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Sample and hold: cuts this schedule's length (or <paramref name="span"/> steps) into
        /// <paramref name="stairs"/> equal stairs and holds one value of it over each, <c>f(t) = s(k·span/n)</c> with
        /// <c>k = ⌊t·n/span⌋</c> (<see cref="StairSample.Start"/>) or <c>⌈t·n/span⌉</c> (<see cref="StairSample.End"/>).
        /// Stairs of the same width go on past the span, so an unending schedule with a span is a staircase for ever.
        /// DeepSpeed's <c>OneCycle</c> with <c>cycle_first_stair_count</c> is a rising ramp staircased at the start of each
        /// stair and a falling one at the end; its <c>LRRangeTest</c> with <c>lr_range_test_staircase</c> holds each of
        /// <c>lr_range_test_step_size</c> steps (one stair per span). Laws: the value at a stair's edge is
        /// <c>s</c>'s own; every value is a value of <c>s</c>, so <c>Min</c>, <c>Max</c> and <c>Length</c> are <c>s</c>'s.
        /// </summary>
        /// <param name="stairs">How many stairs the span is cut into (≥ 1).</param>
        /// <param name="sample">Which end of each stair's stretch of <c>s</c> it holds.</param>
        /// <param name="span">The steps the stairs divide (≥ 1); by default this schedule's length, and required when
        /// it goes on for ever.</param>
        public Schedule Staircase(long stairs, StairSample sample = StairSample.Start, long? span = null)
        {
            long? divided = span ?? Length;
            if (divided is not { } steps)
                throw new InvalidOperationException(ConstructorRules.NeverEnds(ToString(), UnendingUse.Staircased));
            ConstructorRules.Staircase(stairs, steps).ThrowIfAny();
            return new Combinators.StaircaseNode(this, stairs, steps, sample);
        }
    }
}
