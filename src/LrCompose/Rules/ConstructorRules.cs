// Compiled into both the LrCompose library and the LrCompose generator: the list of rules each constructor checks,
// in order, so that a value the runtime rejects is the same compile-time diagnostic, with the same words, at the
// same parameter. Keep it netstandard2.0-friendly.
using System;
using System.Globalization;

namespace LrCompose.Validation
{
    /// <summary>A broken rule: which parameter, its value as shown to the user, and the rule.</summary>
    internal sealed class Violation
    {
        public Violation(string parameter, string value, string rule)
        {
            Parameter = parameter;
            Value = value;
            Rule = rule;
        }

        public string Parameter { get; }
        public string Value { get; }
        public string Rule { get; }

        /// <summary><c>steps was 0: it must be at least 1 step.</c></summary>
        public string Message => Parameter + " was " + Value + ": it " + Rule + ".";
    }

    /// <summary>What a combinator needs the end of a schedule for; each has its own words in
    /// <see cref="ConstructorRules.NeverEnds"/>.</summary>
    internal enum UnendingUse
    {
        /// <summary>Another phase follows it (<c>Then</c>, <c>Sequence</c>, <c>&gt;&gt;</c>).</summary>
        Followed,

        /// <summary>It restarts (<c>Cycle</c>).</summary>
        Cycled,

        /// <summary>Its end moves (<c>Retarget</c>).</summary>
        Retargeted,

        /// <summary>Its length is cut into stairs (<c>Staircase</c> with no span of its own).</summary>
        Staircased,

        /// <summary>Its end value is asked for (<c>Schedule.EndValue</c>).</summary>
        Ended,

        /// <summary>Another stage of a live schedule follows it, and no end condition ends it (<c>LiveSchedule</c>).</summary>
        FollowedLive,
    }

    /// <summary>The rules of each constructor that both the runtime and the generator enforce.</summary>
    internal static class ConstructorRules
    {
        public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        public static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

        public static Violation? Check(string parameter, double value, string? rule) =>
            rule == null ? null : new Violation(parameter, Show(value), rule);

        public static Violation? Check(string parameter, long value, string? rule) =>
            rule == null ? null : new Violation(parameter, Show(value), rule);

        public static Violation? First(params Violation?[] checks)
        {
            foreach (var check in checks) if (check != null) return check;
            return null;
        }

        /// <summary>
        /// Where each phase of a sequence starts, and the whole length when the last phase ends: every start and the
        /// length must stay within <see cref="long.MaxValue"/> steps. <paramref name="lengths"/> holds every phase's
        /// length (null for one that never ends, allowed only last).
        /// </summary>
        public static Violation? PhaseStarts(long?[] lengths, long[] starts, out long? total)
        {
            long at = 0;
            total = null;
            for (int i = 0; i < lengths.Length; i++)
            {
                starts[i] = at;
                if (!lengths[i].HasValue) return null;
                long length = lengths[i]!.Value;
                if (Rules.StepSum(at, length) is not null)
                    return new Violation("next", "a phase of " + Show(length) + " steps after " + Show(at) + " steps", Rules.StepRangeRule);
                at += length;
            }
            total = at;
            return null;
        }

        /// <summary>
        /// A join's length: where its last part starts (the last boundary) plus that part's length, when it has one;
        /// the sum must stay within long.MaxValue steps. The runtime and the generator both take the length from here,
        /// so a join that cannot be built is refused by both.
        /// </summary>
        public static Violation? JoinLength(long[] boundaries, long? lastLength, out long? length)
        {
            length = null;
            if (!lastLength.HasValue) return null;
            long lastStart = boundaries.Length == 0 ? 0 : boundaries[boundaries.Length - 1];
            if (Rules.StepSum(lastStart, lastLength.Value) is { } tooLong) return new Violation("boundaries", ShowSteps(boundaries), tooLong);
            length = lastStart + lastLength.Value;
            return null;
        }

        /// <summary>Shifts fuse by adding up: the total must stay within the range of a step count.</summary>
        public static Violation? ShiftTotal(long steps, long offset, out long total)
        {
            total = 0;
            if (steps > 0 ? offset > long.MaxValue - steps : offset < long.MinValue - steps)
                return new Violation("steps", Show(steps), Rules.StepRangeRule);
            total = offset + steps;
            return null;
        }

