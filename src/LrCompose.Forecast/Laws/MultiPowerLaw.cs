using System.Runtime.Intrinsics;
namespace LrCompose.Forecast;

/// <summary>
/// The multi-power law of Luo et al. (ICLR 2025), with P_s = η_0 + … + η_s:
/// <c>L(s) = L0 + A·P_s^(−α) + B·Σ_(k=1..s) (η_k − η_(k−1))·[1 − (1 + C·η_k^(−γ)·(P_s − P_(k−1)))^(−β)]</c>,
/// exactly as the authors' code evaluates it (the sum runs over the warmup too; parameters are used raw).
/// </summary>
public sealed record MultiPowerLaw : ILossLaw
{
    /// <summary>The parameter names of the JSON form, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["L0", "A", "alpha", "B", "C", "beta", "gamma"];

    /// <summary>Creates the law.</summary>
    /// <exception cref="ArgumentOutOfRangeException">L0 is not finite; A, B or C is negative or not finite; α or β is not above 0; γ is negative.</exception>
    public MultiPowerLaw(double L0, double A, double alpha, double B, double C, double beta, double gamma)
    {
        this.L0 = Checks.Finite(L0);
        this.A = Checks.AtLeast(A, 0);
        Alpha = Checks.Positive(alpha);
        this.B = Checks.AtLeast(B, 0);
        this.C = Checks.AtLeast(C, 0);
        Beta = Checks.Positive(beta);
        Gamma = Checks.AtLeast(gamma, 0);
    }

    /// <summary>The loss the law tends to with unlimited area and no annealing.</summary>
    public double L0 { get; }
    /// <summary>The scale of the power law in the area P_s.</summary>
    public double A { get; }
    /// <summary>The exponent of the power law in the area.</summary>
    public double Alpha { get; }
    /// <summary>The scale of the loss reduction from annealing.</summary>
    public double B { get; }
    /// <summary>How fast an annealing step's reduction saturates.</summary>
    public double C { get; }
    /// <summary>The exponent of the saturation.</summary>
    public double Beta { get; }
    /// <summary>The exponent of the rate in the saturation (η_k^(−γ)).</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public string Name => "multi-power";

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Parameters =>
        [new("L0", L0), new("A", A), new("alpha", Alpha), new("B", B), new("C", C), new("beta", Beta), new("gamma", Gamma)];

    /// <summary>The parameters as a vector in <see cref="Names"/> order.</summary>
    public double[] ToArray() => [L0, A, Alpha, B, C, Beta, Gamma];

    /// <summary>The law from a vector in <see cref="Names"/> order.</summary>
    /// <exception cref="ArgumentException">The vector does not hold seven numbers, or one breaks its rule.</exception>
    public static MultiPowerLaw FromArray(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != 7) throw Checks.Fail(nameof(p), $"{p.Count} numbers", "it must hold the seven parameters L0, A, alpha, B, C, beta, gamma");
        return new MultiPowerLaw(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }

    /// <summary>
    /// The predicted loss at each step, with the sum over the schedule reduced to blocks (see the remarks of the
    /// package docs): within 1e-6 of <see cref="PredictExact"/> on piecewise-smooth schedules, at a cost that grows
    /// with the number of points times the logarithm of the run length rather than with their product.
    /// </summary>
    /// <inheritdoc />
    public double[] Predict(Schedule schedule, IReadOnlyList<long> steps)
    {
        var rates = LawInput.Rates(schedule, steps, needsRatePowers: true);
        return Evaluate(AnnealingTerms.Build(rates, steps));
    }

    /// <summary>The predicted loss at each step, every step of the sum evaluated as the authors' code does
    /// (O(steps × points)).</summary>
    /// <exception cref="ArgumentException">As for <see cref="Predict"/>.</exception>
    public double[] PredictExact(Schedule schedule, IReadOnlyList<long> steps)
    {
        var rates = LawInput.Rates(schedule, steps, needsRatePowers: true);
        var result = new double[steps.Count];
        for (int i = 0; i < steps.Count; i++) result[i] = ExactAt(rates, (int)steps[i]);
        return result;
    }

