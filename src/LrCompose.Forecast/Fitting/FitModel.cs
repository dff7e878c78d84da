namespace LrCompose.Forecast;

/// <summary>Points [From, To) of a run's curve, with the law's schedule terms for them when the law needs them.</summary>
internal sealed record FitPiece(Run Run, int From, int To, AnnealingTerms? Terms)
{
    public int Count => To - From;

    public IEnumerable<double> Losses => Run.Curve.Losses.Skip(From).Take(Count);

    public IReadOnlyList<long> Steps => Run.Curve.Steps.Skip(From).Take(Count).ToArray();

    /// <summary>The whole run, with its terms built once.</summary>
    public static FitPiece Whole(Run run, LawKind kind) => new(run, 0, run.Curve.Count,
        kind == LawKind.MultiPower ? AnnealingTerms.Build(ScheduleRates.Of(run.Schedule, run.Curve.LastStep + 1), run.Curve.Steps, FitTolerance) : null);

    /// <summary>The block tolerance of the terms a fit uses: coarser than a prediction's (it moves the law by about
    /// 1e-6, a thousandth of the residuals a fit sees), so each evaluation costs a few times less.</summary>
    public const double FitTolerance = 0.1;

    /// <summary>Points [from, to) of this piece's run (this piece must be whole).</summary>
    public FitPiece Part(int from, int to) => new(Run, from, to, Terms?.Slice(from, to));
}

/// <summary>
/// A law as a fitting problem over fixed pieces of runs: its parameters as an unconstrained vector θ (positive
/// parameters by their logarithms, so no bounds are needed), and the predictions and their Jacobian by θ at every
/// point, in piece order. The schedule terms are computed once, before any fit.
/// </summary>
internal abstract class FitModel
{
    protected FitModel(IReadOnlyList<FitPiece> pieces)
    {
        Pieces = pieces;
        Offsets = new int[pieces.Count + 1];
        for (int r = 0; r < pieces.Count; r++) Offsets[r + 1] = Offsets[r] + pieces[r].Count;
        Losses = pieces.SelectMany(p => p.Losses).ToArray();
    }

    public IReadOnlyList<FitPiece> Pieces { get; }

    /// <summary>Piece r's points are rows [Offsets[r], Offsets[r + 1]).</summary>
    public int[] Offsets { get; }

    /// <summary>The logged loss at every row.</summary>
    public double[] Losses { get; }

    public int Points => Offsets[^1];

    public abstract int ParameterCount { get; }

    /// <summary>Which θ entries the regulariser pulls toward the start (all of them).</summary>
    public bool[] Regularised => [.. Enumerable.Repeat(true, ParameterCount)];

    public abstract double[] ToTheta(ILossLaw law);

    public abstract ILossLaw ToLaw(double[] theta);

    /// <summary>Predictions at every point and, when <paramref name="jacobian"/> is given, ∂prediction/∂θ.</summary>
    public abstract void Evaluate(double[] theta, double[] values, double[,]? jacobian);

    /// <summary>The law's start from the warm start's four numbers (L0, A, α, and the annealing scale B).</summary>
    public abstract ILossLaw FromWarmStart(double l0, double a, double alpha, double b);

    public static FitModel For(LawKind kind, IReadOnlyList<FitPiece> pieces) => kind switch
    {
        LawKind.MultiPower => new MultiPowerFitModel(pieces),
        _ => new MomentumFitModel(pieces),
    };
}

/// <summary>θ = (L0, ln A, ln α, ln B, ln C, ln β, ln γ).</summary>
internal sealed class MultiPowerFitModel(IReadOnlyList<FitPiece> pieces) : FitModel(pieces)
{
    public override int ParameterCount => 7;

    public override double[] ToTheta(ILossLaw law)
    {
        var p = ((MultiPowerLaw)law).ToArray();
        return [p[0], Math.Log(p[1]), Math.Log(p[2]), Math.Log(p[3]), Math.Log(p[4]), Math.Log(p[5]), Math.Log(p[6])];
    }

    public override ILossLaw ToLaw(double[] t) =>
        new MultiPowerLaw(t[0], Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]), Math.Exp(t[4]), Math.Exp(t[5]), Math.Exp(t[6]));

    public override void Evaluate(double[] theta, double[] values, double[,]? jacobian)
    {
        var law = (MultiPowerLaw)ToLaw(theta);
        if (jacobian is null)
        {
            for (int r = 0; r < Pieces.Count; r++) law.Evaluate(Pieces[r].Terms!).CopyTo(values, Offsets[r]);
            return;
        }
        var p = law.ToArray();
        for (int r = 0; r < Pieces.Count; r++)
            law.EvaluateWithGradient(Pieces[r].Terms!, values.AsSpan(Offsets[r]), jacobian, Offsets[r]);
        for (int i = 0; i < Points; i++)
            for (int j = 1; j < 7; j++) jacobian[i, j] *= p[j]; // ∂/∂ln x = x·∂/∂x
    }

    public override ILossLaw FromWarmStart(double l0, double a, double alpha, double b) =>
        new MultiPowerLaw(l0, a, alpha, b, 1, 0.5, 0.5); // the authors' start for the saturation: C = 1, β = γ = ½
}

/// <summary>θ = (L0, ln A, ln α, ln C, logit λ).</summary>
internal sealed class MomentumFitModel(IReadOnlyList<FitPiece> pieces) : FitModel(pieces)
{
    private readonly ScheduleRates[] _rates = pieces.Select(p => ScheduleRates.Of(p.Run.Schedule, p.Run.Curve.Steps[p.To - 1] + 1)).ToArray();

    public override int ParameterCount => 5;

    public override double[] ToTheta(ILossLaw law)
    {
        var p = ((MomentumLaw)law).ToArray();
        return [p[0], Math.Log(p[1]), Math.Log(p[2]), Math.Log(p[3]), Math.Log(p[4] / (1 - p[4]))];
    }

    public override ILossLaw ToLaw(double[] t) =>
        new MomentumLaw(t[0], Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]), Math.Min(1 / (1 + Math.Exp(-t[4])), 1 - 1e-12));

    public override void Evaluate(double[] theta, double[] values, double[,]? jacobian)
    {
        var law = (MomentumLaw)ToLaw(theta);
        var p = law.ToArray();
        for (int r = 0; r < Pieces.Count; r++)
            law.Evaluate(_rates[r], Pieces[r].Steps, values.AsSpan(Offsets[r]), jacobian, Offsets[r]);
        if (jacobian is null) return;
        for (int i = 0; i < Points; i++)
        {
            for (int j = 1; j < 4; j++) jacobian[i, j] *= p[j];
            jacobian[i, 4] *= p[4] * (1 - p[4]);
        }
    }

    // The warm start's −B·(η_max − η_s) is the momentum law's −C·S2 with C = B·(1 − λ) once the memory has faded.
    public override ILossLaw FromWarmStart(double l0, double a, double alpha, double b) =>
        new MomentumLaw(l0, a, alpha, b * (1 - 0.999), 0.999);
}