        /// <summary>A pointwise sum's largest value, <paramref name="aMax"/> + <paramref name="bMax"/>, must stay within
        /// 1e100; the second schedule (<paramref name="shownB"/>, as the user's front end names it) is the one named.</summary>
        public static Violation? SumMaximum(string shownB, double aMax, double bMax) => LargestValue("b", shownB, aMax + bMax);

        /// <summary>A pointwise product's largest value must stay within 1e100; the factor schedule is the one named.</summary>
        public static Violation? ProductMaximum(string shownBy, double max, double byMax) => LargestValue("by", shownBy, max * byMax);

        private static Violation? LargestValue(string parameter, string shown, double largest) =>
            Rules.Rate(largest) is string broken ? new Violation(parameter, shown, "makes the largest value " + Show(largest) + ", which " + broken) : null;

        /// <summary>
        /// The words for a schedule that goes on for ever where something needs its end: one sentence per use, so the
        /// runtime's exception and the generator's LRC012 say the same thing. <paramref name="subject"/> is how the
        /// front end names the schedule (the runtime its recipe text, the generator its word).
        /// </summary>
        public static string NeverEnds(string subject, UnendingUse use) =>
            subject + " goes on for ever, so " + Consequence(use) + "; " + Remedy(use);

        private const string TakeRemedy = "make it finite with .Take(steps)";

        private static string Consequence(UnendingUse use)
        {
            switch (use)
            {
                case UnendingUse.Followed: return "nothing can follow it";
                case UnendingUse.Cycled: return "it cannot be cycled";
                case UnendingUse.Retargeted: return "it has no end to re-target";
                case UnendingUse.Staircased: return "it has no length to cut into stairs";
                case UnendingUse.Ended: return "it has no end value";
                case UnendingUse.FollowedLive: return "no stage can follow it without an end condition";
                default: throw new ArgumentOutOfRangeException(nameof(use));
            }
        }

        private static string Remedy(UnendingUse use)
        {
            switch (use)
            {
                case UnendingUse.Staircased: return "give the span, or " + TakeRemedy;
                case UnendingUse.FollowedLive: return "give it one (until-metric, until-plateau), or " + TakeRemedy;
                default: return TakeRemedy;
            }
        }

        /// <summary>A sequence needs at least one phase.</summary>
        public static Violation? Sequence(int phases) => phases == 0 ? new Violation("phases", "[]", Rules.NotEmptyRule) : null;

        /// <summary>A lead (warmup, hold) can be followed by more leads, but not by one that already has phases before it:
        /// those phases would have nowhere to go.</summary>
        public static Violation? LeadThenLead(bool moreHasPhasesBefore) =>
            moreHasPhasesBefore ? new Violation("more", "a lead with phases before it", "must be a lead with no phases before it") : null;

        /// <summary>
        /// A split of a run of <paramref name="totalSteps"/> steps into <paramref name="fractions"/>: each in (0, 1], adding
        /// up to 1; <paramref name="lengths"/> receives each portion's steps, <c>round(total·Σfractions)</c> apart (the last
        /// ends at the total), and each must get at least one.
        /// </summary>
        public static Violation? Split(long totalSteps, double[] fractions, long[] lengths)
        {
            if (Check("totalSteps", totalSteps, Rules.Length(totalSteps)) is { } tooShort) return tooShort;
            if (fractions.Length == 0) return new Violation("portions", "[]", Rules.NotEmptyRule);
            double sum = 0;
            foreach (double f in fractions)
            {
                if (Check("portions", f, Rules.Fraction(f)) is { } broken) return broken;
                sum += f;
            }
            if (Math.Abs(sum - 1) > 1e-9)
                return new Violation("portions", "[" + string.Join(", ", Array.ConvertAll(fractions, Show)) + "]", "must have fractions that add up to 1");
            double cumulative = 0;
            long previous = 0;
            for (int i = 0; i < fractions.Length; i++)
            {
                cumulative += fractions[i];
                long boundary = i == fractions.Length - 1 ? totalSteps : (long)Math.Round(totalSteps * cumulative);
                lengths[i] = boundary - previous;
                if (lengths[i] < 1)
                    return new Violation("portions", Show(fractions[i]), "gives phase " + i.ToString(CultureInfo.InvariantCulture) + " no steps of a "
                        + Show(totalSteps) + "-step run");
                previous = boundary;
            }
            return null;
        }

