namespace LrCompose.Cli.Explore;

/// <summary>
/// The explorer's built-in models, deterministic (seeded) and small: the seed documents' noisy quadratic and flip
/// network, and a logistic-regression classifier on two seeded Gaussian clouds. Training runs at most <see cref="MaxSteps"/> steps.
/// </summary>
internal static class Simulations
{
    public const int MaxSteps = 2_000;

    /// <summary>A model: a fresh state, and one training step at a rate that returns the loss after it.</summary>
    private interface IModel
    {
        double Step(double rate);
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
    }

    /// <summary>Logistic regression, full batch, on 200 points from two Gaussian clouds.</summary>
    private sealed class Classifier : IModel
    {
        private readonly double[][] _x;
        private readonly double[] _y;
        private double _w0, _w1, _b;

        public Classifier()
        {
            var random = new Random(7);
            _x = new double[200][];
            _y = new double[200];
            for (int i = 0; i < 200; i++)
            {
                _y[i] = i % 2;
                double centre = _y[i] == 1 ? 1 : -1;
                _x[i] = [centre + Normal(random), centre + Normal(random)];
            }
        }

        public double Step(double rate)
        {
            double g0 = 0, g1 = 0, gb = 0;
            for (int i = 0; i < _x.Length; i++)
            {
                double p = 1 / (1 + Math.Exp(-(_w0 * _x[i][0] + _w1 * _x[i][1] + _b)));
                g0 += (p - _y[i]) * _x[i][0];
                g1 += (p - _y[i]) * _x[i][1];
                gb += p - _y[i];
            }
            _w0 -= rate * g0 / _x.Length;
            _w1 -= rate * g1 / _x.Length;
            _b -= rate * gb / _x.Length;
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
    }
}
