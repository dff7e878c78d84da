using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

public static partial class Compat
{
    /// <summary>
    /// timm <c>timm.scheduler</c>: the pure per-step (or per-epoch) function <c>scheduler._get_lr(t)</c>, noise off.
    /// Quirks reproduced: without <c>warmup_prefix</c> the main schedule runs on the global t, so the warmup eats its
    /// first <c>warmup_t</c> steps and the join jumps; <c>cycle_decay</c> lowers each cycle's peak but not its floor;
    /// after <c>cycle_limit</c> cycles the rate is <c>lr_min</c>.
    /// </summary>
    public static class Timm
    {
        /// <summary><c>CosineLRScheduler</c>, with cycles (<c>cycle_mul</c>, <c>cycle_decay</c>, <c>cycle_limit</c>) and <c>k_decay</c>.</summary>
        public static Schedule CosineLRScheduler(double baseLr, long tInitial, double lrMin = 0, double cycleMul = 1, double cycleDecay = 1,
            int cycleLimit = 1, long warmupT = 0, double warmupLrInit = 0, bool warmupPrefix = false, double kDecay = 1) =>
            Cycles((peak, floor) => Cosine(tInitial, peak, floor, kDecay: kDecay), baseLr, lrMin, tInitial, cycleMul, cycleDecay, cycleLimit,
                warmupT, warmupLrInit, warmupPrefix);

        /// <summary><c>TanhLRScheduler</c>: timm's tanh decay between <c>lb</c> and <c>ub</c>, with cycles.</summary>
        public static Schedule TanhLRScheduler(double baseLr, long tInitial, double lb = -7, double ub = 3, double lrMin = 0, double cycleMul = 1,
            double cycleDecay = 1, int cycleLimit = 1, long warmupT = 0, double warmupLrInit = 0, bool warmupPrefix = false) =>
            Cycles((peak, floor) => Tanh(tInitial, peak, floor, lb, ub), baseLr, lrMin, tInitial, cycleMul, cycleDecay, cycleLimit,
                warmupT, warmupLrInit, warmupPrefix);

        /// <summary><c>PolyLRScheduler</c>: <c>lr_min + (base − lr_min)·(1 − tᵏ/Tᵏ)^power</c>, with cycles.</summary>
        public static Schedule PolyLRScheduler(double baseLr, long tInitial, double power = 0.5, double lrMin = 0, double cycleMul = 1,
            double cycleDecay = 1, int cycleLimit = 1, long warmupT = 0, double warmupLrInit = 0, bool warmupPrefix = false, double kDecay = 1) =>
            Cycles((peak, floor) => Polynomial(tInitial, peak, floor, power, kDecay), baseLr, lrMin, tInitial, cycleMul, cycleDecay, cycleLimit,
                warmupT, warmupLrInit, warmupPrefix);

        /// <summary><see cref="CosineLRScheduler(double, long, double, double, double, int, long, double, bool, double)"/> with
        /// the cycle and warmup settings by name.</summary>
        public static Schedule CosineLRScheduler(double baseLr, long tInitial, TimmCycleOptions options, double kDecay = 1)
        {
            ArgumentNullException.ThrowIfNull(options);
            return CosineLRScheduler(baseLr, tInitial, options.LrMin, options.CycleMul, options.CycleDecay, options.CycleLimit, options.WarmupT,
                options.WarmupLrInit, options.WarmupPrefix, kDecay);
        }

        /// <summary><see cref="TanhLRScheduler(double, long, double, double, double, double, double, int, long, double, bool)"/>
        /// with the cycle and warmup settings by name.</summary>
        public static Schedule TanhLRScheduler(double baseLr, long tInitial, TimmCycleOptions options, double lb = -7, double ub = 3)
        {
            ArgumentNullException.ThrowIfNull(options);
            return TanhLRScheduler(baseLr, tInitial, lb, ub, options.LrMin, options.CycleMul, options.CycleDecay, options.CycleLimit, options.WarmupT,
                options.WarmupLrInit, options.WarmupPrefix);
        }

