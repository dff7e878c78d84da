using System.Collections.Immutable;

namespace LrCompose;

/// <summary>One iteration of a range test: the rate used, the raw loss, and the loss as the rules smooth it.</summary>
/// <param name="Rate">The learning rate of the iteration.</param>
/// <param name="Loss">The raw training loss (NaN and ±∞ allowed: a sweep may blow up).</param>
/// <param name="Smoothed">The smoothed loss the rules judge and suggest on.</param>
public readonly record struct RangeTestPoint(double Rate, double Loss, double Smoothed);

/// <summary>
/// A learning-rate range test as it runs: an immutable value that takes each iteration's (rate, raw loss) and applies
/// a peer's rules — smoothing, the best loss so far, the stop rule — exactly as fastai or torch-lr-finder do. Feed it
/// with <see cref="Observe"/> until <see cref="Stopped"/>, then ask for <see cref="Suggest"/>. Pure: the same
/// observations always give the same recorder.
/// </summary>
public sealed record RangeTestRecorder
{
    private RangeTestRecorder(RangeTestRules rules, long plannedIterations)
    {
        Rules = rules;
        PlannedIterations = plannedIterations;
    }

    /// <summary>A recorder for a sweep of <paramref name="plannedIterations"/> iterations (fastai trims by it).</summary>
    public static RangeTestRecorder Start(RangeTestRules rules, long plannedIterations)
    {
        if (plannedIterations < 1) throw Validation.Guard.Fail(nameof(plannedIterations), plannedIterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be at least 1");
        return new RangeTestRecorder(rules, plannedIterations);
    }

    /// <summary>Whose rules apply.</summary>
    public RangeTestRules Rules { get; }

    /// <summary>The sweep's planned length.</summary>
    public long PlannedIterations { get; }

    /// <summary>Every iteration recorded so far, the one that stopped the test included.</summary>
    public ImmutableList<RangeTestPoint> Points { get; private init; } = [];

    /// <summary>The lowest smoothed loss so far (NaN never counts).</summary>
    public double Best { get; private init; } = double.PositiveInfinity;

    /// <summary>True once the smoothed loss has diverged (4× the best for fastai, 5× for torch-lr-finder).</summary>
    public bool Stopped { get; private init; }

    /// <summary>fastai's running average before debiasing.</summary>
    private double Average { get; init; }

    /// <summary>Records one iteration and applies the stop rule. A stopped recorder records nothing more.</summary>
    public RangeTestRecorder Observe(double rate, double loss)
    {
        if (Stopped) return this;
        int count = Points.Count + 1;
        double average = Average, smoothed, best = Best;
        if (Rules == RangeTestRules.Fastai)
        {
            // torch.lerp(loss, average, β) with β ≥ ½ is average − (average − loss)·(1 − β); then debiased.
            const double beta = 0.98;
            average = average - (average - loss) * (1 - beta);
            smoothed = average / (1 - Math.Pow(beta, count));
            if (smoothed < best) best = smoothed;
            return this with { Average = average, Best = best, Stopped = smoothed > 4 * best, Points = Points.Add(new(rate, loss, smoothed)) };
        }
        smoothed = count == 1 ? loss : 0.05 * loss + (1 - 0.05) * Points[^1].Smoothed;
        if (count == 1 || smoothed < best) best = smoothed;
        return this with { Best = best, Stopped = smoothed > 5 * best, Points = Points.Add(new(rate, loss, smoothed)) };
    }

    /// <summary>The points the suggestions look at: fastai's <c>[num_it/10 : −5]</c> cut at the first NaN, or
    /// torch-lr-finder's <c>[10 : −5]</c>.</summary>
    public IReadOnlyList<RangeTestPoint> Kept
    {
        get
        {
            int skipStart = Rules == RangeTestRules.Fastai ? (int)(PlannedIterations / 10) : 10;
            int end = Points.Count - 5;
            if (end <= skipStart) return [];
            var kept = Points.Skip(skipStart).Take(end - skipStart);
            if (Rules == RangeTestRules.Fastai) kept = kept.TakeWhile(p => !double.IsNaN(p.Smoothed));
            return kept.ToArray();
        }
    }

    /// <summary>The suggestions the rules give on <see cref="Kept"/>: fastai's valley, slide, minimum and steep, or
    /// torch-lr-finder's steepest. Empty when too few points are kept to suggest anything.</summary>
    public RangeTestResult Suggest()
    {
        var kept = Kept;
        var suggestions = new Dictionary<string, double>();
        if (kept.Count >= 2)
        {
            double[] rates = kept.Select(p => p.Rate).ToArray(), losses = kept.Select(p => p.Smoothed).ToArray();
            if (Rules == RangeTestRules.Fastai)
            {
                suggestions["valley"] = RangeTestSuggestions.Valley(rates, losses);
                if (RangeTestSuggestions.Slide(rates, losses) is { } slide) suggestions["slide"] = slide;
                suggestions["minimum"] = RangeTestSuggestions.Minimum(rates, losses);
                suggestions["steep"] = RangeTestSuggestions.Steep(rates, losses);
            }
            else suggestions["steepest"] = RangeTestSuggestions.Steepest(rates, losses);
        }
        return new RangeTestResult(Rules, Points.Count, kept.Count, suggestions, Points);
    }

    /// <summary>Runs a whole recorded sweep through the rules: records until the stop rule fires, then suggests.</summary>
    public static RangeTestResult Analyse(RangeTestRules rules, IReadOnlyList<double> rates, IReadOnlyList<double> losses, long? plannedIterations = null)
    {
        if (rates.Count != losses.Count) throw Validation.Guard.Fail(nameof(losses), $"{losses.Count} values", $"must have one loss per rate ({rates.Count})");
        var recorder = Start(rules, plannedIterations ?? rates.Count);
        for (int i = 0; i < rates.Count && !recorder.Stopped; i++) recorder = recorder.Observe(rates[i], losses[i]);
        return recorder.Suggest();
    }
}

/// <summary>What a range test found.</summary>
/// <param name="Rules">Whose rules.</param>
/// <param name="Recorded">Iterations recorded before the stop rule ended the test.</param>
/// <param name="Kept">Points left after the rules' trimming, on which they suggest.</param>
/// <param name="Suggestions">Each suggestion by its peer's name (<c>valley</c>, <c>slide</c>, <c>minimum</c>, <c>steep</c>; <c>steepest</c>).</param>
/// <param name="Points">Every recorded iteration.</param>
public sealed record RangeTestResult(RangeTestRules Rules, int Recorded, int Kept, IReadOnlyDictionary<string, double> Suggestions,
    IReadOnlyList<RangeTestPoint> Points);
