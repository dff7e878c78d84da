namespace LrCompose.Forecast;

/// <summary>
/// How a law is fitted. The defaults are the method the docs measure: Huber loss (δ = 1e-3) on the log residuals,
/// a start from the four-parameter warm start, and a pull of the law's weakly identified shape parameters toward
/// that start whose strength is chosen by leave-one-run-out across the training runs.
/// </summary>
public sealed record FitOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentException">δ is not above 0, a strength is negative or not finite, there are no
    /// strengths to choose from, or the iteration limit is below 1.</exception>
    public FitOptions(LawKind law = LawKind.MultiPower, double huberDelta = 1e-3, IReadOnlyList<double>? strengths = null, int maximumIterations = 200)
    {
        if (!Enum.IsDefined(law)) throw Checks.Fail(nameof(law), law, "it must be MultiPower or Momentum");
        Law = law;
        HuberDelta = Checks.Positive(huberDelta);
        strengths ??= DefaultStrengths;
        if (strengths.Count == 0) throw Checks.Fail(nameof(strengths), "[]", "it must hold at least one strength");
        foreach (double s in strengths) Checks.AtLeast(s, 0, nameof(strengths));
        Strengths = [.. strengths];
        if (maximumIterations < 1) throw Checks.Fail(nameof(maximumIterations), maximumIterations, "it must be at least 1");
        MaximumIterations = maximumIterations;
    }

    /// <summary>The strengths tried by default: 1 to 1000, half a decade apart.</summary>
    public static IReadOnlyList<double> DefaultStrengths { get; } = [1, Math.Sqrt(10), 10, Math.Sqrt(1000), 100, Math.Sqrt(1e5), 1000];

    /// <summary>The law to fit.</summary>
    public LawKind Law { get; }

    /// <summary>Where the Huber loss on log(loss) − log(prediction) turns from quadratic to linear.</summary>
    public double HuberDelta { get; }

    /// <summary>The regularisation strengths leave-one-run-out chooses from (one strength is simply used).</summary>
    public IReadOnlyList<double> Strengths { get; }

    /// <summary>The Levenberg–Marquardt iteration limit of each fit.</summary>
    public int MaximumIterations { get; }

    /// <summary>The defaults.</summary>
    public static FitOptions Default { get; } = new();
}
