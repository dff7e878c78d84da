using System.Text.Json;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Seed;

/// <summary>
/// The seed documents' second experiment: a 4→3→4 ReLU network learning the diagonal flip (transpose) of all sixteen
/// binary 2×2 images, plain MSE, SGD with momentum 0.9 (PyTorch's: the first step takes the raw gradient), batch size 1,
/// 30 epochs in a fixed order, from PyTorch's seed-42 weights. The rate comes from an LrCompose schedule written in
/// epochs and driven by step through <c>PerEpoch(16)</c>. The recorded losses came from float32 PyTorch; this loop runs
/// in float64, so they agree to a few parts per million.
/// </summary>
public class FlipNetTests
{
    private const int StepsPerEpoch = 16;

    public static TheoryData<string> Runs => new() { "Constant", "StepLR", "CosineAnnealingLR" };

    private static Schedule ByEpoch(string name) => name switch
    {
        "Constant" => Constant(0.05),
        "StepLR" => Compat.Torch.StepLR(0.05, stepSize: 10, gamma: 0.5),
        _ => Compat.Torch.CosineAnnealingLR(0.05, tMax: 30, etaMin: 0.001),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_epoch_loss_matches_the_recorded_pytorch_run(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "seed-experiments.json")));
        var flipnet = file.RootElement.GetProperty("flipnet");
        double[] recorded = flipnet.GetProperty("losses").GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var net = new TinyNet(flipnet.GetProperty("initial_weights_seed42"));

        double[] ours = net.Train(ByEpoch(name).PerEpoch(StepsPerEpoch), recorded.Length);

        for (int e = 0; e < recorded.Length; e++)
            Assert.True(Math.Abs(ours[e] - recorded[e]) <= 2e-5 * recorded[e], $"{name} epoch {e}: {ours[e]} vs {recorded[e]}");
    }

    [Fact]
    public void The_seed_conclusion_holds_step_and_cosine_end_lower_than_constant()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "seed-experiments.json")));
        var weights = file.RootElement.GetProperty("flipnet").GetProperty("initial_weights_seed42");
        double Final(string name) => new TinyNet(weights).Train(ByEpoch(name).PerEpoch(StepsPerEpoch), 30)[^1];
        Assert.Equal(0.1516, Final("Constant"), 4);
        Assert.Equal(0.1269, Final("StepLR"), 4);
        Assert.Equal(0.1252, Final("CosineAnnealingLR"), 4);
    }

    /// <summary>Just enough network: two dense layers, ReLU between, MSE, SGD with PyTorch's momentum.</summary>
    private sealed class TinyNet
    {
        private readonly double[,] _w1 = new double[3, 4], _w2 = new double[4, 3], _vw1 = new double[3, 4], _vw2 = new double[4, 3];
        private readonly double[] _b1 = new double[3], _b2 = new double[4], _vb1 = new double[3], _vb2 = new double[4];

        public TinyNet(JsonElement weights)
        {
            Fill(weights.GetProperty("layer1.weight"), _w1);
            Fill(weights.GetProperty("layer2.weight"), _w2);
            Fill(weights.GetProperty("layer1.bias"), _b1);
            Fill(weights.GetProperty("layer2.bias"), _b2);
        }

        /// <summary>Trains for the given epochs, the rate of optimizer step s being <c>schedule.Rate(s)</c>; returns each epoch's mean loss.</summary>
        public double[] Train(Schedule schedule, int epochs)
        {
            var images = Enumerable.Range(0, 16).Select(i => new double[] { (i >> 3) & 1, (i >> 2) & 1, (i >> 1) & 1, i & 1 }).ToArray();
            var losses = new double[epochs];
            long step = 0;
            for (int e = 0; e < epochs; e++)
            {
                foreach (var x in images)
                {
                    double[] y = [x[0], x[2], x[1], x[3]];   // the transpose of [[a, b], [c, d]]
                    losses[e] += Step(x, y, schedule.Rate(step), first: step == 0) / images.Length;
                    step++;
                }
            }
            return losses;
        }

        private double Step(double[] x, double[] y, double lr, bool first)
        {
            var h = new double[3];
            var a = new double[3];
            for (int j = 0; j < 3; j++)
            {
                h[j] = _b1[j];
                for (int i = 0; i < 4; i++) h[j] += _w1[j, i] * x[i];
                a[j] = Math.Max(0, h[j]);
            }
            var gradOut = new double[4];
            double loss = 0;
            for (int k = 0; k < 4; k++)
            {
                double o = _b2[k];
                for (int j = 0; j < 3; j++) o += _w2[k, j] * a[j];
                loss += (o - y[k]) * (o - y[k]) / 4;
                gradOut[k] = 2 * (o - y[k]) / 4;
            }
            var gradHidden = new double[3];
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 4; k++) gradHidden[j] += _w2[k, j] * gradOut[k];
                if (h[j] <= 0) gradHidden[j] = 0;
            }
            for (int k = 0; k < 4; k++)
            {
                for (int j = 0; j < 3; j++) Update(ref _w2[k, j], ref _vw2[k, j], gradOut[k] * a[j], lr, first);
                Update(ref _b2[k], ref _vb2[k], gradOut[k], lr, first);
            }
            for (int j = 0; j < 3; j++)
            {
                for (int i = 0; i < 4; i++) Update(ref _w1[j, i], ref _vw1[j, i], gradHidden[j] * x[i], lr, first);
                Update(ref _b1[j], ref _vb1[j], gradHidden[j], lr, first);
            }
            return loss;
        }

        private static void Update(ref double weight, ref double velocity, double gradient, double lr, bool first)
        {
            velocity = first ? gradient : 0.9 * velocity + gradient;
            weight -= lr * velocity;
        }

        private static void Fill(JsonElement rows, double[,] into)
        {
            int r = 0;
            foreach (var row in rows.EnumerateArray())
            {
                int c = 0;
                foreach (var v in row.EnumerateArray()) into[r, c++] = v.GetDouble();
                r++;
            }
        }

        private static void Fill(JsonElement values, double[] into)
        {
            int i = 0;
            foreach (var v in values.EnumerateArray()) into[i++] = v.GetDouble();
        }
    }
}
