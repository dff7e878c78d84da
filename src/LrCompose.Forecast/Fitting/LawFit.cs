using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LrCompose.Forecast;

/// <summary>What a fit found: the law, the strength leave-one-run-out chose, the held-out error of each strength,
/// and the laws fitted without each training run (they give the prediction band).</summary>
public sealed record LawFitResult(ILossLaw Law, double Strength, IReadOnlyList<(double Strength, double HeldOutError)> Selection,
    IReadOnlyList<ILossLaw> SubsetLaws)
{
    /// <summary>The band of a prediction: for each step, the lowest and highest of the law and the laws fitted without
    /// one training run each.</summary>
    public (double[] Low, double[] High) Band(Schedule schedule, IReadOnlyList<long> steps)
    {
        double[] centre = Law.Predict(schedule, steps);
        double[] low = (double[])centre.Clone(), high = (double[])centre.Clone();
        foreach (var law in SubsetLaws)
        {
            double[] other = law.Predict(schedule, steps);
            for (int i = 0; i < other.Length; i++)
            {
                low[i] = Math.Min(low[i], other[i]);
                high[i] = Math.Max(high[i], other[i]);
            }
        }
        return (low, high);
    }
}

/// <summary>
/// Fits a law to runs, deterministically, with MathNet's Levenberg–Marquardt. Held-out prediction is what counts, so
/// the objective is robust (Huber on log residuals), the start is the authors' warm start, and the weakly identified
/// shape parameters (C, β, γ of the multi-power law; λ of the momentum law) are pulled toward that start with a
/// strength chosen by leave-one-run-out across the training runs: the strength whose fits on all but one training
/// run predict the left-out run best. Fitted to convergence without it, the law fits the training curves better and
/// predicts new schedules worse.
/// </summary>
public static class LawFit
{
    /// <summary>Fits the law to the <see cref="RunRole.Train"/> runs among <paramref name="runs"/>.</summary>
    /// <exception cref="ArgumentException">There is no training run.</exception>
    /// <exception cref="LossLogException">The training runs have too few points for the law's parameters.</exception>
    public static LawFitResult Fit(IReadOnlyList<Run> runs, FitOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= FitOptions.Default;
        var train = runs.Where(r => r.Role == RunRole.Train).ToList();
        if (train.Count == 0) throw Checks.Fail(nameof(runs), $"{runs.Count} runs", "at least one must be a train run");
        int parameters = options.Law == LawKind.MultiPower ? 7 : 5;
        int points = train.Sum(r => r.Curve.Count);
        if (points < 2 * parameters)
        {
            var last = train[^1].Curve;
            throw new LossLogException(last.Source, last.Lines[^1],
                $"the train runs have {points} points in all, and fitting the {parameters} parameters of the {(options.Law == LawKind.MultiPower ? "multi-power" : "momentum")} law needs at least {2 * parameters}");
        }

        progress?.Report($"preparing {train.Count} train runs");
        var whole = train.Select(r => FitPiece.Whole(r, options.Law)).ToList();
        var folds = Folds(whole, parameters);
        var strengths = options.Strengths;
        double chosen = strengths[0];
        var selection = new List<(double, double)>();
        var subsets = new List<ILossLaw>();
        if (folds.Count > 0 && strengths.Count > 1)
        {
            // Each fold fits on its pieces and predicts the ones it holds out, at every strength, from the strongest
            // pull to none (each fit starts where the stronger one ended). Folds are independent: run side by side.
            var laws = new ILossLaw[folds.Count][];
            var errors = new double[folds.Count][];
            var order = strengths.Select((s, i) => (s, i)).OrderByDescending(x => x.s).ToArray();
            progress?.Report($"choosing the regularisation: {folds.Count} folds × {strengths.Count} strengths");
            Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
            {
                var (fit, heldOut, _) = folds[f];
                var model = FitModel.For(options.Law, fit);
                var check = FitModel.For(options.Law, heldOut);
                var anchor = WarmStart(model);
                laws[f] = new ILossLaw[strengths.Count];
                errors[f] = new double[strengths.Count];
                ILossLaw from = anchor;
                foreach (var (strength, i) in order)
                {
                    from = laws[f][i] = Minimise(model, anchor, from, strength, options);
                    errors[f][i] = HeldOutError(check, from);
                }
            });
            double best = double.PositiveInfinity;
            for (int i = 0; i < strengths.Count; i++)
            {
                double error = errors.Average(e => e[i]);
                selection.Add((strengths[i], error));
                if (error < best) { best = error; chosen = strengths[i]; }
            }
            int index = strengths.ToList().IndexOf(chosen);
            // The leave-one-run-out fits (not the forward one) are the band's laws.
            for (int f = 0; f < folds.Count; f++) if (folds[f].LeavesOneOut) subsets.Add(laws[f][index]);
        }
        progress?.Report($"fitting all {train.Count} train runs, strength {chosen}");
        var all = FitModel.For(options.Law, whole);
        var start = WarmStart(all);
        var law = Minimise(all, start, start, chosen, options);
        return new LawFitResult(law, chosen, selection, subsets);
    }

    /// <summary>The validation folds: each training run left out in turn (fit on the others: does the law carry to
    /// a schedule it has not seen?). A fold whose remaining runs have too few points is skipped.</summary>
    private static List<(List<FitPiece> Fit, List<FitPiece> HeldOut, bool LeavesOneOut)> Folds(List<FitPiece> whole, int parameters)
    {
        var folds = new List<(List<FitPiece>, List<FitPiece>, bool)>();
        if (whole.Count >= 2)
            for (int i = 0; i < whole.Count; i++)
            {
                var rest = whole.Where((_, j) => j != i).ToList();
                if (rest.Sum(p => p.Count) >= 2 * parameters) folds.Add((rest, [whole[i]], true));
            }
        return folds;
    }

    /// <summary>The worst relative error of a law's predictions of each held-out piece (the authors' WorstE), averaged
    /// over the pieces: a strength is judged by the run it predicts worst, not by its average case.</summary>
    private static double HeldOutError(FitModel heldOut, ILossLaw law)
    {
        var values = new double[heldOut.Points];
        heldOut.Evaluate(heldOut.ToTheta(law), values, null);
        double error = 0;
        for (int r = 0; r < heldOut.Pieces.Count; r++)
        {
            double worst = 0;
            for (int i = heldOut.Offsets[r]; i < heldOut.Offsets[r + 1]; i++)
                worst = Math.Max(worst, double.IsFinite(values[i]) ? Math.Abs(heldOut.Losses[i] - values[i]) / heldOut.Losses[i] : double.PositiveInfinity);
            error += worst;
        }
        return error / heldOut.Pieces.Count;
    }

    /// <summary>
    /// The authors' warm start: L0 + A·P_s^(−α) − B·(η_max − η_s), which for a fixed α is linear in L0, A and B; α is
    /// scanned over a grid and the three found by least squares, keeping A, B ≥ 0.
    /// </summary>
    internal static ILossLaw WarmStart(FitModel model)
    {
        var rows = new List<(double P, double Drop, double Loss)>();
        foreach (var piece in model.Pieces)
        {
            var run = piece.Run;
            var rates = ScheduleRates.Of(run.Schedule, run.Curve.Steps[piece.To - 1] + 1);
            double peak = rates.Eta.Max();
            for (int i = piece.From; i < piece.To; i++)
            {
                int s = (int)run.Curve.Steps[i];
                rows.Add((rates.Prefix[s], peak - rates.Eta[s], run.Curve.Losses[i]));
            }
        }
        double bestError = double.PositiveInfinity;
        (double L0, double A, double Alpha, double B) best = (rows.Min(r => r.Loss) * 0.9, 0.5, 0.5, 1e-6);
        for (double alpha = 0.05; alpha <= 2.0001; alpha += 0.05)
        {
            var design = Matrix<double>.Build.Dense(rows.Count, 3, (i, j) => j switch { 0 => 1, 1 => Math.Pow(rows[i].P, -alpha), _ => -rows[i].Drop });
            var y = Vector<double>.Build.Dense(rows.Count, i => rows[i].Loss);
            var x = design.QR().Solve(y);
            if (x[1] <= 0) continue;
            if (x[2] < 0) x = Vector<double>.Build.DenseOfArray([x[0], x[1], 0]);
            double error = (design * x - y).L2Norm();
            if (error < bestError) { bestError = error; best = (x[0], x[1], alpha, Math.Max(x[2], 1e-6)); }
        }
        // The law's own sum also runs over the warmup, where it adds a nearly constant amount that the warm start has
        // in its L0: take the L0 that makes the start law agree with the warm start on average over the points.
        var shape = model.FromWarmStart(0, best.A, best.Alpha, best.B);
        var values = new double[model.Points];
        model.Evaluate(model.ToTheta(shape), values, null);
        double offset = 0;
        for (int i = 0; i < rows.Count; i++)
            offset += best.L0 + best.A * Math.Pow(rows[i].P, -best.Alpha) - best.B * rows[i].Drop - values[i];
        return model.FromWarmStart(offset / rows.Count, best.A, best.Alpha, best.B);
    }

    /// <summary>Levenberg–Marquardt on the Huber-transformed log residuals plus the pull toward the start.</summary>
    internal static ILossLaw Minimise(FitModel model, ILossLaw anchorLaw, ILossLaw start, double strength, FitOptions options)
    {
        int n = model.Points, p = model.ParameterCount;
        double[] anchor = model.ToTheta(anchorLaw);
        bool[] pulled = model.Regularised;
        int extra = pulled.Count(b => b);
        int m = n + extra;
        double delta = options.HuberDelta;
        double scale = 1 / (delta * Math.Sqrt(n));
        double root = Math.Sqrt(strength);
        var losses = model.Losses;

        double[]? cachedTheta = null;
        var values = new double[n];
        var jacobian = new double[n, p];
        var residual = Vector<double>.Build.Dense(m);
        var derivative = Matrix<double>.Build.Dense(m, p);

        void Compute(Vector<double> thetaVector)
        {
            double[] theta = thetaVector.ToArray();
            if (cachedTheta is not null && theta.AsSpan().SequenceEqual(cachedTheta)) return;
            cachedTheta = theta;
            model.Evaluate(theta, values, jacobian);
            for (int i = 0; i < n; i++)
            {
                double prediction = values[i];
                if (!(prediction > 0) || !double.IsFinite(prediction))
                {
                    // Outside the law's domain: a large residual that pushes the step back.
                    residual[i] = 1e6;
                    for (int j = 0; j < p; j++) derivative[i, j] = 0;
                    continue;
                }
                double r = Math.Log(losses[i]) - Math.Log(prediction);
                double psi, slope;
                if (Math.Abs(r) <= delta) { psi = r; slope = 1; }
                else { psi = Math.Sign(r) * Math.Sqrt(2 * delta * Math.Abs(r) - delta * delta); slope = delta / Math.Abs(psi); }
                // The model value is ψ(r)·scale (observed 0), so ∂/∂θ = ψ'(r)·scale·(−1/ŷ)·∂ŷ/∂θ.
                residual[i] = psi * scale;
                double factor = -slope * scale / prediction;
                for (int j = 0; j < p; j++) derivative[i, j] = factor * jacobian[i, j];
            }
            int row = n;
            for (int j = 0; j < p; j++)
            {
                if (!pulled[j]) continue;
                // L0 is pulled in relative terms, the others (logarithms already) as they are.
                double unit = j == 0 ? root / Math.Max(Math.Abs(anchor[0]), 1e-12) : root;
                residual[row] = unit * (theta[j] - anchor[j]);
                for (int k = 0; k < p; k++) derivative[row, k] = k == j ? unit : 0;
                row++;
            }
        }

        var objective = ObjectiveFunction.NonlinearModel(
            (theta, _) => { Compute(theta); return residual.Clone(); },
            (theta, _) => { Compute(theta); return derivative.Clone(); },
            Vector<double>.Build.Dense(m, i => i), Vector<double>.Build.Dense(m), null);
        var minimizer = new LevenbergMarquardtMinimizer(gradientTolerance: 1e-10, stepTolerance: 1e-7, functionTolerance: 1e-10, maximumIterations: options.MaximumIterations);
        var result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(model.ToTheta(start)));
        return model.ToLaw(result.MinimizingPoint.ToArray());
    }
}
