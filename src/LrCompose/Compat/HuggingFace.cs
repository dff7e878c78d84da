using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

public static partial class Compat
{
    /// <summary>
    /// Hugging Face <c>transformers.optimization</c>'s <c>get_*_schedule*</c> functions, as the rate they give an
    /// optimizer whose initial rate is <c>baseLr</c>. Every warmup is HF's <c>step/W</c>, starting at 0.
    /// </summary>
    public static class HuggingFace
    {
        /// <summary><c>get_constant_schedule</c>.</summary>
        public static Schedule GetConstantSchedule(double baseLr) => Constant(Guard.Rate(baseLr));

        /// <summary><c>get_constant_schedule_with_warmup</c>: <c>warmup W &gt;&gt; constant base</c>.</summary>
        public static Schedule GetConstantScheduleWithWarmup(double baseLr, long numWarmupSteps) =>
            WithWarmup(numWarmupSteps, Constant(Guard.Rate(baseLr)));

        /// <summary><c>get_linear_schedule_with_warmup</c>: <c>warmup W &gt;&gt; linear (T − W) from=base to=0</c>.</summary>
        public static Schedule GetLinearScheduleWithWarmup(double baseLr, long numWarmupSteps, long numTrainingSteps) =>
            WithWarmup(numWarmupSteps, Linear(DecaySteps(baseLr, numWarmupSteps, numTrainingSteps), baseLr, 0));

        /// <summary>
        /// <c>get_cosine_schedule_with_warmup</c>. Quirk reproduced: past <c>num_training_steps</c> the cosine is not
        /// clamped, so the rate rises again (a full wave has period <c>(T − W)/num_cycles</c>). Native: warmup, then a
        /// cosine down and up, cycled and stretched to the wave's period.
        /// </summary>
        public static Schedule GetCosineScheduleWithWarmup(double baseLr, long numWarmupSteps, long numTrainingSteps, double numCycles = 0.5) =>
            WithWarmup(numWarmupSteps, Wave(baseLr, 0, DecaySteps(baseLr, numWarmupSteps, numTrainingSteps), numCycles, numTrainingSteps));

        /// <summary>
        /// <c>get_cosine_with_min_lr_schedule_with_warmup</c> (give <paramref name="minLrRate"/> or <paramref name="minLr"/>).
        /// The same unclamped wave as <see cref="GetCosineScheduleWithWarmup"/>, between base and the floor.
        /// </summary>
        public static Schedule GetCosineWithMinLrScheduleWithWarmup(double baseLr, long numWarmupSteps, long numTrainingSteps,
            double numCycles = 0.5, double? minLr = null, double? minLrRate = null)
        {
            if ((minLr is null) == (minLrRate is null))
                throw Guard.Fail(nameof(minLrRate), Guard.Show(minLrRate), "must be given, or minLr, but not both");
            long decay = DecaySteps(baseLr, numWarmupSteps, numTrainingSteps);
            if (minLr is { } given) Guard.Rate(given, nameof(minLr));
            if (minLrRate is { } ratio) Guard.Check(ratio, Rules.Factor(ratio), nameof(minLrRate));
            double floor = minLr ?? baseLr * minLrRate!.Value;
            if (Rules.Rate(floor) is not null)
                throw Guard.Fail(nameof(minLrRate), Guard.Show(minLrRate), $"must keep the floor baseLr·minLrRate ({Guard.Show(floor)}) at most 1e100");
            return WithWarmup(numWarmupSteps, Wave(baseLr, floor, decay, numCycles, numTrainingSteps));
        }

        /// <summary>
        /// <c>get_cosine_with_hard_restarts_schedule_with_warmup</c>: <c>num_cycles</c> cosines from base to 0, each over
        /// <c>(T − W)/num_cycles</c> steps (not necessarily whole), then 0. Native: a stretched cosine, cycled.
        /// </summary>
        public static Schedule GetCosineWithHardRestartsScheduleWithWarmup(double baseLr, long numWarmupSteps, long numTrainingSteps, int numCycles = 1)
        {
            long decay = DecaySteps(baseLr, numWarmupSteps, numTrainingSteps);
            Guard.Check(numCycles, Rules.Count(numCycles));
            // Each cycle is (T − W)/num_cycles steps long: shorter than a step (or longer than 1e15) it is refused under num_cycles.
            var restarts = NamedAs(() => Cosine(decay, baseLr).Stretch(1.0 / numCycles).Cycle(limit: numCycles), ("factor", nameof(numCycles), numCycles), ("limit", nameof(numTrainingSteps), numTrainingSteps));
            return WithWarmup(numWarmupSteps, restarts.Take(decay).Then(Constant(0)));
        }

        /// <summary><c>get_polynomial_decay_schedule_with_warmup</c>: <c>warmup W &gt;&gt; polynomial (T − W) from=base to=lr_end power=p</c>.</summary>
        public static Schedule GetPolynomialDecayScheduleWithWarmup(double baseLr, long numWarmupSteps, long numTrainingSteps,
            double lrEnd = 1e-7, double power = 1.0)
        {
            long decay = DecaySteps(baseLr, numWarmupSteps, numTrainingSteps);
            Guard.Rate(lrEnd);
            if (!(lrEnd < baseLr)) throw Guard.Fail(nameof(lrEnd), Guard.Show(lrEnd), $"must be smaller than the initial rate {Guard.Show(baseLr)}");
            return WithWarmup(numWarmupSteps, Polynomial(decay, baseLr, lrEnd, power));
        }

