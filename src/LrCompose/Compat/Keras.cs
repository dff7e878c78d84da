using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

public static partial class Compat
{
    /// <summary>Keras <c>keras.optimizers.schedules</c>, from their published formulas; the step counts from 0.</summary>
    public static class Keras
    {
        /// <summary><c>ExponentialDecay</c>: <c>init·rate^(t/decay_steps)</c>, floored exponent when staircase.</summary>
        public static Schedule ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) =>
            decayRate > 1
                ? throw Guard.Fail(nameof(decayRate), Guard.Show(decayRate), Rules.GrowthNeedsEndRule)
                : Named(() => Exponential(initialLearningRate, decayRate, decaySteps, staircase),
                    ("from", nameof(initialLearningRate)), ("rate", nameof(decayRate)), ("every", nameof(decaySteps)));

        /// <summary>
        /// <c>PiecewiseConstantDecay</c>. Keras includes each boundary in the piece before it (<c>t ≤ b</c>), so the
        /// value changes at <c>b + 1</c>. Native: <c>PiecewiseConstant</c> with boundaries moved by one.
        /// </summary>
        public static Schedule PiecewiseConstantDecay(long[] boundaries, double[] values)
        {
            ArgumentNullException.ThrowIfNull(boundaries);
            return PiecewiseConstant(values, boundaries.Select(b => b + 1).ToArray());
        }

        /// <summary>
        /// <c>PolynomialDecay</c>. With <c>cycle</c>, Keras stretches the decay to the next multiple of
        /// <c>decay_steps</c> at or above t, so each "cycle" restarts lower than the last; that is not a restart of one
        /// shape and is given as a function (printed <c>lambda</c>).
        /// </summary>
        public static Schedule PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate = 1e-4, double power = 1,
            bool cycle = false)
        {
            if (!cycle)
                return Named(() => Polynomial(decaySteps, initialLearningRate, endLearningRate, power),
                    ("steps", nameof(decaySteps)), ("from", nameof(initialLearningRate)), ("to", nameof(endLearningRate)));
            Guard.Rate(initialLearningRate);
            Guard.Rate(endLearningRate);
            Guard.Length(decaySteps);
            Guard.Check(power, Rules.Power(power));
            return FromFunction(step =>
            {
                double multiplier = step == 0 ? 1 : Math.Ceiling((double)step / decaySteps);
                double span = decaySteps * multiplier;
                // 1 − t/span is never below 0 in exact arithmetic; far out, rounding can take it there (and Pow to NaN).
                return (initialLearningRate - endLearningRate) * Math.Pow(Math.Max(0, 1 - step / span), power) + endLearningRate;
            }, "keras.PolynomialDecay(cycle=True)");
        }

        /// <summary><c>InverseTimeDecay</c>: <c>init / (1 + rate·t/decay_steps)</c>. Native: <c>InverseTime</c>.</summary>
        public static Schedule InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) =>
            Named(() => InverseTime(initialLearningRate, decayRate, decaySteps, staircase),
                ("from", nameof(initialLearningRate)), ("rate", nameof(decayRate)), ("every", nameof(decaySteps)));

        /// <summary><c>CosineDecay</c>, optionally with a linear warmup from <c>init</c> to <c>warmup_target</c>; the cosine
        /// then runs from the peak to <c>alpha·peak</c> over <c>decay_steps</c>.</summary>
        public static Schedule CosineDecay(double initialLearningRate, long decaySteps, double alpha = 0, double? warmupTarget = null, long warmupSteps = 0)
        {
            Guard.Rate(initialLearningRate);
            if (warmupTarget is { } given) Guard.Rate(given, nameof(warmupTarget));
            Guard.Check(alpha, Alpha(alpha));
            Guard.Check(warmupSteps, Rules.NonNegativeSteps(warmupSteps));
            Guard.Length(decaySteps);
            Guard.Check(decaySteps, Rules.StepSum(warmupTarget is null ? 0 : warmupSteps, decaySteps));
            if (warmupTarget is not { } target || warmupSteps == 0)
                return Cosine(decaySteps, warmupTarget ?? initialLearningRate, alpha * (warmupTarget ?? initialLearningRate));
            return Warmup(warmupSteps, from: initialLearningRate).Then(Cosine(decaySteps, target, alpha * target));
        }

        /// <summary><c>CosineDecayRestarts</c>: SGDR whose amplitude above the floor <c>alpha·init</c> is scaled by
        /// <c>m_mul</c> each restart while periods grow by <c>t_mul</c>. Native: a decaying cosine cycle plus the floor.</summary>
        public static Schedule CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul = 2, double mMul = 1, double alpha = 0)
        {
            Guard.Rate(initialLearningRate);
            Guard.Check(alpha, Alpha(alpha));
            var amplitude = Named(() => Cosine(firstDecaySteps, initialLearningRate * (1 - alpha)).Cycle(tMul, mMul),
                ("steps", nameof(firstDecaySteps)), ("multiplier", nameof(tMul)), ("decay", nameof(mMul)));
            return alpha == 0 ? amplitude : amplitude + Constant(initialLearningRate * alpha);
        }

        /// <summary>Keras's <c>alpha</c>: the floor as a fraction of the initial rate, from 0 to 1.</summary>
        private static string? Alpha(double alpha) => Rules.Fraction(alpha) is null || alpha == 0 ? null : Rules.FractionRule;
    }
}
