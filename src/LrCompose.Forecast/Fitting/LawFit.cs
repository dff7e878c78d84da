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

        var strengths = options.Strengths;
        var selection = new List<(double, double)>();
        var subsetsByStrength = new List<ILossLaw[]>();
        double chosen = strengths[0];
        if (train.Count >= 2 && strengths.Count > 1)
        {
            // Leave one run out: fit on the others, measure the mean relative error on the one left out.
            var folds = Enumerable.Range(0, train.Count).Select(i => train.Where((_, j) => j != i).ToList()).ToList();
            var foldModels = folds.Select(f => FitModel.For(options.Law, f)).ToList();
            var foldStarts = foldModels.Select(WarmStart).ToList();
            double best = double.PositiveInfinity;
            foreach (double strength in strengths)
            {
                progress?.Report($"leave-one-run-out, strength {strength}");
                var laws = new ILossLaw[train.Count];
                double error = 0;
                for (int i = 0; i < train.Count; i++)
                {
                    laws[i] = Minimise(foldModels[i], foldStarts[i], strength, options);
                    error += HeldOutError(laws[i], train[i]);
                }
                error /= train.Count;
                selection.Add((strength, error));
                subsetsByStrength.Add(laws);
                if (error < best) { best = error; chosen = strength; }
            }
        }
        progress?.Report($"fitting all {train.Count} train runs, strength {chosen}");
        var model = FitModel.For(options.Law, train);
        var law = Minimise(model, WarmStart(model), chosen, options);
        int index = selection.FindIndex(s => s.Item1 == chosen);
        return new LawFitResult(law, chosen, selection, index >= 0 ? subsetsByStrength[index] : []);
    }

    /// <summary>The mean relative error of a law's prediction of a run (the authors' PredE).</summary>
    private static double HeldOutError(ILossLaw law, Run run)
    {
        try
        {
            double[] predicted = law.Predict(run.Schedule, run.Curve.Steps);
            return CurveMetrics.Of(run.Curve.Losses, predicted).PredE;
        }
        catch (ArgumentException)
        {
            return double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The authors' warm start: L0 + A·P_s^(−α) − B·(η_max − η_s), which for a fixed α is linear in L0, A and B; α is
    /// scanned over a grid and the three found by least squares, keeping A, B ≥ 0.
    /// </summary>
    internal static ILossLaw WarmStart(FitModel model)
    {
        var rows = new List<(double P, double Drop, double Loss)>();
        foreach (var run in model.Runs)
        {
            var rates = ScheduleRates.Of(run.Schedule, run.Curve.LastStep + 1);
            double peak = rates.Eta.Max();
            for (int i = 0; i < run.Curve.Count; i++)
            {
                int s = (int)run.Curve.Steps[i];
                rows.Add((rates.Prefix[s], peak - rates.Eta[s], run.Curve.Losses[i]));
            }
        }
        double bestError = double.PositiveInfinity;
        (double L0, double A, double Alpha, double B) best = (rows.Min(r => r.Loss) * 0.9, 0.5, 0.5, 0);
        for (double alpha = 0.05; alpha <= 2.0001; alpha += 0.05)
        {
            var design = Matrix<double>.Build.Dense(rows.Count, 3, (i, j) => j switch { 0 => 1, 1 => Math.Pow(rows[i].P, -alpha), _ => -rows[i].Drop });
            var y = Vector<double>.Build.Dense(rows.Count, i => rows[i].Loss);
            var x = design.QR().Solve(y);
            if (x[1] <= 0) continue;
            double b = Math.Max(x[2], 0);
            if (b != x[2]) x = Vector<double>.Build.DenseOfArray([x[0], x[1], 0]);
            double error = (design * x - y).L2Norm();
            if (error < bestError) { bestError = error; best = (x[0], x[1], alpha, Math.Max(b, 1e-6)); }
        }
        return model.FromWarmStart(best.L0, best.A, best.Alpha, best.B);
    }

    /// <summary>Levenberg–Marquardt on the Huber-transformed log residuals plus the pull toward the start.</summary>
    internal static ILossLaw Minimise(FitModel model, ILossLaw start, double strength, FitOptions options)
    {
        int n = model.Points, p = model.ParameterCount;
        double[] anchor = model.ToTheta(start);
        bool[] pulled = model.Regularised;
        int extra = pulled.Count(b => b);
        int m = n + extra;
        double delta = options.HuberDelta;
        double scale = 1 / (delta * Math.Sqrt(n));
        double root = Math.Sqrt(strength);
        var losses = model.Runs.SelectMany(r => r.Curve.Losses).ToArray();

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
                residual[row] = root * (theta[j] - anchor[j]);
                for (int k = 0; k < p; k++) derivative[row, k] = k == j ? root : 0;
                row++;
            }
        }

        var objective = ObjectiveFunction.NonlinearModel(
            (theta, _) => { Compute(theta); return residual.Clone(); },
            (theta, _) => { Compute(theta); return derivative.Clone(); },
            Vector<double>.Build.Dense(m, i => i), Vector<double>.Build.Dense(m), null);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: options.MaximumIterations);
        var result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(anchor));
        Console.Error.WriteLine($"LM {result.Iterations} {result.ReasonForExit} {result.MinimizedValues.DotProduct(result.MinimizedValues)}");
        return model.ToLaw(result.MinimizingPoint.ToArray());
    }
}
