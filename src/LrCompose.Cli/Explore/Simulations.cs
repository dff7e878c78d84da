namespace LrCompose.Cli.Explore;

/// <summary>
/// The explorer's built-in models, deterministic (seeded) and small: the seed documents' noisy quadratic and flip
/// network, and a logistic-regression classifier on two seeded Gaussian clouds. Training runs at most <see cref="MaxSteps"/> steps.
/// </summary>
internal static class Simulations
{
    public const int MaxSteps = 2_000;

    /// <summary>A model: a fresh state, one training step at a rate that returns the loss after it, and the sharpness
    /// (λ_max of the Hessian of its whole-data loss, <see cref="Training.Sharpness"/>) where it stands.</summary>
    private interface IModel
    {
        double Step(double rate);

        double Sharpness();
    }

    private static IModel Create(string name) => name switch
    {
        "quadratic" or "" => new NoisyQuadratic(),
        "flipnet" => new FlipNetwork(),
        "classifier" => new Classifier(),
        _ => throw new CliInputException($"model must be quadratic, flipnet or classifier, not '{name}'"),
    };

    /// <summary>The range test on a fresh model: an exponential sweep from 1e-5 to 10 over 100 iterations.</summary>
    public static RangeTestResult RangeTest(string model, RangeTestRules rules)
    {
        var m = Create(model);
        var sweep = Recipes.RangeSweep(1e-5, 10, 100, rules);
        var recorder = RangeTestRecorder.Start(rules, 100);
        for (int i = 0; i < 100 && !recorder.Stopped; i++)
        {
            double rate = sweep.Rate(i);
            recorder = recorder.Observe(rate, m.Step(rate));
        }
        return recorder.Suggest();
    }

    /// <summary>A standard normal draw (Box–Muller), the one source of noise for every model.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The loss after each step of training a fresh model with the schedule (at most <see cref="MaxSteps"/> steps).</summary>
    public static double[] Train(string model, Schedule schedule)
    {
        var m = Create(model);
        long steps = Math.Min(schedule.Length ?? MaxSteps, MaxSteps);
        var losses = new double[steps];
        for (int t = 0; t < steps; t++) losses[t] = Math.Min(m.Step(schedule.Rate(t)), 1e6);
        return losses;
    }

    /// <summary>
    /// λ_max where training stands, every <paramref name="every"/> steps of training a fresh model with the schedule
    /// (at most <see cref="MaxSteps"/> steps): the steps and the values, the first at step 0, before any update.
    /// </summary>
    public static (long[] Steps, double[] Sharpness) SharpnessOverTraining(string model, Schedule schedule, int every)
    {
        var m = Create(model);
        long steps = Math.Min(schedule.Length ?? MaxSteps, MaxSteps);
        var at = new List<long>();
        var values = new List<double>();
        for (int t = 0; t <= steps; t++)
        {
            if (t % every == 0)
            {
                double sharpness = m.Sharpness();
                if (!double.IsFinite(sharpness)) break;   // a run that blew up has no curvature worth drawing
                at.Add(t);
                values.Add(sharpness);
            }
            if (t < steps && !double.IsFinite(m.Step(schedule.Rate(t)))) break;
        }
        return ([.. at], [.. values]);
    }

    /// <summary>Minimise w² from w = 5 with gradient noise σ = 2 (the seed documents' first experiment).</summary>
    private sealed class NoisyQuadratic : IModel
    {
        private readonly Random _random = new(42);
        private double _w = 5;

        public double Step(double rate)
        {
            double noise = Normal(_random) * 2;
            _w -= rate * (2 * _w + noise);
            return double.IsFinite(_w) ? _w * _w : double.PositiveInfinity;
        }

        /// <summary>The loss w² has the Hessian 2 everywhere; measured all the same, from its gradient 2w.</summary>
        public double Sharpness() => double.IsFinite(_w) ? Training.Sharpness.Top((p, g) => g[0] = 2 * p[0], [_w]) : double.NaN;
    }

    /// <summary>The classifier's 200 points, alternately from the clouds around (−1, −1) (label 0) and (1, 1) (label 1).</summary>
    internal static (double[][] X, double[] Y) ClassifierData()
    {
        var random = new Random(7);
        var x = new double[200][];
        var y = new double[200];
        for (int i = 0; i < 200; i++)
        {
            y[i] = i % 2;
            double centre = y[i] == 1 ? 1 : -1;
            x[i] = [centre + Normal(random), centre + Normal(random)];
        }
        return (x, y);
    }

    /// <summary>Logistic regression, full batch, on 200 points from two Gaussian clouds.</summary>
    private sealed class Classifier : IModel
    {
        private readonly double[][] _x;
        private readonly double[] _y;
        private double _w0, _w1, _b;

        public Classifier() => (_x, _y) = ClassifierData();

        /// <summary>The mean cross-entropy's gradient at (w0, w1, b).</summary>
        private void Gradient(ReadOnlySpan<double> w, Span<double> g)
        {
            double g0 = 0, g1 = 0, gb = 0;
            for (int i = 0; i < _x.Length; i++)
            {
                double p = 1 / (1 + Math.Exp(-(w[0] * _x[i][0] + w[1] * _x[i][1] + w[2])));
                g0 += (p - _y[i]) * _x[i][0];
                g1 += (p - _y[i]) * _x[i][1];
                gb += p - _y[i];
            }
            g[0] = g0 / _x.Length;
            g[1] = g1 / _x.Length;
            g[2] = gb / _x.Length;
        }

        public double Sharpness() => Training.Sharpness.Top(Gradient, [_w0, _w1, _b]);

        public double Step(double rate)
        {
            Span<double> g = stackalloc double[3];
            Gradient([_w0, _w1, _b], g);
            _w0 -= rate * g[0];
            _w1 -= rate * g[1];
            _b -= rate * g[2];
            double loss = 0;
            for (int i = 0; i < _x.Length; i++)
            {
                double z = _w0 * _x[i][0] + _w1 * _x[i][1] + _b;
                // log(1 + e^z) − y·z, computed without overflow.
                loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - _y[i] * z;
            }
            return loss / _x.Length;
        }
    }

    /// <summary>
    /// The seed's flip network (<see cref="Training.FlipNet"/>, seed 42), one image a step in the fixed order; the loss
    /// returned is the mean over all sixteen images after the step.
    /// </summary>
    private sealed class FlipNetwork : IModel
    {
        private readonly Training.FlipNet _net = new(42);
        private long _step;

        public double Step(double rate)
        {
            int image = (int)(_step % 16);
            _net.Step(Training.FlipNet.Images[image], Training.FlipNet.Targets[image], rate, first: _step++ == 0);
            double loss = _net.Loss();
            return double.IsFinite(loss) ? loss : double.PositiveInfinity;
        }

        public double Sharpness() => _net.Sharpness();
    }
}
