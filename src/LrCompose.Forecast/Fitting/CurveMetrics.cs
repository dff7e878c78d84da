namespace LrCompose.Forecast;

/// <summary>
/// How well predictions match a curve, as the multi-power law's authors measure it over the logged points: R²,
/// MAE = mean|y − ŷ|, RMSE, PredE = mean(|y − ŷ|/y) and WorstE = max(|y − ŷ|/y).
/// </summary>
public sealed record CurveMetrics(double R2, double Mae, double Rmse, double PredE, double WorstE)
{
    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static CurveMetrics Of(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0) throw Checks.Fail(nameof(actual), "[]", "it must hold at least one loss");
        if (predicted.Count != actual.Count)
            throw Checks.Fail(nameof(predicted), $"{predicted.Count} values", $"it must hold one prediction per loss ({actual.Count})");
        int n = actual.Count;
        double mean = actual.Average();
        double total = 0, residual = 0, absolute = 0, relative = 0, worst = 0;
        for (int i = 0; i < n; i++)
        {
            double e = actual[i] - predicted[i];
            total += (actual[i] - mean) * (actual[i] - mean);
            residual += e * e;
            absolute += Math.Abs(e);
            double r = Math.Abs(e) / actual[i];
            relative += r;
            worst = Math.Max(worst, r);
        }
        return new CurveMetrics(1 - residual / total, absolute / n, Math.Sqrt(residual / n), relative / n, worst);
    }

    /// <summary>The plain mean of each metric over several curves (so WorstE is the mean of the per-curve maxima).</summary>
    /// <exception cref="ArgumentException">There are no metrics to average.</exception>
    public static CurveMetrics Average(IReadOnlyList<CurveMetrics> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count == 0) throw Checks.Fail(nameof(metrics), "[]", "it must hold at least one curve's metrics");
        return new CurveMetrics(metrics.Average(m => m.R2), metrics.Average(m => m.Mae), metrics.Average(m => m.Rmse),
            metrics.Average(m => m.PredE), metrics.Average(m => m.WorstE));
    }
}
