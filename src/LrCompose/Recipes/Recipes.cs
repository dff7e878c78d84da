using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

/// <summary>How the decay of <see cref="Recipes.WarmupStableDecay"/> falls.</summary>
public enum DecayShape
{
    /// <summary>A straight line.</summary>
    Linear,
    /// <summary>Half a cosine.</summary>
    Cosine,
    /// <summary>The 1−√ cooldown.</summary>
    OneMinusSqrt,
}

/// <summary>How one-cycle anneals between its phase ends.</summary>
public enum Anneal
{
    /// <summary>Half cosines (the default in PyTorch and fastai).</summary>
    Cosine,
    /// <summary>Straight lines.</summary>
    Linear,
}

/// <summary>A learning rate with the momentum scheduled alongside it (one-cycle, cyclic schedules).</summary>
/// <param name="Rate">The learning rate.</param>
/// <param name="Momentum">The momentum (or Adam's β₁).</param>
public sealed record RateAndMomentum(Schedule Rate, Schedule Momentum);

/// <summary>
/// The well-known recipes, each built only from shapes and combinators, so they print, parse, plot and compile
/// like anything else.
/// </summary>
public static class Recipes
{
    /// <summary>Linear warmup to <paramref name="peak"/>, then cosine to <paramref name="floor"/> at <paramref name="totalSteps"/>:
    /// <c>warmup W >> cosine (total − W) peak=… floor=…</c>.</summary>
    /// <param name="peak">The rate reached at the end of warmup.</param>
    /// <param name="warmupSteps">Warmup length; shorter than the run.</param>
    /// <param name="totalSteps">The whole run.</param>
    /// <param name="floor">The final rate.</param>
    /// <param name="count">The warmup convention: <c>t/W</c> (Hugging Face) or <c>(t+1)/W</c>.</param>
    public static Schedule WarmupCosine(double peak, long warmupSteps, long totalSteps, double floor = 0, WarmupCount count = WarmupCount.FromZero)
    {
        ConstructorRules.WarmupCosine(warmupSteps, totalSteps).ThrowIfAny();
        return Warmup(warmupSteps, count: count).Then(Cosine(totalSteps - warmupSteps, peak, floor));
    }

    /// <summary>
    /// Leslie Smith's one-cycle (PyTorch <c>OneCycleLR</c>, fastai <c>fit_one_cycle</c>): from <c>max/div</c> up to
    /// <paramref name="maxRate"/> over <c>pctStart·total</c> steps, then down to <c>max/(div·finalDiv)</c>; with
    /// <paramref name="threePhase"/>, back down to <c>max/div</c> first, then the final anneal. Momentum mirrors it.
    /// </summary>
    public static RateAndMomentum OneCycle(double maxRate, long totalSteps, double pctStart = 0.3, double divFactor = 25,
        double finalDivFactor = 1e4, Anneal anneal = Anneal.Cosine, bool threePhase = false,
        double baseMomentum = 0.85, double maxMomentum = 0.95)
    {
        ConstructorRules.OneCycle(maxRate, totalSteps, pctStart, divFactor, finalDivFactor).ThrowIfAny();
        double initial = maxRate / divFactor, final = initial / finalDivFactor;
        long up = (long)Math.Round(pctStart * totalSteps);
        Schedule Segment(long steps, double from, double to) =>
            anneal == Anneal.Cosine ? Cosine(steps, from, to) : Linear(steps, from, to);
        long rest = totalSteps - (threePhase ? 2 * up : up);
        if (up < 1 || rest < 1)
            throw Guard.Fail(nameof(pctStart), Guard.Show(pctStart), $"must leave every phase of a {totalSteps}-step one-cycle at least one step");
        var rate = threePhase
            ? Sequence(Segment(up, initial, maxRate), Segment(up, maxRate, initial), Segment(rest, initial, final))
            : Sequence(Segment(up, initial, maxRate), Segment(rest, maxRate, final));
        return new RateAndMomentum(rate, rate.Mirror(baseMomentum, maxMomentum));
    }

    /// <summary>SGDR (Loshchilov &amp; Hutter): cosine from <paramref name="peak"/> to <paramref name="floor"/> over
    /// <paramref name="period"/> steps, restarted with periods growing by <paramref name="multiplier"/>.</summary>
    public static Schedule Sgdr(double peak, long period, double floor = 0, double multiplier = 1, double decay = 1, int? limit = null) =>
        Cosine(period, peak, floor).Cycle(multiplier, decay, limit);

    /// <summary>Warmup-stable-decay: warmup to <paramref name="peak"/>, hold it, then decay to <paramref name="floor"/>.</summary>
    public static Schedule WarmupStableDecay(double peak, long warmupSteps, long stableSteps, long decaySteps,
        double floor = 0, DecayShape decay = DecayShape.Linear)
    {
        ConstructorRules.WarmupStableDecay(warmupSteps, stableSteps, decaySteps, peak, floor).ThrowIfAny();
        var fall = decay switch
        {
            DecayShape.Cosine => Cosine(decaySteps, peak, floor),
            DecayShape.OneMinusSqrt => OneMinusSqrt(decaySteps, peak, floor),
            _ => Linear(decaySteps, peak, floor),
        };
        var lead = Warmup(warmupSteps);
        if (stableSteps > 0) lead = lead.Then(Hold(stableSteps));
        return lead.Then(fall);
    }

    /// <summary>
    /// The original Transformer's schedule ("Noam"): <c>factor·d_model^−½·min(t^−½, t·W^−3/2)</c>, i.e. a linear warmup
    /// over W steps to <c>factor·(d_model·W)^−½</c>, then inverse-square-root decay. Step 0 gives 0.
    /// </summary>
    public static Schedule Noam(int dModel, long warmupSteps, double factor = 1)
    {
        ConstructorRules.Noam(dModel, warmupSteps, factor).ThrowIfAny();
        double peak = factor / Math.Sqrt(dModel) / Math.Sqrt(warmupSteps);
        return Warmup(warmupSteps).Then(InverseSqrt(peak, warmupSteps));
    }
}
