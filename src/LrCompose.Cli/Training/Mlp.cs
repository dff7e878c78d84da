namespace LrCompose.Cli.Training;

/// <summary>The nonlinearity between dense layers.</summary>
internal enum Activation
{
    /// <summary>max(0, z), as the seed's flip network.</summary>
    Relu,
    /// <summary>tanh z: smooth, so finite differences of its gradients are Hessian–vector products without kinks.</summary>
    Tanh,
}

/// <summary>
/// A dense network written out by hand: layers of the given widths, the activation between them, a linear output and
/// the mean squared error over the outputs, <c>Σₖ (oₖ − yₖ)² / K</c>. The parameters live in one flat array, layer by
/// layer and, within a layer, unit by unit: a unit's weights (one per input) then its bias — the order in which the
/// seed's network draws them, so the same seed gives the same network. The network holds no parameters itself: every
/// call takes them, so optimizers, finite differences and power iteration can all work on plain arrays.
/// </summary>
internal sealed class Mlp
{
    private readonly int[] _widths;
    private readonly int[] _offsets;   // where each layer's parameters start
    private readonly Activation _activation;

    /// <summary>A network with the given layer widths, input first (at least two), and activation.</summary>
    public Mlp(IReadOnlyList<int> widths, Activation activation)
    {
        if (widths.Count < 2 || widths.Any(w => w < 1))
            throw new ArgumentException($"widths was [{string.Join(", ", widths)}]: it must list at least two layers of at least one unit", nameof(widths));
        _widths = [.. widths];
        _activation = activation;
        _offsets = new int[_widths.Length];
        for (int l = 1; l < _widths.Length; l++) _offsets[l] = _offsets[l - 1] + (l == 1 ? 0 : _widths[l - 2] * _widths[l - 1] + _widths[l - 1]);
        ParameterCount = _offsets[^1] + _widths[^2] * _widths[^1] + _widths[^1];
        Outputs = _widths[^1];
    }

    /// <summary>How many numbers the parameters are.</summary>
    public int ParameterCount { get; }

    /// <summary>The width of the output layer.</summary>
    public int Outputs { get; }

    /// <summary>Where unit <paramref name="unit"/> of layer <paramref name="layer"/> (1 = first after the input) starts.</summary>
    private int UnitStart(int layer, int unit) => _offsets[layer] + unit * (_widths[layer - 1] + 1);

    /// <summary>
    /// Parameters as PyTorch's <c>nn.Linear</c> draws them, uniform in ±1/√fan-in, in the flat order, from one seeded
    /// generator; the output layer's are multiplied by <paramref name="outputScale"/> (a larger scale starts sharper).
    /// </summary>
    public double[] Initialise(int seed, double outputScale = 1)
    {
        var random = new Random(seed);
        var p = new double[ParameterCount];
        for (int l = 1; l < _widths.Length; l++)
        {
            double scale = l == _widths.Length - 1 ? outputScale : 1;
            for (int unit = 0; unit < _widths[l]; unit++)
                for (int i = 0; i <= _widths[l - 1]; i++)
                    p[UnitStart(l, unit) + i] = scale * (random.NextDouble() * 2 - 1) / Math.Sqrt(_widths[l - 1]);
        }
        return p;
    }

    /// <summary>The loss of one example.</summary>
    public double Loss(ReadOnlySpan<double> p, double[] x, double[] y) => Loss(p, x, y, new Workspace(_widths));

    private double Loss(ReadOnlySpan<double> p, double[] x, double[] y, Workspace work)
    {
        Forward(p, x, work);
        var output = work.Z[^1];
        double loss = 0;
        for (int k = 0; k < Outputs; k++) loss += (output[k] - y[k]) * (output[k] - y[k]) / Outputs;
        return loss;
    }

    /// <summary>The mean loss over examples.</summary>
    public double Loss(ReadOnlySpan<double> p, double[][] xs, double[][] ys)
    {
        var work = new Workspace(_widths);
        double sum = 0;
        for (int n = 0; n < xs.Length; n++) sum += Loss(p, xs[n], ys[n], work);
        return sum / xs.Length;
    }

