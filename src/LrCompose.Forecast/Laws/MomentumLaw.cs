namespace LrCompose.Forecast;

/// <summary>
/// The momentum law of Tissue et al. (2024, "Scaling Law with Learning Rate Annealing"), the simpler baseline:
/// <c>L(s) = L0 + A·S1^(−α) − C·S2</c>, with S1 = P_s = η_0 + … + η_s the forward area and S2 = Σ_(i=1..s) m_i the
/// annealing area, m_i = λ·m_(i−1) + (η_(i−1) − η_i) (m_0 = 0): each decrease of the rate keeps lowering the loss,
/// with a memory that fades by λ per step.
/// </summary>
public sealed record MomentumLaw : ILossLaw
{
    /// <summary>The parameter names of the JSON form, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["L0", "A", "alpha", "C", "lambda"];

    /// <summary>Creates the law.</summary>
    /// <exception cref="ArgumentOutOfRangeException">L0 is not finite, A or C is negative, α is not above 0, or λ is outside [0, 1).</exception>
    public MomentumLaw(double L0, double A, double alpha, double C, double lambda)
    {
        this.L0 = Checks.Finite(L0);
        this.A = Checks.AtLeast(A, 0);
        Alpha = Checks.Positive(alpha);
        this.C = Checks.AtLeast(C, 0);
        if (!(lambda >= 0 && lambda < 1)) throw Checks.Fail(nameof(lambda), lambda, "it must be at least 0 and below 1");
        Lambda = lambda;
    }

    /// <summary>The loss the law tends to with unlimited area.</summary>
    public double L0 { get; }
    /// <summary>The scale of the power law in the forward area.</summary>
    public double A { get; }
    /// <summary>The exponent of the power law.</summary>
    public double Alpha { get; }
    /// <summary>The loss reduction per unit of annealing area.</summary>
    public double C { get; }
    /// <summary>The momentum: how much of an annealing step's effect carries to the next step.</summary>
    public double Lambda { get; }

    /// <inheritdoc />
    public string Name => "momentum";

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Parameters =>
        [new("L0", L0), new("A", A), new("alpha", Alpha), new("C", C), new("lambda", Lambda)];

    /// <summary>The parameters as a vector in <see cref="Names"/> order.</summary>
    public double[] ToArray() => [L0, A, Alpha, C, Lambda];

    /// <summary>The law from a vector in <see cref="Names"/> order.</summary>
    /// <exception cref="ArgumentException">The vector does not hold five numbers, or one breaks its rule.</exception>
    public static MomentumLaw FromArray(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != 5) throw Checks.Fail(nameof(p), $"{p.Count} numbers", "it must hold the five parameters L0, A, alpha, C, lambda");
        return new MomentumLaw(p[0], p[1], p[2], p[3], p[4]);
    }

    /// <summary>The predicted loss at each step: one pass over the steps (the law is a recurrence), O(steps).</summary>
    /// <inheritdoc />
    public double[] Predict(Schedule schedule, IReadOnlyList<long> steps)
    {
        var rates = LawInput.Rates(schedule, steps, needsRatePowers: false);
        if (rates.Prefix[steps[0]] <= 0)
            throw Checks.Fail(nameof(schedule), schedule.ToString(), $"its rates add up to 0 by step {steps[0]}, and the law needs (sum of rates)^(-alpha) there");
        var values = new double[steps.Count];
        Evaluate(rates, steps, values, null, 0);
        return values;
    }

    /// <summary>The law at each step, and (when <paramref name="jacobian"/> is given) its derivatives by the five
    /// parameters in <see cref="Names"/> order.</summary>
    internal void Evaluate(ScheduleRates rates, IReadOnlyList<long> steps, Span<double> values, double[,]? jacobian, int rowOffset)
    {
        double[] eta = rates.Eta, prefix = rates.Prefix;
        double m = 0, dm = 0, s2 = 0, ds2 = 0;
        int next = 0;
        for (int i = 0; i <= steps[^1]; i++)
        {
            if (i > 0)
            {
                dm = m + Lambda * dm;           // ∂m_i/∂λ
                m = Lambda * m + (eta[i - 1] - eta[i]);
                s2 += m;
                ds2 += dm;
            }
            if (i != steps[next]) continue;
            double power = Math.Pow(prefix[i], -Alpha);
            values[next] = L0 + A * power - C * s2;
            if (jacobian is not null)
            {
                int row = rowOffset + next;
                jacobian[row, 0] = 1;
                jacobian[row, 1] = power;
                jacobian[row, 2] = -A * Math.Log(prefix[i]) * power;
                jacobian[row, 3] = -s2;
                jacobian[row, 4] = -C * ds2;
            }
            next++;
        }
    }
}