        /// <summary>A split's portion must build a phase of exactly the steps it was given.</summary>
        public static Violation? SplitPhase(string shownPhase, long? builtLength, long length) =>
            builtLength == length ? null : new Violation("portions", shownPhase, "must build a phase of exactly " + Show(length) + " steps");

        private static string ShowSteps(long[] steps) => "[" + string.Join(", ", Array.ConvertAll(steps, Show)) + "]";

        /// <summary>A scale (fused to <paramref name="combined"/>) must keep the largest value within 1e100.</summary>
        public static Violation? ScaledMaximum(double factor, double innerMax, double combined)
        {
            double largest = innerMax * combined;
            return Rules.Rate(largest) is string broken
                ? new Violation("factor", Show(factor), "makes the largest value " + Show(largest) + ", which " + broken)
                : null;
        }

        /// <summary>An exponential warmup ramps geometrically into the next phase's start, which must be above 0.</summary>
        public static Violation? WarmupTarget(double target, WarmupShape shape) =>
            shape == WarmupShape.Exponential && Rules.PositiveFactor(target) != null
                ? new Violation("target", Show(target), "is the value the exponential warmup ramps into, and " + Rules.PositiveForExponentialRule)
                : null;

        /// <summary>A per-epoch schedule's length in steps: epochs × steps per epoch, within long.MaxValue.</summary>
        public static Violation? PerEpochLength(long stepsPerEpoch, long? epochs, out long? length)
        {
            length = null;
            if (!epochs.HasValue) return null;
            if (Rules.StepProduct(epochs.Value, stepsPerEpoch) is { } tooLong) return new Violation("stepsPerEpoch", Show(stepsPerEpoch), tooLong);
            length = epochs.Value * stepsPerEpoch;
            return null;
        }

        /// <summary>The length of a limited cycle: its exact span rounded up, within long.MaxValue.</summary>
        public static Violation? CycleLength(double period, double multiplier, long? limit, out long? length)
        {
            length = null;
            if (!limit.HasValue) return null;
            double span = Math.Ceiling(CycleSpans.Total(period, multiplier, limit.Value));
            if (!(span < 9.2e18)) return new Violation("limit", Show(limit.Value), Rules.StepRangeRule);
            length = (long)span;
            return null;
        }

        /// <summary>A shifted phase's length: the inner length plus the (fused) shift, at least one step.</summary>
        public static Violation? ShiftLength(long steps, long? innerLength, long total, out long? length)
        {
            length = null;
            if (!innerLength.HasValue) return null;
            if (total > 0 && innerLength.Value > long.MaxValue - total) return new Violation("steps", Show(steps), Rules.StepRangeRule);
            if (ShiftedLength(steps, innerLength, total) is { } tooShort) return tooShort;
            length = Math.Max(1, innerLength.Value + total);
            return null;
        }

        /// <summary>An interpolation lasts until its last knot, rounded up to a whole step (at least one).</summary>
        public static Violation? InterpolateLength(double lastKnot, out long length)
        {
            length = 1;
            if (!(lastKnot < 9.2e18)) return new Violation("knots", Show(lastKnot), Rules.StepRangeRule);
            length = Math.Max(1, (long)Math.Ceiling(lastKnot));
            return null;
        }

        /// <summary>One-cycle's phases must each last at least one step.</summary>
        public static Violation? OneCyclePhases(double pctStart, long totalSteps, bool threePhase, out long up, out long rest)
        {
            up = (long)Math.Round(pctStart * totalSteps);
            rest = totalSteps - (threePhase ? 2 * up : up);
            return up < 1 || rest < 1
                ? new Violation("pctStart", Show(pctStart), "must leave every phase of a " + totalSteps + "-step one-cycle at least one step")
                : null;
        }

        public static Violation? Constant(double value) => Check("value", value, Rules.Rate(value));

