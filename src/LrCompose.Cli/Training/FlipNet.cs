namespace LrCompose.Cli.Training;

/// <summary>
/// The seed documents' flip network, the one implementation the explorer and the seed experiments share: 4 → 3 (ReLU)
/// → 4, learning the transpose of the sixteen binary 2×2 images, mean squared error over the four outputs, one image
/// a step, SGD with PyTorch's momentum 0.9 (the first step takes the raw gradient, then <c>v ← 0.9v + g</c>).
/// </summary>
internal sealed class FlipNet
{
    private static readonly Mlp Network = new([4, 3, 4], Activation.Relu);

    /// <summary>The sixteen binary 2×2 images, in the seed's fixed order (image i is the bits of i, row by row).</summary>
    public static readonly double[][] Images = Enumerable.Range(0, 16).Select(i => new double[] { (i >> 3) & 1, (i >> 2) & 1, (i >> 1) & 1, i & 1 }).ToArray();

    /// <summary>Each image's target, its transpose: [[a, b], [c, d]] → [[a, c], [b, d]].</summary>
    public static readonly double[][] Targets = Images.Select(Target).ToArray();

    private readonly double[] _p;
    private readonly double[] _velocity;
    private readonly double[] _gradient;

    /// <summary>The target of an image: its transpose.</summary>
    public static double[] Target(double[] x) => [x[0], x[2], x[1], x[3]];

    /// <summary>A network initialised as PyTorch's nn.Linear does (uniform in ±1/√fan-in), from a seed.</summary>
    public FlipNet(int seed) : this(Network.Initialise(seed)) { }

    private FlipNet(double[] parameters)
    {
        _p = parameters;
        _velocity = new double[parameters.Length];
        _gradient = new double[parameters.Length];
    }

    /// <summary>A network with given weights, as PyTorch stores them: <c>weight[out][in]</c> and <c>bias[out]</c> per layer.</summary>
    public static FlipNet FromLayers(double[][] weight1, double[] bias1, double[][] weight2, double[] bias2)
    {
        if (weight1.Length != 3 || weight1.Any(r => r.Length != 4) || bias1.Length != 3 || weight2.Length != 4 || weight2.Any(r => r.Length != 3) || bias2.Length != 4)
            throw new ArgumentException("the layers must be 3×4 weights, 3 biases, 4×3 weights and 4 biases", nameof(weight1));
        // The flat order: unit by unit, its weights then its bias.
        var p = new List<double>();
        for (int j = 0; j < 3; j++) p.AddRange([.. weight1[j], bias1[j]]);
        for (int k = 0; k < 4; k++) p.AddRange([.. weight2[k], bias2[k]]);
        return new FlipNet([.. p]);
    }

    /// <summary>The mean loss over all sixteen images, without training.</summary>
    public double Loss() => Network.Loss(_p, Images, Targets);

    /// <summary>
    /// λ_max of the Hessian of the mean loss over all sixteen images, where the network stands (ReLU's kinks make the
    /// finite differences rough where a unit sits at zero, so the estimate is as good as the iterations get it).
    /// </summary>
    public double Sharpness() => Training.Sharpness.Top((p, g) => Network.Gradient(p, Images, Targets, g), _p);

    /// <summary>One SGD step on one image at rate <paramref name="lr"/> (<paramref name="first"/>: the first step of the run); returns the image's loss before it.</summary>
    public double Step(double[] x, double[] y, double lr, bool first) => Step(x, y, lr, lr, first);

    /// <summary>
    /// One SGD step on one image, the hidden layer at rate <paramref name="lr1"/> and the output layer at
    /// <paramref name="lr2"/> (per-group rates); returns the image's loss before it.
    /// </summary>
    public double Step(double[] x, double[] y, double lr1, double lr2, bool first)
    {
        double loss = Network.Gradient(_p, [x], [y], _gradient);
        for (int i = 0; i < _p.Length; i++)
        {
            _velocity[i] = first ? _gradient[i] : 0.9 * _velocity[i] + _gradient[i];
            _p[i] -= (i < FirstLayerParameters ? lr1 : lr2) * _velocity[i];
        }
        return loss;
    }

    // The flat order puts the hidden layer first: 3 units, each its 4 weights and its bias.
    private const int FirstLayerParameters = 3 * (4 + 1);

    /// <summary>Trains for the given epochs, the images in their fixed order, the rate of step s being <c>schedule.Rate(s)</c>; returns each epoch's mean loss (of each image before its step).</summary>
    public double[] Train(Schedule schedule, int epochs)
    {
        var losses = new double[epochs];
        long step = 0;
        for (int e = 0; e < epochs; e++)
        {
            for (int i = 0; i < Images.Length; i++)
            {
                losses[e] += Step(Images[i], Targets[i], schedule.Rate(step), first: step == 0) / Images.Length;
                step++;
            }
        }
        return losses;
    }
}
