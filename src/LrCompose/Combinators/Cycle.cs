using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>
    /// <c>cycle mult=m decay=d limit=n (s)</c>: restarts of a finite phase s of length L. Cycle i lasts
    /// <c>Lᵢ = L·mⁱ</c> steps, runs s stretched to that length, and is scaled by <c>dⁱ</c> (SGDR, timm).
    /// After n cycles it holds the last cycle's end value.
    /// </summary>
    internal sealed class CycleNode(Schedule inner, double period, double multiplier, double decay, int? limit, long? length) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public double Period { get; } = period;
        public double Multiplier { get; } = multiplier;
        public double Decay { get; } = decay;
        public int? Limit { get; } = limit;

        public override long? Length { get; } = length;

        public override double Min => ScheduleFormulas.CycleMin(Inner.Min, Decay, Limit);
        public override double Max => Inner.Max;

        internal override double At(double t)
        {
            double index = ScheduleFormulas.CycleIndex(t, Period, Multiplier, out double start, out double length);
            if (Limit is { } n && index >= n) return ScheduleFormulas.CycleHeld(Inner.EndValue, Decay, n);
            return ScheduleFormulas.CycleDecay(Inner.At(ScheduleFormulas.CycleInnerTime(t, start, length, Period)), index, Decay);
        }

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Cycle).Param("multiplier", Multiplier).Param("decay", Decay);
            if (Limit is { } n) writer.Named("limit", (long)n);
            writer.Inner(Inner);
        }
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Restarts this finite phase for ever (or <paramref name="limit"/> times): cycle i lasts
        /// <c>Length·multiplierⁱ</c> steps (the phase stretched to fit) and its values are scaled by <c>decayⁱ</c>.
        /// With the defaults, <c>c(t + Length) = c(t)</c>.
        /// </summary>
        /// <param name="multiplier">Period growth per cycle (SGDR's <c>T_mult</c>, timm's <c>cycle_mul</c>), ≥ 1.</param>
        /// <param name="decay">Amplitude factor per cycle (timm's <c>cycle_decay</c>), in (0, 1].</param>
        /// <param name="limit">Number of cycles, or null for ever; afterwards the last cycle's end value holds.</param>
        public Schedule Cycle(double multiplier = 1, double decay = 1, int? limit = null)
        {
            if (Length is null) throw new InvalidOperationException(ConstructorRules.NeverEnds(ToString(), UnendingUse.Cycled));
            double period = Span;
            ConstructorRules.Cycle(multiplier, decay, limit).ThrowIfAny();
            ConstructorRules.CycleLength(period, multiplier, limit, out long? length).ThrowIfAny();
            return new Combinators.CycleNode(this, period, multiplier, decay, limit, length);
        }
    }
}