        public static Violation? Linear(long steps, double from, double to) =>
            First(Check("steps", steps, Rules.Length(steps)), Check("from", from, Rules.Rate(from)), Check("to", to, Rules.Rate(to)));

        public static Violation? Cosine(long steps, double peak, double floor, double exponent, double kDecay) =>
            First(Check("steps", steps, Rules.Length(steps)), Check("peak", peak, Rules.Rate(peak)), Check("floor", floor, Rules.Rate(floor)),
                Check("exponent", exponent, Rules.Power(exponent)), Check("kDecay", kDecay, Rules.Power(kDecay)));

        public static Violation? Polynomial(long steps, double from, double to, double power, double kDecay) =>
            First(Check("steps", steps, Rules.Length(steps)), Check("from", from, Rules.Rate(from)), Check("to", to, Rules.Rate(to)),
                Check("power", power, Rules.Power(power)), Check("kDecay", kDecay, Rules.Power(kDecay)));

        public static Violation? Exponential(double from, double rate, long every, long begin, double? end) =>
            First(Check("from", from, Rules.Rate(from)), Check("rate", rate, Rules.Gamma(rate)), Check("every", every, Rules.Length(every)),
                Check("begin", begin, Rules.NonNegativeSteps(begin)),
                end.HasValue ? Check("end", end.Value, Rules.Rate(end.Value)) : Check("rate", rate, rate > 1 ? Rules.GrowthNeedsEndRule : null));

        public static Violation? StepDecay(double from, double gamma, long every) =>
            First(Check("from", from, Rules.Rate(from)), Check("gamma", gamma, Rules.DecayGamma(gamma)), Check("every", every, Rules.Length(every)));

        public static Violation? MultiStep(double from, double gamma, long[] milestones)
        {
            var broken = First(Check("from", from, Rules.Rate(from)), Check("gamma", gamma, Rules.Gamma(gamma)));
            if (broken != null) return broken;
            if (Rules.Milestones(milestones) is string rule) return new Violation("milestones", "[" + string.Join(", ", milestones) + "]", rule);
            double extreme = from * Math.Pow(gamma, milestones.Length);
            return Rules.Rate(extreme) is string overflow
                ? new Violation("gamma", Show(gamma), "makes the last value " + Show(extreme) + ", which " + overflow)
                : null;
        }

        public static Violation? InverseSqrt(double peak, long timescale) =>
            First(Check("peak", peak, Rules.Rate(peak)), Check("timescale", timescale, Rules.Length(timescale)));

        public static Violation? PowerLaw(double peak, double knee, double exponent, long start) =>
            First(Check("peak", peak, Rules.Rate(peak)), Check("knee", knee, Rules.PositiveFactor(knee)),
                Check("exponent", exponent, Rules.Power(exponent)), Check("start", start, Rules.NonNegativeSteps(start)));

        public static Violation? Tanh(long steps, double from, double to, double lb, double ub) =>
            First(Check("lb", lb, Rules.Finite(lb)), Check("ub", ub, Rules.Finite(ub)), Check("lb", lb, Rules.Ordered(lb, ub)),
                Check("steps", steps, Rules.Length(steps)), Check("from", from, Rules.Rate(from)), Check("to", to, Rules.Rate(to)));

        public static Violation? OneMinusSqrt(long steps, double from, double to) => Linear(steps, from, to);

        public static Violation? Warmup(long steps, double from, bool exponential) =>
            First(Check("steps", steps, Rules.Length(steps)), Check("from", from, Rules.Rate(from)),
                exponential ? Check("from", from, Rules.PositiveFactor(from) == null ? null : Rules.PositiveForExponentialRule) : null);

        public static Violation? Hold(long steps) => Check("steps", steps, Rules.Length(steps));

        public static Violation? Take(long steps) => Check("steps", steps, Rules.Length(steps));

        public static Violation? Scale(double factor) => Check("factor", factor, Rules.Factor(factor));

        public static Violation? Stretch(double factor) => Check("factor", factor, Rules.Stretch(factor));