    /// <summary>The mean loss over examples and its exact gradient (backpropagation), written into <paramref name="gradient"/>.</summary>
    public double Gradient(ReadOnlySpan<double> p, double[][] xs, double[][] ys, Span<double> gradient)
    {
        gradient.Clear();
        var work = new Workspace(_widths);
        double sum = 0;
        for (int n = 0; n < xs.Length; n++) sum += Accumulate(p, xs[n], ys[n], gradient, work);
        if (xs.Length > 1)
            for (int i = 0; i < gradient.Length; i++) gradient[i] /= xs.Length;
        return sum / xs.Length;
    }

    /// <summary>Per-call scratch space: each layer's pre-activations <c>Z</c>, what the next layer reads <c>A</c>, and the back-propagated errors.</summary>
    private sealed class Workspace
    {
        public readonly double[][] Z, A, Delta;

        public Workspace(int[] widths)
        {
            Z = [.. widths.Select(w => new double[w])];
            A = [.. widths.Select(w => new double[w])];
            Delta = [.. widths.Select(w => new double[w])];
        }
    }

    /// <summary>
    /// One example through the network into <paramref name="work"/>: each layer's pre-activations (the last is the
    /// output) and what the next layer reads (the input itself for the first, the activation after).
    /// </summary>
    private void Forward(ReadOnlySpan<double> p, double[] x, Workspace work)
    {
        work.A[0] = x;
        for (int l = 1; l < _widths.Length; l++)
        {
            double[] z = work.Z[l], a = work.A[l], input = work.A[l - 1];
            int fanIn = _widths[l - 1];
            for (int unit = 0; unit < _widths[l]; unit++)
            {
                int start = UnitStart(l, unit);
                double sum = p[start + fanIn];
                for (int i = 0; i < fanIn; i++) sum += p[start + i] * input[i];
                z[unit] = sum;
                a[unit] = Activate(sum);
            }
        }
    }

    private double Activate(double z) => _activation == Activation.Relu ? Math.Max(0, z) : Math.Tanh(z);

    /// <summary>dσ/dz times <paramref name="upstream"/>; ReLU passes nothing where z ≤ 0.</summary>
    private double Back(double z, double upstream)
    {
        if (_activation == Activation.Relu) return z > 0 ? upstream : 0;
        double t = Math.Tanh(z);
        return upstream * (1 - t * t);
    }

    /// <summary>Adds one example's gradient to <paramref name="gradient"/>; returns its loss.</summary>
    private double Accumulate(ReadOnlySpan<double> p, double[] x, double[] y, Span<double> gradient, Workspace work)
    {
        Forward(p, x, work);
        int last = _widths.Length - 1;
        double[] output = work.Z[last], delta = work.Delta[last];
        double loss = 0;
        for (int k = 0; k < Outputs; k++)
        {
            loss += (output[k] - y[k]) * (output[k] - y[k]) / Outputs;
            delta[k] = 2 * (output[k] - y[k]) / Outputs;
        }
        for (int l = last; l >= 1; l--)
        {
            int fanIn = _widths[l - 1];
            double[] upper = work.Delta[l], input = work.A[l - 1];
            // The error reaching the layer below goes through this layer's weights before they are used for the step.
            if (l > 1)
            {
                // Unit by unit, each input's sum gathers its terms in unit order, as a loop over units inside would.
                double[] below = work.Delta[l - 1], z = work.Z[l - 1];
                Array.Clear(below);
                for (int unit = 0; unit < _widths[l]; unit++)
                {
                    int start = UnitStart(l, unit);
                    double error = upper[unit];
                    for (int i = 0; i < fanIn; i++) below[i] += p[start + i] * error;
                }
                for (int i = 0; i < fanIn; i++) below[i] = Back(z[i], below[i]);
            }
            for (int unit = 0; unit < _widths[l]; unit++)
            {
                int start = UnitStart(l, unit);
                for (int i = 0; i < fanIn; i++) gradient[start + i] += upper[unit] * input[i];
                gradient[start + fanIn] += upper[unit];
            }
        }
        return loss;
    }
}
