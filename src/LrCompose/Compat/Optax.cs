using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

public static partial class Compat
{
    /// <summary>optax <c>optax.schedules</c>: <c>schedule(step)</c> for the function of the same name.</summary>
    public static class Optax
    {
        /// <summary><c>constant_schedule</c>.</summary>
        public static Schedule ConstantSchedule(double value) => Constant(value);

        /// <summary><c>linear_schedule</c>: hold <c>init</c> for <c>transition_begin</c> steps, then a line to <c>end</c>.
        /// A non-positive <c>transition_steps</c> gives the constant <c>init</c>, as in optax.</summary>
        public static Schedule LinearSchedule(double initValue, double endValue, long transitionSteps, long transitionBegin = 0) =>
            PolynomialSchedule(initValue, endValue, 1, transitionSteps, transitionBegin);

        /// <summary><c>polynomial_schedule</c>: <c>(init − end)·(1 − t/T)^power + end</c> after <c>transition_begin</c>.</summary>
        public static Schedule PolynomialSchedule(double initValue, double endValue, double power, long transitionSteps, long transitionBegin = 0)
        {
            Guard.Rate(initValue);
            Guard.Rate(endValue);
            Guard.Check(transitionBegin, Rules.NonNegativeSteps(transitionBegin));
            if (transitionSteps <= 0) return Constant(initValue);
            var decay = Polynomial(transitionSteps, initValue, endValue, power);
            return NamedAs(() => decay.Shift(transitionBegin), ("steps", nameof(transitionBegin), transitionBegin));
        }

        /// <summary>
        /// <c>exponential_decay</c>. Native: <c>Exponential</c>, which takes the same arguments. As in optax: a
        /// non-positive <c>transition_steps</c> or a zero <c>decay_rate</c> gives the constant <c>init_value</c>; a negative
        /// <c>transition_begin</c> counts as 0; <c>end_value</c> clamps every value, the initial hold included.
        /// One difference: optax lets a growing decay (<c>decay_rate</c> &gt; 1) with no <c>end_value</c> grow without
        /// bound, to infinity; here it stops at 1e100, the largest value any LrCompose schedule returns.
        /// </summary>
        public static Schedule ExponentialDecay(double initValue, long transitionSteps, double decayRate, long transitionBegin = 0,
            bool staircase = false, double? endValue = null)
        {
            Guard.Rate(initValue);
            if (endValue is { } end) Guard.Rate(end, nameof(endValue));
            if (transitionSteps <= 0 || decayRate == 0) return Constant(initValue);
            if (decayRate > 1 && endValue is null) endValue = Rules.MaxMagnitude;
            return Named(() => Exponential(initValue, decayRate, transitionSteps, staircase, Math.Max(0, transitionBegin), endValue),
                ("rate", nameof(decayRate)));
        }

        /// <summary><c>cosine_decay_schedule</c>: cosine from <c>init</c> to <c>alpha·init</c> over <c>decay_steps</c>.</summary>
        public static Schedule CosineDecaySchedule(double initValue, long decaySteps, double alpha = 0, double exponent = 1)
        {
            Guard.Rate(initValue);
            Guard.Check(alpha, Rules.Factor(alpha));
            if (Rules.Rate(alpha * initValue) is not null)
                throw Guard.Fail(nameof(alpha), Guard.Show(alpha), $"must keep the floor alpha·initValue ({Guard.Show(alpha * initValue)}) at most 1e100");
            return Named(() => Cosine(decaySteps, initValue, alpha * initValue, exponent), ("steps", nameof(decaySteps)));
        }

        /// <summary><c>warmup_cosine_decay_schedule</c>: a linear warmup from <c>init</c> to <c>peak</c>, then cosine to
        /// <c>end</c>; <c>decay_steps</c> counts the warmup.</summary>
        public static Schedule WarmupCosineDecaySchedule(double initValue, double peakValue, long warmupSteps, long decaySteps,
            double endValue = 0, double exponent = 1)
        {
            Guard.Rate(initValue);
            Guard.Rate(peakValue);
            Guard.Rate(endValue);
            Guard.Check(warmupSteps, Rules.NonNegativeSteps(warmupSteps));
            Guard.Length(decaySteps);
            Guard.Check(warmupSteps, Rules.WarmupWithinRun(warmupSteps, decaySteps));
            var decay = Cosine(decaySteps - warmupSteps, peakValue, endValue, exponent);
            return OptionalWarmup(warmupSteps, initValue, decay, nameof(warmupSteps));
        }