        /// <summary><c>get_inverse_sqrt_schedule</c>: <c>warmup W &gt;&gt; invsqrt peak=base timescale=τ</c>, τ defaulting to W
        /// (or 10,000 without warmup).</summary>
        public static Schedule GetInverseSqrtSchedule(double baseLr, long numWarmupSteps, long? timescale = null) =>
            WithWarmup(numWarmupSteps, InverseSqrt(Guard.Rate(baseLr), timescale ?? (numWarmupSteps > 0 ? numWarmupSteps : 10_000)));

        /// <summary>
        /// <c>get_wsd_schedule</c> (warmup-stable-decay): warmup from <c>min_lr_ratio·base</c>, hold base, decay
        /// (<c>linear</c>, <c>cosine</c> or <c>1-sqrt</c>) to <c>min_lr_ratio·base</c>, then hold it.
        /// </summary>
        public static Schedule GetWsdSchedule(double baseLr, long numWarmupSteps, long numStableSteps, long numDecaySteps,
            double minLrRatio = 0, string decayType = "cosine")
        {
            ArgumentNullException.ThrowIfNull(decayType);
            var shape = decayType switch
            {
                "linear" => DecayShape.Linear,
                "cosine" => DecayShape.Cosine,
                "1-sqrt" => DecayShape.OneMinusSqrt,
                _ => throw Guard.Fail(nameof(decayType), decayType, "must be linear, cosine or 1-sqrt"),
            };
            return GetWsdSchedule(baseLr, numWarmupSteps, numStableSteps, numDecaySteps, shape, minLrRatio);
        }

        /// <summary><see cref="GetWsdSchedule(double, long, long, long, double, string)"/> with the decay type as the shared
        /// enum (<c>"linear"</c>, <c>"cosine"</c>, <c>"1-sqrt"</c> are <see cref="DecayShape.Linear"/>,
        /// <see cref="DecayShape.Cosine"/>, <see cref="DecayShape.OneMinusSqrt"/>; Hugging Face has no exponential decay, so
        /// <see cref="DecayShape.Exponential"/> is refused).</summary>
        public static Schedule GetWsdSchedule(double baseLr, long numWarmupSteps, long numStableSteps, long numDecaySteps,
            DecayShape decayType, double minLrRatio = 0)
        {
            Guard.Rate(baseLr);
            Guard.Check(numWarmupSteps, Rules.NonNegativeSteps(numWarmupSteps));
            Guard.Check(minLrRatio, Rules.Factor(minLrRatio) ?? (minLrRatio <= 1 ? null : "must be at most 1"));
            Guard.Check(numStableSteps, Rules.NonNegativeSteps(numStableSteps));
            Guard.Length(numDecaySteps);
            Guard.Check(numStableSteps, Rules.StepSum(numWarmupSteps, numStableSteps));
            Guard.Check(numDecaySteps, Rules.StepSum(numWarmupSteps, numStableSteps, numDecaySteps));
            double floor = baseLr * minLrRatio;
            Schedule decay = decayType switch
            {
                DecayShape.Linear => Linear(numDecaySteps, baseLr, floor),
                DecayShape.Cosine => Cosine(numDecaySteps, baseLr, floor),
                DecayShape.OneMinusSqrt => OneMinusSqrt(numDecaySteps, baseLr, floor),
                _ => throw Guard.Fail(nameof(decayType), decayType.ToString(), "must be Linear, Cosine or OneMinusSqrt (Hugging Face's decay types)"),
            };
            Schedule tail = numStableSteps > 0 ? Hold(numStableSteps).Then(decay) : decay;
            return OptionalWarmup(numWarmupSteps, floor, tail, nameof(numWarmupSteps));
        }

        private static Schedule WithWarmup(long warmup, Schedule next) => OptionalWarmup(warmup, 0, next, "numWarmupSteps");

        /// <summary>The steps after the warmup, each input checked under the name it has in every method here.</summary>
        private static long DecaySteps(double baseLr, long warmup, long total)
        {
            Guard.Rate(baseLr, "baseLr");
            Guard.Check(warmup, Rules.NonNegativeSteps(warmup), "numWarmupSteps");
            Guard.Check(total, Rules.Length(total), "numTrainingSteps");
            Guard.Check(warmup, Rules.WarmupWithinRun(warmup, total), "numWarmupSteps");
            return total - warmup;
        }

        /// <summary>HF's <c>floor + (peak − floor)·½(1 + cos(2π·cycles·t/n))</c>: down and up again, for ever. A wave too
        /// long for a long, or stretched past what a schedule holds, is refused under the parameter that made it so.</summary>
        private static Schedule Wave(double peak, double floor, long steps, double cycles, long numTrainingSteps)
        {
            Guard.Check(cycles, Rules.PositiveFactor(cycles), "numCycles");
            return NamedAs(() => Sequence(Cosine(steps, peak, floor), Cosine(steps, floor, peak)).Cycle().Stretch(0.5 / cycles),
                ("next", nameof(numTrainingSteps), numTrainingSteps), ("factor", "numCycles", cycles));
        }
    }
}
