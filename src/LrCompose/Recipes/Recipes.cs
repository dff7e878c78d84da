using LrCompose.Validation;
using LrCompose.Core;

namespace LrCompose;

/// <summary>A learning rate with the momentum scheduled alongside it (one-cycle, cyclic schedules). As an
/// <see cref="ISchedule"/> it gives the learning rate: <c>oneCycle.Rate(step)</c>, <c>oneCycle.Momentum.Rate(step)</c>.</summary>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Momentum">The momentum (or Adam's β₁).</param>
public sealed record RateAndMomentum(Schedule LearningRate, Schedule Momentum) : ISchedule
{
    /// <summary>The learning rate at <paramref name="step"/>.</summary>
    public double Rate(long step) => LearningRate.Rate(step);
}

/// <summary>
/// The well-known recipes, each built only from shapes and combinators, so they print, parse, plot and compile
/// like anything else. Their structure is written once (shared with the generator).
/// </summary>
public static partial class Recipes
{
    /// <summary>Linear warmup to <paramref name="peak"/>, then cosine to <paramref name="floor"/> at <paramref name="totalSteps"/>:
    /// <c>warmup W >> cosine (total − W) peak=… floor=…</c>.</summary>
    /// <param name="peak">The rate reached at the end of warmup.</param>
    /// <param name="warmupSteps">Warmup length; shorter than the run.</param>
    /// <param name="totalSteps">The whole run.</param>
    /// <param name="floor">The final rate.</param>
    /// <param name="count">The warmup convention: <c>t/W</c> (Hugging Face) or <c>(t+1)/W</c>.</param>
    public static Schedule WarmupCosine(double peak, long warmupSteps, long totalSteps, double floor = 0, WarmupCount count = WarmupCount.FromZero) =>
        RecipeDefinitions.WarmupCosine(RuntimeRecipeBuilder.Instance, peak, warmupSteps, totalSteps, floor, count);

    /// <summary>
    /// Leslie Smith's one-cycle (PyTorch <c>OneCycleLR</c>, fastai <c>fit_one_cycle</c>): from <c>max/div</c> up to
    /// <paramref name="maxRate"/> over <c>pctStart·total</c> steps, then down to <c>max/(div·finalDiv)</c>; with
    /// <paramref name="threePhase"/>, back down to <c>max/div</c> first, then the final anneal. Momentum mirrors it.
    /// </summary>
    public static RateAndMomentum OneCycle(double maxRate, long totalSteps, double pctStart = 0.3, double divFactor = 25,
        double finalDivFactor = 1e4, Anneal anneal = Anneal.Cosine, bool threePhase = false,
        double baseMomentum = 0.85, double maxMomentum = 0.95)
    {
        var (rate, momentum) = RecipeDefinitions.OneCycle(RuntimeRecipeBuilder.Instance, maxRate, totalSteps, pctStart, divFactor,
            finalDivFactor, anneal, threePhase, baseMomentum, maxMomentum);
        return new RateAndMomentum(rate, momentum);
    }

    /// <summary>One-cycle with its optional settings by name (<see cref="OneCycleOptions"/>); the same schedule as the
    /// positional overload with those values.</summary>
    public static RateAndMomentum OneCycle(double maxRate, long totalSteps, OneCycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OneCycle(maxRate, totalSteps, options.PctStart, options.DivFactor, options.FinalDivFactor, options.Anneal, options.ThreePhase,
            options.BaseMomentum, options.MaxMomentum);
    }

    /// <summary>SGDR (Loshchilov &amp; Hutter): cosine from <paramref name="peak"/> to <paramref name="floor"/> over
    /// <paramref name="period"/> steps, restarted with periods growing by <paramref name="multiplier"/>.</summary>
    public static Schedule Sgdr(double peak, long period, double floor = 0, double multiplier = 1, double decay = 1, int? limit = null) =>
        RecipeDefinitions.Sgdr(RuntimeRecipeBuilder.Instance, peak, period, floor, multiplier, decay, limit);

    /// <summary>Warmup-stable-decay: warmup to <paramref name="peak"/>, hold it, then decay to <paramref name="floor"/>.</summary>
    public static Schedule WarmupStableDecay(double peak, long warmupSteps, long stableSteps, long decaySteps,
        double floor = 0, DecayShape decay = DecayShape.Linear) =>
        RecipeDefinitions.WarmupStableDecay(RuntimeRecipeBuilder.Instance, peak, warmupSteps, stableSteps, decaySteps, floor, decay);

    /// <summary>
    /// The original Transformer's schedule ("Noam"): <c>factor·d_model^−½·min(t^−½, t·W^−3/2)</c>, i.e. a linear warmup
    /// over W steps to <c>factor·(d_model·W)^−½</c>, then inverse-square-root decay. Step 0 gives 0.
    /// </summary>
    public static Schedule Noam(int dModel, long warmupSteps, double factor = 1) =>
        RecipeDefinitions.Noam(RuntimeRecipeBuilder.Instance, dModel, warmupSteps, factor);

    /// <summary>The shared recipe definitions, built from runtime schedules.</summary>
    private sealed class RuntimeRecipeBuilder : IRecipeBuilder<Schedule, Lead>
    {
        public static readonly RuntimeRecipeBuilder Instance = new();
        public void Require(Violation? violation) => violation.ThrowIfAny();
        public Schedule Linear(long steps, double from, double to) => Schedules.Linear(steps, from, to);
        public Schedule Cosine(long steps, double peak, double floor) => Schedules.Cosine(steps, peak, floor);
        public Schedule OneMinusSqrt(long steps, double from, double to) => Schedules.OneMinusSqrt(steps, from, to);
        public Schedule InverseSqrt(double peak, long timescale) => Schedules.InverseSqrt(peak, timescale);
        public Lead Warmup(long steps, WarmupCount count) => Schedules.Warmup(steps, count: count);
        public Lead Hold(long steps) => Schedules.Hold(steps);
        public Lead Then(Lead lead, Lead more) => lead.Then(more);
        public Schedule Then(Lead lead, Schedule next) => lead.Then(next);
        public Schedule Sequence(Schedule[] phases) => Schedules.Sequence(phases);
        public Schedule Cycle(Schedule schedule, double multiplier, double decay, int? limit) => schedule.Cycle(multiplier, decay, limit);
        public Schedule Mirror(Schedule schedule, double low, double high) => schedule.Mirror(low, high);
        public Schedule Cooldown(long steps, double from, double to, DecayShape shape) => Schedules.Constant(from).DecayAt(0, steps, to, shape);
    }
}