        /// <summary><see cref="PolyLRScheduler(double, long, double, double, double, double, int, long, double, bool, double)"/>
        /// with the cycle and warmup settings by name.</summary>
        public static Schedule PolyLRScheduler(double baseLr, long tInitial, TimmCycleOptions options, double power = 0.5, double kDecay = 1)
        {
            ArgumentNullException.ThrowIfNull(options);
            return PolyLRScheduler(baseLr, tInitial, power, options.LrMin, options.CycleMul, options.CycleDecay, options.CycleLimit, options.WarmupT,
                options.WarmupLrInit, options.WarmupPrefix, kDecay);
        }

        /// <summary>
        /// <c>StepLRScheduler</c>: <c>base·decay_rate^⌊t/decay_t⌋</c>. With <paramref name="warmupPrefix"/> (timm's default
        /// for this scheduler) t is counted from the end of the warmup; without it, from step 0.
        /// </summary>
        public static Schedule StepLRScheduler(double baseLr, long decayT, double decayRate = 1, long warmupT = 0, double warmupLrInit = 0,
            bool warmupPrefix = true) =>
            WithWarmup(Named(() => StepDecay(baseLr, decayRate, decayT), ("from", nameof(baseLr)), ("gamma", nameof(decayRate)), ("every", nameof(decayT))),
                baseLr, warmupT, warmupLrInit, warmupPrefix);

        /// <summary>
        /// <c>MultiStepLRScheduler</c>. Quirk reproduced: timm 1.0.29 counts the milestones passed by <c>t + 1</c>, so each
        /// decay lands one step before its listed <c>decay_t</c>. Native: <c>MultiStep</c> at <c>decay_t − 1</c>. With
        /// <paramref name="warmupPrefix"/> (timm's default for this scheduler) t is counted from the end of the warmup.
        /// </summary>
        public static Schedule MultiStepLRScheduler(double baseLr, long[] decayT, double decayRate = 1, long warmupT = 0,
            double warmupLrInit = 0, bool warmupPrefix = true) =>
            WithWarmup(NamedAs(() => MultiStep(baseLr, decayRate, (decayT ?? throw new ArgumentNullException(nameof(decayT))).Select(m => Math.Max(0, m - 1)).ToArray()),
                ("from", nameof(baseLr), baseLr), ("gamma", nameof(decayRate), decayRate), ("milestones", nameof(decayT), decayT)), baseLr, warmupT, warmupLrInit, warmupPrefix);

        /// <summary>
        /// timm's cycles: <c>lr_min + (base·decayⁱ − lr_min)·shape</c> over periods <c>T·mulⁱ</c>, then <c>lr_min</c> once
        /// <c>cycle_limit</c> cycles are done. As the floor does not decay, the decaying part and the floor are two cycles
        /// added together.
        /// </summary>
        private static Schedule Cycles(Func<double, double, Schedule> shape, double baseLr, double lrMin, long tInitial, double cycleMul,
            double cycleDecay, int cycleLimit, long warmupT, double warmupLrInit, bool warmupPrefix)
        {
            Guard.Rate(baseLr);
            Guard.Rate(lrMin);
            Guard.Length(tInitial);
            Guard.Check(cycleLimit, Rules.Count(cycleLimit));
            var cycling = Named(() => cycleDecay == 1
                ? shape(baseLr, lrMin).Cycle(cycleMul)
                : shape(baseLr, 0).Cycle(cycleMul, cycleDecay) + shape(0, lrMin).Cycle(cycleMul), ("multiplier", nameof(cycleMul)), ("decay", nameof(cycleDecay)));
            double total = CycleSpans.Total(tInitial, cycleMul, cycleLimit);
            var main = total >= 1e15 ? cycling : cycling.Take((long)Math.Ceiling(total)).Then(Constant(lrMin));
            return WithWarmup(main, baseLr, warmupT, warmupLrInit, warmupPrefix);
        }

        private static Schedule WithWarmup(Schedule main, double baseLr, long warmupT, double warmupLrInit, bool warmupPrefix)
        {
            Guard.Check(warmupT, Rules.NonNegativeSteps(warmupT));
            Guard.Rate(warmupLrInit);   // checked even when there is no warmup: a NaN is a mistake either way
            if (warmupT == 0) return main;
            var warm = Linear(warmupT, warmupLrInit, baseLr);
            // A warmup so long that the run would pass long.MaxValue steps is refused under warmup_t.
            return NamedAs(() => warm.Then(warmupPrefix ? main : main.Shift(-warmupT)), ("next", nameof(warmupT), warmupT), ("steps", nameof(warmupT), warmupT));
        }
    }
}
