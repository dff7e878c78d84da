using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>
    /// <c>cycle mult=m decay=d limit=n (s)</c>: restarts of a finite phase s of length L. Cycle i lasts
    /// <c>Lᵢ = L·mⁱ</c> steps, runs s stretched to that length, and is scaled by <c>dⁱ</c> (SGDR, timm).
    /// After n cycles it holds the last cycle's end value.
    /// </summary>
    internal sealed class CycleNode(Schedule inner, double period, double multiplier, double decay, int? limit) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public double Period { get; } = period;
        public double Multiplier { get; } = multiplier;
        public double Decay { get; } = decay;
        public int? Limit { get; } = limit;

        public override long? Length => Limit is { } n
            ? (long)Math.Ceiling(CycleSpans.Total(Period, Multiplier, n))
            : null;

        public override double Min => Decay == 1 ? Inner.Min : Limit is { } n ? Inner.Min * Math.Pow(Decay, n - 1) : 0;
        public override double Max => Inner.Max;

        /// <summary>The cycle index at time t, its start and its length, as timm computes them.</summary>
        internal (double Index, double Start, double Length) Locate(double t)
        {
            if (Multiplier == 1)
            {
                // fmod is exact, so the position inside the cycle is exact however far out t is.
                double local = t % Period;
                double i = Math.Round((t - local) / Period);
                return (i, t - local, Period);
            }
            double index = Math.Floor(Math.Log(1 - t / Period * (1 - Multiplier)) / Math.Log(Multiplier));
            // The logarithm can land one cycle off at a boundary; nudge so that start ≤ t < start + length.
            while (index > 0 && StartOf(index) > t) index--;
            while (StartOf(index + 1) <= t) index++;
            return (index, StartOf(index), Period * Math.Pow(Multiplier, index));
        }

        private double StartOf(double index) => (1 - Math.Pow(Multiplier, index)) / (1 - Multiplier) * Period;

        internal override double At(double t)
        {
            var (index, start, length) = Locate(t);
            if (Limit is { } n && index >= n)
                return Inner.EndValue * Math.Pow(Decay, n - 1);
            // Far out (t beyond 2^53) t − start is only approximate: keep it inside the cycle.
            double local = Math.Clamp(t - start, 0, length);
            double v = length == Period ? Inner.At(local) : Inner.At(local * Period / length);
            return index == 0 || Decay == 1 ? v : v * Math.Pow(Decay, index);
        }

        internal override void Write(RecipeWriter writer)
        {
            writer.Word("cycle").Named("mult", Multiplier, 1).Named("decay", Decay, 1);
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
            if (Length is null) throw Guard.Fail("schedule", ToString(), "goes on for ever, so it cannot be cycled; make it finite with .Take(steps)");
            double period = Span;
            ConstructorRules.Cycle(multiplier, decay, limit).ThrowIfAny();
            return new Combinators.CycleNode(this, period, multiplier, decay, limit);
        }
    }
}
