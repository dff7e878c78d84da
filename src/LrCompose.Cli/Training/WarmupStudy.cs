using static LrCompose.Schedules;

namespace LrCompose.Cli.Training;

/// <summary>What a warmup did at one peak, over every seed.</summary>
internal enum WarmupVerdict
{
    /// <summary>Both runs trained on every seed.</summary>
    NotNeeded,
    /// <summary>With the warmup every seed trained, without it some did not.</summary>
    Helps,
    /// <summary>Without the warmup every seed trained, with it some did not.</summary>
    Hurts,
    /// <summary>With the warmup more seeds trained than without, but not every one.</summary>
    HelpsSome,
    /// <summary>Even with the warmup some seed did not train, and no more than without it.</summary>
    Fails,
}

/// <summary>One peak of the study: the final loss of every seed without and with the warmup.</summary>
internal sealed record WarmupStudyRow(double Peak, SharpRun[] Without, SharpRun[] With)
{
    public int TrainedWithout => Without.Count(r => r.Trained);
    public int TrainedWith => With.Count(r => r.Trained);

    public WarmupVerdict Verdict => (TrainedWithout == Without.Length, TrainedWith == With.Length) switch
    {
        (true, true) => WarmupVerdict.NotNeeded,
        (false, true) => WarmupVerdict.Helps,
        (true, false) => WarmupVerdict.Hurts,
        _ when TrainedWith > TrainedWithout => WarmupVerdict.HelpsSome,
        _ => WarmupVerdict.Fails,
    };
}

/// <summary>Consecutive peaks with the same verdict.</summary>
internal sealed record WarmupRange(WarmupVerdict Verdict, double From, double To);

/// <summary>
/// The warmup study: a warmup recipe scaled to each of several peaks, trained on <see cref="SharpNetwork"/> from several
/// seeds with its warmup and without it (the peak held from step 0 instead), and at each peak whether the warmup was
/// needed, helped, hurt, or could not save the run.
/// </summary>
internal sealed record WarmupStudy(WarmupComparison Comparison, IReadOnlyList<int> Seeds, double[] InitialSharpness, IReadOnlyList<WarmupStudyRow> Rows)
{
    /// <summary>The peaks measured unless others are asked for.</summary>
    public static readonly double[] DefaultPeaks = [0.05, 0.1, 0.2, 0.5, 1, 2, 5];

    /// <summary>The seeds measured unless another count is asked for.</summary>
    public const int DefaultSeeds = 5;

    /// <summary>Measures; <paramref name="progress"/> hears after each peak.</summary>
    public static WarmupStudy Measure(Schedule recipe, IReadOnlyList<double> peaks, int seeds, IProgress<string>? progress = null)
    {
        var comparison = WarmupComparison.Of(recipe);
        int[] seedList = [.. Enumerable.Range(1, seeds)];
        var rows = new List<WarmupStudyRow>();
        foreach (double peak in peaks)
        {
            var (with, without) = comparison.AtPeak(peak);
            rows.Add(new WarmupStudyRow(peak,
                [.. seedList.Select(s => SharpNetwork.Train(without, s, comparison.Steps))],
                [.. seedList.Select(s => SharpNetwork.Train(with, s, comparison.Steps))]));
            progress?.Report($"peak {rows.Count} of {peaks.Count}");
        }
        return new WarmupStudy(comparison, seedList, [.. seedList.Select(SharpNetwork.InitialSharpness)], rows);
    }

    /// <summary>The peaks in order, grouped where the verdict stays the same.</summary>
    public IReadOnlyList<WarmupRange> Ranges
    {
        get
        {
            var ranges = new List<WarmupRange>();
            foreach (var row in Rows.OrderBy(r => r.Peak))
            {
                if (ranges.Count > 0 && ranges[^1].Verdict == row.Verdict) ranges[^1] = ranges[^1] with { To = row.Peak };
                else ranges.Add(new WarmupRange(row.Verdict, row.Peak, row.Peak));
            }
            return ranges;
        }
    }
}

/// <summary>
/// A warmup recipe and the same recipe without its warmup. The warmup is the rise from step 0 to the first step where
/// the rate reaches its largest value over the run; without it, that largest value is held from step 0 and the rest of
/// the recipe is unchanged, so both runs have the same length and the same rates after the warmup.
/// </summary>
internal sealed record WarmupComparison(Schedule With, Schedule Without, long WarmupSteps, long Steps, double Peak)
{
    /// <summary>The comparison for <paramref name="recipe"/>, trained for its length (at most <see cref="SharpNetwork.MaxSteps"/> steps).</summary>
    public static WarmupComparison Of(Schedule recipe)
    {
        long steps = Math.Min(recipe.Length ?? SharpNetwork.MaxSteps, SharpNetwork.MaxSteps);
        long warmup = 0;
        double peak = recipe.Rate(0);
        for (long t = 1; t < steps; t++)
        {
            double rate = recipe.Rate(t);
            if (rate > peak) (peak, warmup) = (rate, t);
        }
        if (warmup == 0)
            throw new CliInputException($"{recipe} has no warmup: its rate must rise from step 0 to its peak (warmup 100 >> constant 1 |> take 400, say)");
        var without = Constant(peak).Take(warmup).Then(recipe.Shift(-warmup));
        return new WarmupComparison(recipe, without, warmup, steps, peak);
    }

    /// <summary>Both schedules scaled so that their peak is <paramref name="peak"/>.</summary>
    public (Schedule With, Schedule Without) AtPeak(double peak)
    {
        if (!(peak > 0) || !double.IsFinite(peak)) throw new CliInputException($"a peak must be a finite rate above 0, not {peak}");
        // Scale's own rule, said in the study's words: a factor is at most 1e100.
        double factor = peak / Peak;
        if (!(factor <= 1e100))
            throw new CliInputException($"a peak of {peak.ToString(System.Globalization.CultureInfo.InvariantCulture)} is more than 1e100 times the recipe's own peak of {Peak.ToString(System.Globalization.CultureInfo.InvariantCulture)}: ask for a smaller peak or write the recipe nearer it");
        return (With.Scale(factor), Without.Scale(factor));
    }
}