        /// <summary><c>warmup_exponential_decay_schedule</c>: a linear warmup from <c>init</c> to <c>peak</c>, then
        /// <c>exponential_decay</c> from peak (its <c>transition_begin</c> counted after the warmup).</summary>
        public static Schedule WarmupExponentialDecaySchedule(double initValue, double peakValue, long warmupSteps, long transitionSteps,
            double decayRate, long transitionBegin = 0, bool staircase = false, double? endValue = null)
        {
            Guard.Rate(initValue);
            var decay = Named(() => ExponentialDecay(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue),
                ("initValue", nameof(peakValue)));
            return OptionalWarmup(warmupSteps, initValue, decay, nameof(warmupSteps));
        }

        /// <summary>One cycle of <see cref="SgdrSchedule"/>: the keyword arguments of <c>warmup_cosine_decay_schedule</c>.</summary>
        public sealed record CosineKwargs(double InitValue, double PeakValue, long WarmupSteps, long DecaySteps, double EndValue = 0, double Exponent = 1);

        /// <summary><c>sgdr_schedule</c>: warmup-cosine cycles joined end to end, each <c>decay_steps</c> long.</summary>
        public static Schedule SgdrSchedule(params CosineKwargs[] cosineKwargs)
        {
            ArgumentNullException.ThrowIfNull(cosineKwargs);
            if (cosineKwargs.Length == 0) throw Guard.Fail(nameof(cosineKwargs), "[]", Rules.NotEmptyRule);
            // The cycles run one after another, so together they must end within long.MaxValue steps.
            long total = 0;
            foreach (var k in cosineKwargs)
            {
                ArgumentNullException.ThrowIfNull(k, nameof(cosineKwargs));
                if (k.DecaySteps > 0 && Rules.StepSum(total, k.DecaySteps) is { } tooLong) throw Guard.Fail("decaySteps", Guard.Show(k.DecaySteps), tooLong);
                total += Math.Max(0, k.DecaySteps);
            }
            return Sequence(cosineKwargs.Select(k =>
                WarmupCosineDecaySchedule(k.InitValue, k.PeakValue, k.WarmupSteps, k.DecaySteps, k.EndValue, k.Exponent).Take(k.DecaySteps)).ToArray());
        }

        /// <summary><c>join_schedules</c>: schedule i+1 takes over at <c>boundaries[i]</c>, from its own step 0.</summary>
        public static Schedule JoinSchedules(Schedule[] schedules, long[] boundaries)
        {
            return Join(schedules, boundaries);
        }

        /// <summary><c>piecewise_constant_schedule</c>: at each boundary the value is multiplied by its scale.</summary>
        public static Schedule PiecewiseConstantSchedule(double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null)
        {
            Guard.Rate(initValue);
            var (bounds, values) = Cumulative(initValue, boundariesAndScales);
            string shown = "{" + string.Join(", ", bounds.Zip(values.Skip(1), (b, v) => $"{b}: {Guard.Show(v)}")) + "}";
            return NamedAs(() => PiecewiseConstant(values, bounds), ("boundaries", nameof(boundariesAndScales), shown), ("values", nameof(boundariesAndScales), shown));
        }

        /// <summary><c>piecewise_interpolate_schedule</c>: values <c>init·Π scales</c> at the boundaries, interpolated
        /// linearly or by cosine from step 0.</summary>
        public static Schedule PiecewiseInterpolateSchedule(string interpolateType, double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null)
        {
            ArgumentNullException.ThrowIfNull(interpolateType);
            var kind = interpolateType switch
            {
                "linear" => Interpolation.Linear,
                "cosine" => Interpolation.Cosine,
                _ => throw Guard.Fail(nameof(interpolateType), interpolateType, "must be linear or cosine"),
            };
            return PiecewiseInterpolateSchedule(kind, initValue, boundariesAndScales);
        }

        /// <summary><see cref="PiecewiseInterpolateSchedule(string, double, IReadOnlyDictionary{long, double}?)"/> with the
        /// interpolation as the shared enum (<c>"linear"</c>, <c>"cosine"</c>).</summary>
        public static Schedule PiecewiseInterpolateSchedule(Interpolation interpolateType, double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null)
        {
            var kind = interpolateType;
            Guard.Rate(initValue);
            var (bounds, values) = Cumulative(initValue, boundariesAndScales);
            // Knots sit at real-valued steps: past 2^53 two boundaries could fall on one double.
            if (bounds.Length > 0 && bounds[^1] > 1L << 53)
                throw Guard.Fail(nameof(boundariesAndScales), "{" + string.Join(", ", bounds) + "}",
                    "must have boundaries of at most 2^53 (9007199254740992), where a double still tells one step from the next");
            var knots = new List<Knot> { new(0, values[0]) };
            for (int i = 0; i < bounds.Length; i++)
            {
                if (bounds[i] == 0) knots[0] = new(0, values[i + 1]);
                else knots.Add(new(bounds[i], values[i + 1]));
            }
            return Interpolate(kind, knots.ToArray());
        }

