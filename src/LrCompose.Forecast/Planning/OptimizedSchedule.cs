using System.Collections.Immutable;

namespace LrCompose.Forecast;

/// <summary>
/// What <see cref="ScheduleOptimizer"/> found: the per-step schedule that minimises the law's predicted final loss,
/// and the nearest short recipe (warmup, hold, one decay shape with its length and end found), each with its
/// predicted final loss.
/// </summary>
public sealed record OptimizedSchedule(ImmutableArray<double> Rates, double PerStepFinalLoss, Schedule Recipe, double RecipeFinalLoss)
{
    /// <summary>The per-step schedule as a schedule value (rates held after the last step).</summary>
    public Schedule PerStep => Schedule.FromFunction(step => Rates[(int)Math.Min(step, Rates.Length - 1)], "optimized");
}
