using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>retarget at=K total=N (s)</c>: s until step K, then the rest of s re-timed to end at step N.</summary>
    internal sealed class RetargetNode(Schedule inner, long at, long total) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long AtStep { get; } = at;
        public long Total { get; } = total;
        private readonly double _span = inner.Span;
        public override long? Length => Total;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.RetargetTime(t, AtStep, _span, Total));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Retarget).Named("at", AtStep).Named("total", Total).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// A new horizon: this finite schedule until step <paramref name="at"/>, then the rest of it re-timed so that it
        /// ends at step <paramref name="total"/> — a longer or a shorter run, continuous at <paramref name="at"/>, nothing
        /// before it changed and no second warmup. <c>Retarget(0, total)</c> is the whole schedule stretched.
        /// </summary>
        /// <param name="at">The step from which the rest is re-timed (before the schedule's end).</param>
        /// <param name="total">The step at which the re-timed schedule now ends.</param>
        /// <exception cref="InvalidOperationException">This schedule never ends, so it has no horizon to move.</exception>
        public Schedule Retarget(long at, long total)
        {
            if (Length is not { } length)
                throw new InvalidOperationException(ConstructorRules.NeverEnds(ToString(), UnendingUse.Retargeted));
            ConstructorRules.Retarget(at, total, length).ThrowIfAny();
            return new Combinators.RetargetNode(this, at, total);
        }
    }
}