    /// <summary>The exact predicted loss at the last of the given per-step rates (η_0, η_1, …), straight from the formula.</summary>
    /// <exception cref="ArgumentException">There are no rates, a rate is negative or not finite, or one is 0 where the rate changes.</exception>
    public double ExactFinal(IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count == 0) throw Checks.Fail(nameof(rates), "[]", "it must hold at least one rate");
        for (int i = 0; i < rates.Count; i++)
            if (!(rates[i] >= 0) || !double.IsFinite(rates[i])) throw Checks.Fail($"{nameof(rates)}[{i}]", rates[i], "a rate must be a finite number of at least 0");
        var r = ScheduleRates.Of([.. rates]);
        if (r.LawProblem(rates.Count - 1, rates.Count - 1) is { } problem) throw Checks.Fail(nameof(rates), $"{rates.Count} rates", problem.Problem);
        return ExactAt(r, rates.Count - 1);
    }

    /// <summary>The exact law at one step s, straight from the formula.</summary>
    internal double ExactAt(ScheduleRates rates, int s)
    {
        double[] eta = rates.Eta, prefix = rates.Prefix;
        double ps = prefix[s];
        double sum = 0;
        for (int k = 1; k <= s; k++)
        {
            double d = eta[k] - eta[k - 1];
            if (d == 0) continue; // a step where the rate does not change adds exactly 0
            sum += d * (1 - Math.Pow(1 + C * Math.Pow(eta[k], -Gamma) * (ps - prefix[k - 1]), -Beta));
        }
        return L0 + A * Math.Pow(ps, -Alpha) + B * sum;
    }

    /// <summary>The law at every point of precomputed terms.</summary>
    internal double[] Evaluate(AnnealingTerms terms)
    {
        var result = new double[terms.Points];
        for (int i = 0; i < result.Length; i++)
        {
            double sum = 0;
            for (int t = terms.Offsets[i]; t < terms.Offsets[i + 1]; t++)
            {
                double x = C * Math.Exp(-Gamma * terms.LogEta[t]) * terms.Area[t];
                sum += terms.Weight[t] * (1 - Math.Exp(-Beta * Math.Log(1 + x)));
            }
            result[i] = L0 + A * Math.Pow(terms.PrefixAt[i], -Alpha) + B * sum;
        }
        return result;
    }

    /// <summary>The law and its derivatives by the seven parameters (in <see cref="Names"/> order) at every point:
    /// <paramref name="jacobian"/>[i, j] = ∂L(s_i)/∂p_j.</summary>
    internal void EvaluateWithGradient(AnnealingTerms terms, Span<double> values, double[,] jacobian, int rowOffset)
    {
        for (int i = 0; i < terms.Points; i++)
        {
            double sum = 0, dC = 0, dBeta = 0, dGamma = 0;
            for (int t = terms.Offsets[i]; t < terms.Offsets[i + 1]; t++)
            {
                double w = terms.Weight[t], lnEta = terms.LogEta[t];
                double u = Math.Exp(-Gamma * lnEta) * terms.Area[t]; // η^(−γ)·D
                double x = C * u;
                double log1p = Math.Log(1 + x);
                double g = Math.Exp(-Beta * log1p);                 // (1 + x)^(−β)
                double gPrime = Beta * g / (1 + x);                 // −∂g/∂x
                sum += w * (1 - g);
                dC += w * gPrime * u;
                dBeta += w * g * log1p;
                dGamma += w * gPrime * x * -lnEta;
            }
            double ps = terms.PrefixAt[i];
            double power = Math.Pow(ps, -Alpha);
            values[i] = L0 + A * power + B * sum;
            int row = rowOffset + i;
            jacobian[row, 0] = 1;
            jacobian[row, 1] = power;
            jacobian[row, 2] = -A * Math.Log(ps) * power;
            jacobian[row, 3] = sum;
            jacobian[row, 4] = B * dC;
            jacobian[row, 5] = B * dBeta;
            jacobian[row, 6] = B * dGamma;
        }
    }

    /// <summary>
    /// The exact law at the last step s of <paramref name="eta"/> and, into <paramref name="gradient"/>, its
    /// derivative by every rate η_m, in O(s): with Δ_k = η_k − η_(k−1), x_k = C·η_k^(−γ)·(P_s − P_(k−1)),
    /// F_k = 1 − (1 + x_k)^(−β) and H_k = β(1 + x_k)^(−β−1),
    /// ∂L/∂η_m = −αA·P_s^(−α−1) + B(F_m − F_(m+1)) − B·Δ_m·H_m·γ·x_m/η_m + B·Σ_(k≤m) Δ_k·H_k·C·η_k^(−γ).
    /// </summary>
    internal double FinalLossWithGradient(double[] eta, double[] gradient)
    {
        int s = eta.Length - 1;
        // gradient doubles as the suffix sums Q_k = η_k + … + η_s until it is overwritten from the front.
        double q = 0;
        for (int k = s; k >= 0; k--) { q += eta[k]; gradient[k] = q; }
        double ps = q;
        double power = Math.Exp(-Alpha * Math.Log(ps));
        double common = -Alpha * A * power / ps;
        // The four logarithms and exponentials of each step do not depend on each other across steps: computed in a
        // first pass, four steps at a time where the processor has the vector instructions (the optimizer evaluates
        // this a few hundred times over every step), then the running sums in a second, scalar pass.
        var pool = System.Buffers.ArrayPool<double>.Shared;
        double[] etaPowers = pool.Rent(s + 1), gs = pool.Rent(s + 1), xs = pool.Rent(s + 1);
        try
        {
            ElementTerms(eta, gradient, etaPowers, xs, gs, s);
            double sum = 0, running = 0;
            // One pass: at step k we know F_k and can finish step k − 1, whose gradient needs F_k.
            double previousPart = 0;
            for (int k = 1; k <= s; k++)
            {
                double d = eta[k] - eta[k - 1];
                double etaPower = etaPowers[k], x = xs[k], g = gs[k];
                double f = 1 - g;
                sum += d * f;
                double h = Beta * g / (1 + x);
                running += d * h * C * etaPower;
                double part = f - d * h * Gamma * x / eta[k] + running; // ∂/∂η_k without −F_(k+1)
                if (k == 1) gradient[0] = common + B * (0 - f);
                else gradient[k - 1] = common + B * (previousPart - f);
                previousPart = part;
            }
            if (s >= 1) gradient[s] = common + B * previousPart;
            else gradient[0] = common;
            return L0 + A * power + B * sum;
        }
        finally
        {
            pool.Return(etaPowers);
            pool.Return(gs);
            pool.Return(xs);
        }
    }

    /// <summary>For k = 1 … s: η_k^(−γ), x_k = C·η_k^(−γ)·Q_k (Q in <paramref name="suffix"/>) and (1 + x_k)^(−β).</summary>
    private void ElementTerms(double[] eta, double[] suffix, double[] etaPowers, double[] xs, double[] gs, int s)
    {
        int k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            var gamma = Vector256.Create(-Gamma);
            var beta = Vector256.Create(-Beta);
            var c = Vector256.Create(C);
            var one = Vector256.Create(1.0);
            for (; k + 4 <= s + 1; k += 4)
            {
                var etaPower = Vector256.Exp(gamma * Vector256.Log(Vector256.Create(eta, k)));
                var x = c * etaPower * Vector256.Create(suffix, k);
                var g = Vector256.Exp(beta * Vector256.Log(one + x));
                etaPower.CopyTo(etaPowers.AsSpan(k));
                x.CopyTo(xs.AsSpan(k));
                g.CopyTo(gs.AsSpan(k));
            }
        }
        for (; k <= s; k++)
        {
            double etaPower = Math.Exp(-Gamma * Math.Log(eta[k]));
            double x = C * etaPower * suffix[k];
            etaPowers[k] = etaPower;
            xs[k] = x;
            gs[k] = Math.Exp(-Beta * Math.Log(1 + x));
        }
    }
}