        /// <summary>A shift (fused to <paramref name="total"/>) must leave a finite phase at least one step.</summary>
        public static Violation? ShiftedLength(long steps, long? innerLength, long total) =>
            innerLength.HasValue && innerLength.Value + total < 1
                ? new Violation("steps", Show(steps), "skips past the end of a " + innerLength.Value + "-step phase")
                : null;

        /// <summary>A stretch (fused to <paramref name="combined"/>) must keep a finite phase between 1 and 1e15 steps.</summary>
        public static Violation? StretchedLength(double factor, long? innerLength, double combined) =>
            innerLength.HasValue && (innerLength.Value * combined < 1 || innerLength.Value * combined > 1e15)
                ? new Violation("factor", Show(factor), "must keep the " + innerLength.Value + "-step phase between 1 and 1e15 steps long")
                : null;

        public static Violation? Clamp(double low, double high) =>
            First(Check("low", low, Rules.Rate(low)), Check("high", high, Rules.Rate(high)), Check("low", low, Rules.Ordered(low, high)));

        public static Violation? Cycle(double multiplier, double decay, long? limit) =>
            First(Check("multiplier", multiplier, multiplier >= 1 && multiplier <= 1e6 ? null : "must be a finite number of at least 1 (and at most 1e6)"),
                Check("decay", decay, Rules.DecayGamma(decay)),
                limit.HasValue ? Check("limit", limit.Value, Rules.Count(limit.Value)) : null);

        public static Violation? Mirror(double low, double high) => Clamp(low, high);

        public static Violation? Triangular(double low, double high, long up, long? down, double gamma) =>
            First(Check("low", low, Rules.Rate(low)), Check("high", high, Rules.Rate(high)), Check("low", low, Rules.Ordered(low, high)),
                Check("up", up, Rules.Length(up)), down.HasValue ? Check("down", down.Value, Rules.Length(down.Value)) : null,
                Check("gamma", gamma, Rules.DecayGamma(gamma)));

        public static Violation? InverseTime(double from, double rate, long every) =>
            First(Check("from", from, Rules.Rate(from)), Check("rate", rate, Rules.Factor(rate)), Check("every", every, Rules.Length(every)));

        /// <summary>The three phases are checked one by one, then together: their sum must be a step count, and the phase
        /// that carries it past long.MaxValue is the one named (not the inner <c>next</c> of the sequence it becomes).</summary>
        public static Violation? WarmupStableDecay(long warmupSteps, long stableSteps, long decaySteps, double peak, double floor) =>
            First(Check("warmupSteps", warmupSteps, Rules.Length(warmupSteps)), Check("stableSteps", stableSteps, Rules.NonNegativeSteps(stableSteps)),
                Check("decaySteps", decaySteps, Rules.Length(decaySteps)), Check("peak", peak, Rules.Rate(peak)), Check("floor", floor, Rules.Rate(floor)),
                Check("stableSteps", stableSteps, Rules.StepSum(warmupSteps, stableSteps)),
                Check("decaySteps", decaySteps, Rules.StepSum(warmupSteps, stableSteps, decaySteps)));

        public static Violation? OneCycle(double maxRate, long totalSteps, double pctStart, double divFactor, double finalDivFactor) =>
            First(Check("maxRate", maxRate, Rules.Rate(maxRate)), Check("totalSteps", totalSteps, Rules.Length(totalSteps)),
                Check("pctStart", pctStart, Rules.Fraction(pctStart)), Check("divFactor", divFactor, Rules.PositiveFactor(divFactor)),
                Check("finalDivFactor", finalDivFactor, Rules.PositiveFactor(finalDivFactor)));

        public static Violation? PiecewiseConstant(double[] values, long[] boundaries)
        {
            string Shown(double[] v) => "[" + string.Join(", ", Array.ConvertAll(v, Show)) + "]";
            if (values.Length == 0) return new Violation("values", "[]", Rules.NotEmptyRule);
            if (values.Length != boundaries.Length + 1) return new Violation("values", Shown(values), Rules.MatchingCountRule);
            foreach (double v in values) if (Rules.Rate(v) is string rate) return new Violation("values", Show(v), rate);
            var positions = Array.ConvertAll(boundaries, b => (double)b);
            return Rules.StrictlyAscending(positions) is string order
                ? new Violation("boundaries", "[" + string.Join(", ", boundaries) + "]", order)
                : null;
        }

