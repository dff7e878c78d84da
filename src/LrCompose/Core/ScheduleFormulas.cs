// Compiled into the LrCompose library, and called by the code the LrCompose generator emits: each shape's value
// formula is written here once, so a compiled struct and the runtime node compute the very same expression and agree
// bit for bit by construction. The generator also compiles this file in, to evaluate recipes while it checks them.
// Keep it netstandard2.0-friendly.
using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LrCompose
{
    /// <summary>
    /// The value formulas of every LrCompose shape, as functions of real time <c>t</c> ≥ 0 (in steps). The runtime
    /// schedules and the structs the generator emits both call these; they are public only for that generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    static class ScheduleFormulas
    {
        private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

        /// <summary>
        /// <c>a·(1 − w) + b·w</c>, kept inside [min(a, b), max(a, b)]: exact at both ends, and free of the cancellation
        /// of <c>a + (b − a)·w</c> when one end dwarfs the other (a floor of 1e20 under a peak of 0.1 must still give 0.1).
        /// Every interpolating shape goes through it, so every value stays inside its declared bounds.
        /// </summary>
        [MethodImpl(Inline)]
        public static double Lerp(double a, double b, double w)
        {
            double v = a * (1 - w) + b * w;
            double low = a < b ? a : b, high = a < b ? b : a;
            return v < low ? low : v > high ? high : v;
        }

        /// <summary><c>from + (to − from)·t/steps</c>, then <c>to</c>.</summary>
        [MethodImpl(Inline)]
        public static double Linear(double t, long steps, double from, double to) =>
            t >= steps ? to : Lerp(from, to, t / steps);

        /// <summary><c>floor + (peak − floor)·(½(1 + cos(π·tᵏ/stepsᵏ)))^exponent</c>, then <c>floor</c>.</summary>
        [MethodImpl(Inline)]
        public static double Cosine(double t, long steps, double peak, double floor, double exponent, double kDecay)
        {
            if (t >= steps) return floor;
            double c = 0.5 * (1 + Math.Cos(Math.PI * Progress(t, steps, kDecay)));
            if (exponent != 1) c = Math.Pow(c, exponent);
            return Lerp(floor, peak, c);
        }

        /// <summary><c>(from − to)·(1 − tᵏ/stepsᵏ)^power + to</c>, then <c>to</c>.</summary>
        [MethodImpl(Inline)]
        public static double Polynomial(double t, long steps, double from, double to, double power, double kDecay) =>
            t >= steps ? to : Lerp(to, from, Math.Pow(1 - Progress(t, steps, kDecay), power));

        /// <summary>timm's k-decay bends time before a decay: <c>tᵏ/stepsᵏ</c>, computed as <c>(t/steps)ᵏ</c> so that a
        /// large k cannot make it ∞/∞; k = 1 is plain progress.</summary>
        [MethodImpl(Inline)]
        private static double Progress(double t, long steps, double kDecay) =>
            kDecay == 1 ? t / steps : Math.Pow(t / steps, kDecay);

        /// <summary>
        /// <c>from·rate^((t − begin)/every)</c> (exponent floored when staircase), clamped at <c>end</c> when there is
        /// one — a floor when decaying, a ceiling when growing, applied to the initial hold as well (as optax does).
        /// </summary>
        [MethodImpl(Inline)]
        public static double Exponential(double t, double from, double rate, long every, long begin, bool staircase, bool clamped, double end)
        {
            double v = from;
            if (t > begin)
            {
                double p = (t - begin) / every;
                if (staircase) p = Math.Floor(p);
                // 0·∞ would be NaN when a growing rate overflows: a zero start stays zero.
                v = from == 0 ? 0 : from * Math.Pow(rate, p);
            }
            return clamped ? (rate < 1 ? Math.Max(v, end) : Math.Min(v, end)) : v;
        }

        /// <summary>The lowest value of an exponential: a clamp on the wrong side of the start pins the value to it.</summary>
        public static double ExponentialMin(double from, double rate, bool clamped, double end) =>
            Math.Min(from, clamped ? end : (rate < 1 ? 0 : from));

        /// <summary>The highest value of an exponential.</summary>
        public static double ExponentialMax(double from, bool clamped, double end) => Math.Max(from, clamped ? end : from);

        /// <summary><c>from·gamma^⌊t/every⌋</c>.</summary>
        [MethodImpl(Inline)]
        public static double StepDecay(double t, double from, double gamma, long every) => from * Math.Pow(gamma, Math.Floor(t / every));

        /// <summary>The value of a multi-step schedule after <paramref name="passed"/> milestones: <c>from·gammaᵏ</c>.</summary>
        [MethodImpl(Inline)]
        public static double MultiStepValue(double from, double gamma, int passed) => from * Math.Pow(gamma, passed);

        /// <summary><c>peak/√((t + timescale)/timescale)</c>.</summary>
        [MethodImpl(Inline)]
        public static double InverseSqrt(double t, double peak, long timescale) => peak * (1.0 / Math.Sqrt((t + timescale) / timescale));

        /// <summary>The time a schedule shifted by <paramref name="steps"/> sees: <c>max(0, t − steps)</c> (it waits at its
        /// start; a negative shift skips into it).</summary>
        [MethodImpl(Inline)]
        public static double ShiftTime(double t, long steps) => Math.Max(0, t - steps);

        /// <summary>The time a schedule cut after <paramref name="steps"/> sees: <c>min(t, steps)</c> (then it holds).</summary>
        [MethodImpl(Inline)]
        public static double TakeTime(double t, long steps) => Math.Min(t, steps);

        /// <summary>The epoch a step falls in: <c>⌊t/stepsPerEpoch⌋</c>.</summary>
        [MethodImpl(Inline)]
        public static double EpochTime(double t, long stepsPerEpoch) => Math.Floor(t / stepsPerEpoch);

        /// <summary>The time a schedule stretched by <paramref name="factor"/> sees: <c>t/factor</c>.</summary>
        [MethodImpl(Inline)]
        public static double StretchTime(double t, double factor) => t / factor;

        /// <summary>Keras's inverse-time decay, <c>from / (1 + rate·p)</c> with <c>p = t/every</c>, floored when
        /// <paramref name="staircase"/>.</summary>
        [MethodImpl(Inline)]
        public static double InverseTime(double t, double from, double rate, long every, bool staircase)
        {
            double p = t / every;
            if (staircase) p = Math.Floor(p);
            return from / (1 + rate * p);
        }

        /// <summary>
        /// Shen et al.'s power law, <c>peak·min(1, (knee/n)^exponent)</c> at step <c>n = t + start</c> of the run; the
        /// peak up to the knee (so step 0, where the law is infinite, is the peak), and a ratio below 1 past it, so the
        /// power never overflows.
        /// </summary>
        [MethodImpl(Inline)]
        public static double PowerLaw(double t, double peak, double knee, double exponent, long start)
        {
            double n = t + start;
            return n <= knee ? peak : peak * Math.Pow(knee / n, exponent);
        }

        /// <summary><c>to + ½(from − to)·(1 − tanh(lb·(1 − r) + ub·r))</c> with <c>r = min(t, steps)/steps</c>.</summary>
        [MethodImpl(Inline)]
        public static double Tanh(double t, long steps, double from, double to, double lb, double ub)
        {
            if (t >= steps) t = steps;
            double r = t / steps;
            return Lerp(to, from, 0.5 * (1 - Math.Tanh(lb * (1 - r) + ub * r)));
        }

        /// <summary><c>to + (from − to)·(1 − √(t/steps))</c>, then <c>to</c>.</summary>
        [MethodImpl(Inline)]
        public static double OneMinusSqrt(double t, long steps, double from, double to) =>
            t >= steps ? to : Lerp(to, from, 1 - Math.Sqrt(t / steps));

        /// <summary>A warmup ramp from <paramref name="from"/> into <paramref name="to"/>, reached at step <c>steps</c>
        /// (or at <c>steps − 1</c> when counting from one), then <paramref name="to"/>.</summary>
        [MethodImpl(Inline)]
        public static double Warmup(double t, long steps, double from, double to, WarmupShape shape, WarmupCount count)
        {
            if (t >= steps) return to;
            double p = count == WarmupCount.FromZero ? t / steps : Math.Min(1.0, (t + 1) / steps);
            switch (shape)
            {
                case WarmupShape.Exponential: return from * Math.Pow(to / from, p);
                case WarmupShape.Cosine: return Lerp(from, to, (1 - Math.Cos(Math.PI * p)) / 2);
                case WarmupShape.Log: return p >= 1 ? to : Lerp(from, to, LogWarmupFraction(t, count == WarmupCount.FromZero ? steps : steps - 1));
                case WarmupShape.OneMinusSqrt: return Lerp(from, to, 1 - Math.Sqrt(1 - p));
                default: return from == 0 ? to * p : Lerp(from, to, p);
            }
        }

        /// <summary>
        /// DeepSpeed's log warmup fraction, <c>ln(1 + t)/ln(1 + end)</c> for a ramp that reaches its target at step
        /// <paramref name="end"/> (≥ 1): 0 at step 0, 1 at <paramref name="end"/>. Written as DeepSpeed writes it (the
        /// reciprocal of the denominator times the numerator), so the fractions agree with its <c>_get_gamma</c>.
        /// </summary>
        [MethodImpl(Inline)]
        public static double LogWarmupFraction(double t, long end) => 1.0 / Math.Log(1.0 + end) * Math.Log(1.0 + t);

        /// <summary>PyTorch's CyclicLR: <c>low + (high − low)·triangle·scale</c>, scale by mode.</summary>
        [MethodImpl(Inline)]
        public static double Triangular(double t, double low, double high, long up, long down, TriangularMode mode, double gamma)
        {
            double total = up + down;
            double ratio = up / total;
            double cycle = Math.Floor(1 + t / total);
            double x = 1.0 + t / total - cycle;
            double triangle = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
            double scale = mode == TriangularMode.Triangular2 ? 1 / Math.Pow(2, cycle - 1)
                : mode == TriangularMode.ExpRange ? Math.Pow(gamma, t)
                : 1.0;
            return Lerp(low, high, triangle * scale);
        }

        /// <summary>Between two knots: linear <c>a + p·(b − a)</c> or cosine <c>b + (a − b)/2·(cos(π·p) + 1)</c>.</summary>
        [MethodImpl(Inline)]
        public static double Interpolate(double t, double atA, double valueA, double atB, double valueB, Interpolation kind)
        {
            double p = (t - atA) / (atB - atA);
            return kind == Interpolation.Linear
                ? Lerp(valueA, valueB, p)
                : Lerp(valueB, valueA, (Math.Cos(Math.PI * p) + 1) / 2);
        }

        /// <summary>A value that moves opposite to <paramref name="value"/>: <paramref name="high"/> at the phase's lowest
        /// value <paramref name="min"/>, <paramref name="low"/> at its highest <paramref name="max"/>; a flat phase gives low.</summary>
        [MethodImpl(Inline)]
        public static double Mirror(double value, double min, double max, double low, double high) =>
            max <= min ? low : Lerp(high, low, (value - min) / (max - min));

        /// <summary><c>min(max(value, low), high)</c>.</summary>
        [MethodImpl(Inline)]
        public static double Clamp(double value, double low, double high) => value < low ? low : value > high ? high : value;

        /// <summary>A decay of <paramref name="steps"/> steps from <paramref name="from"/> to <paramref name="to"/> in the
        /// given shape (linear, half cosine or 1−√), then <paramref name="to"/>: the cooldown of <c>DecayAt</c>.</summary>
        [MethodImpl(Inline)]
        public static double Decay(double t, long steps, double from, double to, DecayShape shape) =>
            // At its first step every shape is exactly where it starts: Lerp is exact at both ends.
            shape == DecayShape.Cosine ? Cosine(t, steps, from, to, 1, 1)
            : shape == DecayShape.OneMinusSqrt ? OneMinusSqrt(t, steps, from, to)
            : shape == DecayShape.Exponential ? ExponentialCooldown(t, steps, from, to)
            : Linear(t, steps, from, to);

        /// <summary>Megatron-LM's exponential WSD cooldown: <c>to + (from − to)·(2·0.5^(t/steps) − 1)</c>, then
        /// <c>to</c>. The coefficient is 1 at the start and 0 at the end, so the ends are exact.</summary>
        [MethodImpl(Inline)]
        public static double ExponentialCooldown(double t, long steps, double from, double to) =>
            t >= steps ? to : Lerp(to, from, 2 * Math.Pow(0.5, t / steps) - 1);

        /// <summary>The inner schedule's time for a re-targeted one: unchanged before <paramref name="at"/>, after it the
        /// rest of the inner schedule's <paramref name="span"/> is spread over the steps up to <paramref name="total"/>, and
        /// from <paramref name="total"/> on exactly its end, so the new end is reached exactly.</summary>
        [MethodImpl(Inline)]
        public static double RetargetTime(double t, long at, double span, long total) =>
            t < at ? t : t >= total ? span : at + (t - at) * ((span - at) / (total - at));

        /// <summary>
        /// The time a staircase samples at t: the start (or end) of the stair t is on, when <paramref name="span"/> steps
        /// are cut into <paramref name="stairs"/> equal stairs (and stairs of that width go on past it). The stair index
        /// comes from <c>t·stairs</c> before the division, as DeepSpeed quantises from the whole step: at a stair's edge
        /// that product is an exact multiple of the span, so the edge is never floored a stair too low.
        /// </summary>
        [MethodImpl(Inline)]
        public static double StairTime(double t, long span, long stairs, StairSample sample)
        {
            double position = t * stairs / span;
            double stair = sample == StairSample.End ? Math.Ceiling(position) : Math.Floor(position);
            return stair * span / stairs;
        }

        /// <summary>The start of cycle <paramref name="index"/> when periods grow by <paramref name="multiplier"/>.</summary>
        [MethodImpl(Inline)]
        public static double CycleStart(double index, double period, double multiplier) =>
            (1 - Math.Pow(multiplier, index)) / (1 - multiplier) * period;

        /// <summary>Which cycle <paramref name="t"/> falls in, where it starts and how long it lasts (timm's arithmetic).</summary>
        [MethodImpl(Inline)]
        public static double CycleIndex(double t, double period, double multiplier, out double start, out double length)
        {
            if (multiplier == 1)
            {
                // fmod is exact, so the position inside the cycle is exact however far out t is.
                double local = t % period;
                start = t - local;
                length = period;
                return Math.Round((t - local) / period);
            }
            double index = Math.Floor(Math.Log(1 - t / period * (1 - multiplier)) / Math.Log(multiplier));
            // The logarithm can land one cycle off at a boundary; nudge so that start ≤ t < start + length. Where
            // neighbouring starts are closer than a double resolves (a multiplier a hair above 1, t far out) nudging
            // cannot converge and would run for ever: a few nudges are all that ever help.
            for (int n = 0; n < 8 && index > 0 && CycleStart(index, period, multiplier) > t; n++) index--;
            for (int n = 0; n < 8 && CycleStart(index + 1, period, multiplier) <= t; n++) index++;
            start = CycleStart(index, period, multiplier);
            length = period * Math.Pow(multiplier, index);
            return index;
        }

        /// <summary>The inner phase's own time inside a cycle of <paramref name="length"/> that starts at
        /// <paramref name="start"/>: the position, kept inside the cycle, stretched back to the base period.</summary>
        [MethodImpl(Inline)]
        public static double CycleInnerTime(double t, double start, double length, double period)
        {
            // Far out (t beyond 2^53) t − start is only approximate: keep it inside the cycle.
            double local = Clamp(t - start, 0, length);
            return length == period ? local : local * period / length;
        }

        /// <summary>A cycle's value scaled by <c>decay^index</c>.</summary>
        [MethodImpl(Inline)]
        public static double CycleDecay(double value, double index, double decay) =>
            index == 0 || decay == 1 ? value : value * Math.Pow(decay, index);

        /// <summary>The lowest value of a cycle: the phase's lowest times the smallest decay it reaches (0 for endless decay).</summary>
        public static double CycleMin(double innerMin, double decay, long? limit) =>
            decay == 1 ? innerMin : limit.HasValue ? innerMin * Math.Pow(decay, limit.Value - 1) : 0;

        /// <summary>What a limited cycle holds after its last cycle: the phase's end value times <c>decay^(limit − 1)</c>.</summary>
        [MethodImpl(Inline)]
        public static double CycleHeld(double endValue, double decay, long limit) => endValue * Math.Pow(decay, limit - 1);
    }
}