        /// <summary><c>cosine_onecycle_schedule</c>: cosine from <c>peak/div</c> up to <c>peak</c> at ⌊pct_start·T⌋, then down
        /// to <c>peak/(div·final_div)</c> at T.</summary>
        public static Schedule CosineOnecycleSchedule(long transitionSteps, double peakValue, double pctStart = 0.3,
            double divFactor = 25, double finalDivFactor = 1e4)
        {
            // optax raises for a non-positive transition_steps (its boundaries would collide).
            Guard.Length(transitionSteps);
            Guard.Check(pctStart, Rules.Percentage(pctStart));
            OnecycleRates(transitionSteps, peakValue, divFactor, finalDivFactor);
            return NamedAs(() => PiecewiseInterpolateSchedule("cosine", peakValue / divFactor, new Dictionary<long, double>
            {
                [(long)(pctStart * transitionSteps)] = divFactor,
                [transitionSteps] = 1 / (divFactor * finalDivFactor),
            }), ("boundariesAndScales", nameof(finalDivFactor), finalDivFactor));
        }

        /// <summary><c>linear_onecycle_schedule</c>: lines from <c>peak/div</c> to <c>peak</c> at ⌊pct_start·T⌋, back to
        /// <c>peak/div</c> at ⌊pct_final·T⌋, and to <c>peak/(div·final_div)</c> at T.</summary>
        public static Schedule LinearOnecycleSchedule(long transitionSteps, double peakValue, double pctStart = 0.3, double pctFinal = 0.85,
            double divFactor = 25, double finalDivFactor = 1e4)
        {
            Guard.Length(transitionSteps);
            Guard.Check(pctStart, Rules.Percentage(pctStart));
            Guard.Check(pctFinal, Rules.Percentage(pctFinal));
            OnecycleRates(transitionSteps, peakValue, divFactor, finalDivFactor);
            return NamedAs(() => PiecewiseInterpolateSchedule("linear", peakValue / divFactor, new Dictionary<long, double>
            {
                [(long)(pctStart * transitionSteps)] = divFactor,
                [(long)(pctFinal * transitionSteps)] = 1 / divFactor,
                [transitionSteps] = 1 / finalDivFactor,
            }), ("boundariesAndScales", nameof(finalDivFactor), finalDivFactor));
        }

        /// <summary>The run's length (its knots are doubles), the peak and the two divisors that give a one-cycle's start
        /// (peak/div) and end (peak/(div·final_div)). Whatever is left of the end's range (the scales' running product) is
        /// reported under final_div_factor by the callers.</summary>
        private static void OnecycleRates(long transitionSteps, double peakValue, double divFactor, double finalDivFactor)
        {
            if (transitionSteps > 1L << 53)
                throw Guard.Fail(nameof(transitionSteps), Guard.Show(transitionSteps),
                    "must be at most 2^53 (9007199254740992), where a double still tells one step from the next");
            Guard.Rate(peakValue);
            Guard.Check(divFactor, Rules.PositiveFactor(divFactor));
            Guard.Check(finalDivFactor, Rules.PositiveFactor(finalDivFactor));
            if (Rules.Rate(peakValue / divFactor) is not null)
                throw Guard.Fail(nameof(divFactor), Guard.Show(divFactor), $"must keep the start peakValue/divFactor ({Guard.Show(peakValue / divFactor)}) at most 1e100");
            if (Rules.Rate(peakValue / divFactor / finalDivFactor) is not null)
                throw Guard.Fail(nameof(finalDivFactor), Guard.Show(finalDivFactor),
                    $"must keep the end peakValue/(divFactor·finalDivFactor) ({Guard.Show(peakValue / divFactor / finalDivFactor)}) at most 1e100");
        }

        /// <summary>Sorted boundaries and the running products <c>init·Π scales</c>, as optax computes them.</summary>
        private static (long[] Bounds, double[] Values) Cumulative(double initValue, IReadOnlyDictionary<long, double>? scales)
        {
            var sorted = (scales ?? new Dictionary<long, double>()).OrderBy(kv => kv.Key).ToArray();
            var values = new double[sorted.Length + 1];
            values[0] = initValue;
            for (int i = 0; i < sorted.Length; i++)
            {
                values[i + 1] = values[i] * sorted[i].Value;
                // optax's boundaries are steps of 0 or more; every value reached must be a rate, like every LrCompose value.
                if (sorted[i].Key < 0 || Rules.Rate(values[i + 1]) is not null)
                    throw Guard.Fail("boundariesAndScales", "{" + string.Join(", ", sorted.Select(kv => $"{kv.Key}: {Guard.Show(kv.Value)}")) + "}",
                        sorted[i].Key < 0
                            ? $"must have boundaries of 0 or more; {sorted[i].Key} is not"
                            : $"must keep every value (initValue times the scales up to its boundary) between 0 and 1e100; at {sorted[i].Key} it is {Guard.Show(values[i + 1])}");
            }
            return (sorted.Select(kv => kv.Key).ToArray(), values);
        }
    }
}