        public static Violation? Interpolate(double[] positions, double[] values)
        {
            if (positions.Length == 0) return new Violation("knots", "[]", Rules.NotEmptyRule);
            if (Rules.StrictlyAscending(positions) is string order)
                return new Violation("knots", "[" + string.Join(", ", Array.ConvertAll(positions, Show)) + "]", order);
            foreach (double v in values) if (Rules.Rate(v) is string rate) return new Violation("knots", Show(v), rate);
            return null;
        }

        /// <summary>A join needs one boundary fewer than schedules, strictly ascending steps of 0 or more.</summary>
        public static Violation? Join(int schedules, long[] boundaries)
        {
            if (schedules == 0) return new Violation("schedules", "[]", Rules.NotEmptyRule);
            if (boundaries.Length != schedules - 1)
                return new Violation("boundaries", "[" + string.Join(", ", boundaries) + "]", "must have exactly one fewer boundary than there are schedules (" + schedules + ")");
            for (int i = 0; i < boundaries.Length; i++)
                if (boundaries[i] < 0 || (i > 0 && boundaries[i] <= boundaries[i - 1]))
                    return new Violation("boundaries", "[" + string.Join(", ", boundaries) + "]", "must be strictly ascending steps of 0 or more");
            return null;
        }

        /// <summary>A decay that leaves a schedule at step <paramref name="at"/> for <paramref name="length"/> steps.</summary>
        public static Violation? DecayAt(long at, long length, double to, long? innerLength) =>
            First(Check("at", at, Rules.NonNegativeSteps(at)), Check("at", at, Rules.BeforeEnd(at, innerLength, "decays")),
                Check("length", length, Rules.Length(length)), Check("to", to, Rules.Rate(to)),
                Check("length", length, at >= 0 && length >= 1 ? Rules.StepSum(at, length) : null));

        /// <summary>A new horizon for a finite schedule of <paramref name="innerLength"/> steps: re-timed from
        /// <paramref name="at"/> (before its end) to end at <paramref name="total"/> (after <paramref name="at"/>).</summary>
        public static Violation? Retarget(long at, long total, long innerLength) =>
            First(Check("at", at, Rules.NonNegativeSteps(at)),
                Check("at", at, Rules.BeforeEnd(at, innerLength, "re-targets")),
                Check("total", total, total > at ? null : "must be after the step it re-targets from (" + Show(at) + ")"));

        /// <summary>A staircase of <paramref name="stairs"/> equal stairs over <paramref name="span"/> steps.</summary>
        public static Violation? Staircase(long stairs, long span) =>
            First(Check("stairs", stairs, Rules.Count(stairs)), Check("span", span, Rules.Length(span)));

        public static Violation? PerEpoch(long stepsPerEpoch) => Check("stepsPerEpoch", stepsPerEpoch, Rules.Length(stepsPerEpoch));

        public static Violation? WarmupCosine(long warmupSteps, long totalSteps) =>
            First(Check("totalSteps", totalSteps, Rules.Length(totalSteps)), Check("warmupSteps", warmupSteps, Rules.Length(warmupSteps)),
                Check("warmupSteps", warmupSteps, Rules.WarmupWithinRun(warmupSteps, totalSteps)));

        /// <summary>One-cycle's momentum runs between two rates, the base one not above the maximum.</summary>
        public static Violation? OneCycleMomentum(double baseMomentum, double maxMomentum) =>
            First(Check("baseMomentum", baseMomentum, Rules.Rate(baseMomentum)), Check("maxMomentum", maxMomentum, Rules.Rate(maxMomentum)),
                Check("baseMomentum", baseMomentum, Rules.Ordered(baseMomentum, maxMomentum)));

        public static Violation? Sgdr(long period) => Check("period", period, Rules.Length(period));

        public static Violation? Noam(long dModel, long warmupSteps, double factor) =>
            First(Check("dModel", dModel, Rules.Count(dModel)), Check("factor", factor, Rules.PositiveFactor(factor)),
                Check("warmupSteps", warmupSteps, Rules.Length(warmupSteps)));
    }
}
