namespace LrCompose.Forecast;

/// <summary>
/// A law as a fitting problem over a fixed set of runs: its parameters as an unconstrained vector θ (positive
/// parameters by their logarithms, so no bounds are needed), and the predictions and their Jacobian by θ at every
/// logged point of the runs, in run order. The runs' schedule terms are computed once, when the model is made.
/// </summary>
internal abstract class FitModel
{
    protected FitModel(IReadOnlyList<Run> runs)
    {
        Runs = runs;
        Offsets = new int[runs.Count + 1];
        for (int r = 0; r < runs.Count; r++) Offsets[r + 1] = Offsets[r] + runs[r].Curve.Count;
    }

    public IReadOnlyList<Run> Runs { get; }

    /// <summary>Run r's points are rows [Offsets[r], Offsets[r + 1]).</summary>
    public int[] Offsets { get; }

    public int Points => Offsets[^1];

    public abstract int ParameterCount { get; }

    /// <summary>Which θ entries the regulariser pulls toward the start (the weakly identified shape parameters).</summary>
    public abstract bool[] Regularised { get; }

    public abstract double[] ToTheta(ILossLaw law);

    public abstract ILossLaw ToLaw(double[] theta);

    /// <summary>Predictions at every point and ∂prediction/∂θ.</summary>
    public abstract void Evaluate(double[] theta, double[] values, double[,] jacobian);

    /// <summary>The law's start from the warm start's four numbers (L0, A, α, and the annealing scale B).</summary>
    public abstract ILossLaw FromWarmStart(double l0, double a, double alpha, double b);

    public static FitModel For(LawKind kind, IReadOnlyList<Run> runs) => kind switch
    {
        LawKind.MultiPower => new MultiPowerFitModel(runs),
        LawKind.Momentum => new MomentumFitModel(runs),
        _ => throw Checks.Fail(nameof(kind), kind, "it must be MultiPower or Momentum"),
    };
}

/// <summary>θ = (L0, ln A, ln α, ln B, ln C, ln β, ln γ).</summary>
internal sealed class MultiPowerFitModel : FitModel
{
    private readonly AnnealingTerms[] _terms;

    public MultiPowerFitModel(IReadOnlyList<Run> runs) : base(runs) =>
        _terms = runs.Select(r => AnnealingTerms.Build(ScheduleRates.Of(r.Schedule, r.Curve.LastStep + 1), r.Curve.Steps)).ToArray();

    public override int ParameterCount => 7;

    public override bool[] Regularised => Environment.GetEnvironmentVariable("RALL") is null ? [false, false, false, false, true, true, true] : [false, true, true, true, true, true, true];

    public override double[] ToTheta(ILossLaw law)
    {
        var p = ((MultiPowerLaw)law).ToArray();
        return [p[0], Math.Log(p[1]), Math.Log(p[2]), Math.Log(p[3]), Math.Log(p[4]), Math.Log(p[5]), Math.Log(p[6])];
    }

    public override ILossLaw ToLaw(double[] t) =>
        new MultiPowerLaw(t[0], Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]), Math.Exp(t[4]), Math.Exp(t[5]), Math.Exp(t[6]));

    public override void Evaluate(double[] theta, double[] values, double[,] jacobian)
    {
        var law = (MultiPowerLaw)ToLaw(theta);
        var p = law.ToArray();
        for (int r = 0; r < _terms.Length; r++)
            law.EvaluateWithGradient(_terms[r], values.AsSpan(Offsets[r]), jacobian, Offsets[r]);
        for (int i = 0; i < Points; i++)
            for (int j = 1; j < 7; j++) jacobian[i, j] *= p[j]; // ∂/∂ln x = x·∂/∂x
    }

    public override ILossLaw FromWarmStart(double l0, double a, double alpha, double b) =>
        new MultiPowerLaw(l0, a, alpha, b, Environment.GetEnvironmentVariable("HC") is { } hc ? double.Parse(hc) : 1, Environment.GetEnvironmentVariable("HB") is { } hb ? double.Parse(hb) : 0.5, Environment.GetEnvironmentVariable("HG") is { } hg ? double.Parse(hg) : 0.5); // the authors' start for the saturation: C = 1, β = γ = ½
}

/// <summary>θ = (L0, ln A, ln α, ln C, logit λ).</summary>
internal sealed class MomentumFitModel : FitModel
{
    private readonly ScheduleRates[] _rates;

    public MomentumFitModel(IReadOnlyList<Run> runs) : base(runs) =>
        _rates = runs.Select(r => ScheduleRates.Of(r.Schedule, r.Curve.LastStep + 1)).ToArray();

    public override int ParameterCount => 5;

    public override bool[] Regularised => [false, false, false, false, true];

    public override double[] ToTheta(ILossLaw law)
    {
        var p = ((MomentumLaw)law).ToArray();
        return [p[0], Math.Log(p[1]), Math.Log(p[2]), Math.Log(p[3]), Math.Log(p[4] / (1 - p[4]))];
    }

    public override ILossLaw ToLaw(double[] t) =>
        new MomentumLaw(t[0], Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]), Math.Min(1 / (1 + Math.Exp(-t[4])), 1 - 1e-12));

    public override void Evaluate(double[] theta, double[] values, double[,] jacobian)
    {
        var law = (MomentumLaw)ToLaw(theta);
        var p = law.ToArray();
        for (int r = 0; r < _rates.Length; r++)
            law.Evaluate(_rates[r], Runs[r].Curve.Steps, values.AsSpan(Offsets[r]), jacobian, Offsets[r]);
        for (int i = 0; i < Points; i++)
        {
            for (int j = 1; j < 4; j++) jacobian[i, j] *= p[j];
            jacobian[i, 4] *= p[4] * (1 - p[4]);
        }
    }

    public override ILossLaw FromWarmStart(double l0, double a, double alpha, double b) =>
        new MomentumLaw(l0, a, alpha, b, 0.999);
}
