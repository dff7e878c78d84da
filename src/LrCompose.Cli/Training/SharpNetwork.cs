namespace LrCompose.Cli.Training;

/// <summary>
/// The model where warmup matters, found by measuring (docs/training.md has the table): the flip network's task, the
/// sixteen 2×2 images and their transposes, learned by a deeper and wider network, 4 → 32 → 32 → 4 with tanh, whose
/// output layer starts at <see cref="OutputScale"/> times PyTorch's scale, trained full batch by plain gradient descent.
/// The large output layer makes the loss sharp at initialisation (λ_max about 14 to 21 over seeds 1–5), so a constant
/// rate above about 2/λ_max ≈ 0.1–0.14 is unstable from the first step; training at a small rate makes it flatter
/// (λ_max near 2 where the sixteen images are fitted), which is what a warmup uses.
/// </summary>
internal static class SharpNetwork
{
    /// <summary>The layer widths, input first.</summary>
    public static readonly IReadOnlyList<int> Widths = [4, 32, 32, 4];

    /// <summary>The factor on the output layer's initial weights and biases.</summary>
    public const double OutputScale = 4;

    /// <summary>The longest run trained.</summary>
    public const int MaxSteps = 2_000;

    /// <summary>A loss above this (the initial loss is about 1.2) is a run that diverged; it is stopped there.</summary>
    public const double DivergedLoss = 1e3;

    /// <summary>A run trained when its final loss is below this fraction of its initial loss.</summary>
    public const double TrainedFraction = 0.01;

    private static readonly Mlp Network = new(Widths, Activation.Tanh);

    /// <summary>One sentence naming the model, for tables and titles.</summary>
    public const string Description = "4→32→32→4 tanh, output layer ×4, full-batch gradient descent on the flip task";

    private static void Gradient(ReadOnlySpan<double> p, Span<double> gradient) => Network.Gradient(p, FlipNet.Images, FlipNet.Targets, gradient);

    /// <summary>λ_max of the loss at the initialisation of <paramref name="seed"/>.</summary>
    public static double InitialSharpness(int seed) => Sharpness.Top(Gradient, Network.Initialise(seed, OutputScale));

    /// <summary>
    /// Trains a fresh network of <paramref name="seed"/> for <paramref name="steps"/> steps (at most
    /// <see cref="MaxSteps"/>), the rate of step t being <c>schedule.Rate(t)</c>; every <paramref name="sharpnessEvery"/>
    /// steps (0: never) it measures λ_max: the first time from a random direction, for at most 200 iterations, then from
    /// the last top direction, which moves little between measurements, for at most <paramref name="sharpnessIterations"/>.
    /// (A Rayleigh quotient never exceeds λ_max: a measurement cut short errs low.)
    /// </summary>
    public static SharpRun Train(Schedule schedule, int seed, long steps, int sharpnessEvery = 0, int sharpnessIterations = 10)
    {
        int n = (int)Math.Clamp(steps, 1, MaxSteps);
        var p = Network.Initialise(seed, OutputScale);
        var gradient = new double[p.Length];
        var direction = new double[p.Length];
        var losses = new double[n + 1];
        var at = new List<long>();
        var sharpness = new List<double>();
        for (int t = 0; t <= n; t++)
        {
            double loss = Network.Gradient(p, FlipNet.Images, FlipNet.Targets, gradient);
            if (!(loss <= DivergedLoss))
            {
                // Diverged: the rest of the curve is infinite, and λ_max of a blown-up network says nothing.
                Array.Fill(losses, double.PositiveInfinity, t, n + 1 - t);
                break;
            }
            losses[t] = loss;
            if (sharpnessEvery > 0 && t % sharpnessEvery == 0)
            {
                at.Add(t);
                sharpness.Add(Sharpness.Top(Gradient, p, at.Count == 1 ? 200 : sharpnessIterations, direction, seed));
            }
            if (t == n) break;
            double rate = schedule.Rate(t);
            for (int i = 0; i < p.Length; i++) p[i] -= rate * gradient[i];
        }
        return new SharpRun(losses, [.. at], [.. sharpness]);
    }
}

/// <summary>A run of the sharp network: the loss before each step and after the last, and λ_max where it was measured.</summary>
internal sealed record SharpRun(double[] Losses, long[] SharpnessSteps, double[] Sharpness)
{
    /// <summary>The loss at initialisation.</summary>
    public double Initial => Losses[0];

    /// <summary>The loss after the last step (infinite when the run diverged).</summary>
    public double Final => Losses[^1];

    /// <summary>Whether the final loss is below <see cref="SharpNetwork.TrainedFraction"/> of the initial loss.</summary>
    public bool Trained => Final < SharpNetwork.TrainedFraction * Initial;
}
