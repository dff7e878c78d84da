// This file is compiled into both the LrCompose library and the LrCompose generator, so that a parameter that
// the runtime rejects is a compile-time diagnostic with the very same words. Keep it netstandard2.0-friendly.
using System;

namespace LrCompose.Validation
{
    /// <summary>
    /// The parameter rules of every LrCompose constructor. Each check returns <c>null</c> when the value is
    /// acceptable and otherwise the rule that was broken, in words a user can act on.
    /// </summary>
    internal static class Rules
    {
        /// <summary>Rates and values above this are refused: products of two of them must stay finite.</summary>
        public const double MaxMagnitude = 1e100;

        public const string RateRule = "must be a finite number between 0 and 1e100";
        public const string FactorRule = "must be a finite number between 0 and 1e100";
        public const string PositiveFactorRule = "must be a finite number greater than 0 and at most 1e100";
        public const string LengthRule = "must be at least 1 step";
        public const string NonNegativeStepsRule = "must be 0 or more steps";
        public const string GammaRule = "must be a finite number greater than 0";
        public const string DecayGammaRule = "must be greater than 0 and at most 1 (a decay that grows would leave every bound)";
        public const string PowerRule = "must be a finite number greater than 0";
        public const string SortedRule = "must be sorted in ascending order";
        public const string NonNegativeMilestoneRule = "must hold only steps of 0 or more";
        public const string StretchRule = "must be a finite number greater than 0";
        public const string FractionRule = "must be a finite number greater than 0 and at most 1";
        public const string PercentageRule = "must be a number from 0 to 1";
        public const string OrderedBoundsRule = "must not be greater than the upper bound";
        public const string GrowthNeedsEndRule = "must come with an end value to clamp at when it is above 1, or the rate would become infinite";
        public const string PositiveForExponentialRule = "must be greater than 0 for an exponential ramp (a geometric ramp cannot start or end at 0)";
        public const string WarmupLongerThanRunRule = "must be shorter than the whole run";
        public const string CountRule = "must be at least 1";
        public const string NotEmptyRule = "must not be empty";
        public const string MatchingCountRule = "must have exactly one more value than there are boundaries";
        public const string FiniteRule = "must be a finite number";
        public const string StepRangeRule = "must keep the schedule within long.MaxValue (9223372036854775807) steps";

        public static string? Rate(double value) =>
            IsFinite(value) && value >= 0 && value <= MaxMagnitude ? null : RateRule;

        public static string? Factor(double value) =>
            IsFinite(value) && value >= 0 && value <= MaxMagnitude ? null : FactorRule;

        public static string? PositiveFactor(double value) =>
            IsFinite(value) && value > 0 && value <= MaxMagnitude ? null : PositiveFactorRule;

        public static string? Length(long steps) => steps >= 1 ? null : LengthRule;

        public static string? NonNegativeSteps(long steps) => steps >= 0 ? null : NonNegativeStepsRule;

        /// <summary>A step inside a finite schedule that a combinator changes from there on (a decay, a re-target):
        /// at or past the schedule's end there is nothing left to change. One rule for every such combinator.</summary>
        public static string? BeforeEnd(long at, long? innerLength, string verb) =>
            innerLength is { } length && at >= 0 && at >= length ? "must be before the end of the " + length + "-step schedule it " + verb : null;

        public static string? Gamma(double gamma) => IsFinite(gamma) && gamma > 0 ? null : GammaRule;

        public static string? DecayGamma(double gamma) => IsFinite(gamma) && gamma > 0 && gamma <= 1 ? null : DecayGammaRule;

        public static string? Power(double power) => IsFinite(power) && power > 0 ? null : PowerRule;

        public static string? Stretch(double factor) => IsFinite(factor) && factor > 0 ? null : StretchRule;

        public static string? Fraction(double fraction) => IsFinite(fraction) && fraction > 0 && fraction <= 1 ? null : FractionRule;

        /// <summary>A share of a run, 0 and 1 included (the peers' <c>pct_start</c>).</summary>
        public static string? Percentage(double share) => share >= 0 && share <= 1 ? null : PercentageRule;

        public static string? Finite(double value) => IsFinite(value) && Math.Abs(value) <= MaxMagnitude ? null : FiniteRule;

        public static string? Count(long count) => count >= 1 ? null : CountRule;

        public static string? Ordered(double lower, double upper) => lower <= upper ? null : OrderedBoundsRule;

        public static string? WarmupWithinRun(long warmup, long total) => warmup < total ? null : WarmupLongerThanRunRule;

        /// <summary><paramref name="count"/> spans of <paramref name="each"/> steps (both 0 or more) must fit in
        /// long.MaxValue steps. Written as a division, so the check itself cannot overflow.</summary>
        public static string? StepProduct(long count, long each) => each > 0 && count > long.MaxValue / each ? StepRangeRule : null;

        /// <summary>Phases of <paramref name="first"/>, <paramref name="second"/> and <paramref name="third"/> steps (each 0
        /// or more), one after another, must end within long.MaxValue steps. Written as subtractions, so the check itself
        /// cannot overflow.</summary>
        public static string? StepSum(long first, long second, long third = 0) =>
            second > long.MaxValue - first || third > long.MaxValue - first - second ? StepRangeRule : null;

        /// <summary>Milestones must be non-negative and ascending; repeats are allowed (each applies once more).</summary>
        public static string? Milestones(long[] milestones)
        {
            for (int i = 0; i < milestones.Length; i++)
            {
                if (milestones[i] < 0) return NonNegativeMilestoneRule;
                if (i > 0 && milestones[i] < milestones[i - 1]) return SortedRule;
            }
            return null;
        }

        /// <summary>Boundaries of a piecewise schedule must be non-negative and strictly ascending.</summary>
        public static string? StrictlyAscending(double[] positions)
        {
            for (int i = 0; i < positions.Length; i++)
            {
                if (!IsFinite(positions[i]) || positions[i] < 0) return NonNegativeMilestoneRule;
                if (i > 0 && positions[i] <= positions[i - 1]) return "must be strictly ascending";
            }
            return null;
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
