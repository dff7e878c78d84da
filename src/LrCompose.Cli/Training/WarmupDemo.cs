namespace LrCompose.Cli.Training;

/// <summary>
/// One seed of the sharp network trained with a warmup recipe and without its warmup, λ_max measured about fifty
/// times over each run: what the explorer's warmup panel and <c>warmup-study --out</c> draw.
/// </summary>
internal sealed record WarmupDemo(WarmupComparison Comparison, SharpRun With, SharpRun Without)
{
    /// <summary>The recipe the panel starts with: a peak where the warmup helps (docs/training.md).</summary>
    public const string DefaultRecipe = "warmup 100 >> constant 1 |> take 400";

    /// <summary>Trains both runs from <paramref name="seed"/>.</summary>
    public static WarmupDemo Run(Schedule recipe, int seed = 1)
    {
        var comparison = WarmupComparison.Of(recipe);
        int every = (int)Math.Max(1, comparison.Steps / 50);
        return new WarmupDemo(comparison,
            SharpNetwork.Train(comparison.With, seed, comparison.Steps, every),
            SharpNetwork.Train(comparison.Without, seed, comparison.Steps, every));
    }

    /// <summary>
    /// The first measured step at which the rate of <paramref name="schedule"/> is above the stability limit 2/λ_max of
    /// <paramref name="run"/>, or null when it never is.
    /// </summary>
    public static long? Unstable(SharpRun run, Schedule schedule)
    {
        for (int i = 0; i < run.SharpnessSteps.Length; i++)
            if (schedule.Rate(run.SharpnessSteps[i]) * run.Sharpness[i] > 2) return run.SharpnessSteps[i];
        return null;
    }
}
