using System.Text.Json;

namespace LrCompose.Tests.Seed;

/// <summary>Just enough network: two dense layers, ReLU between, MSE, SGD with PyTorch's momentum.</summary>
internal sealed class FlipNet
{
    /// <summary>The sixteen binary 2×2 images, in the seed's fixed order.</summary>
    public static readonly double[][] Images = Enumerable.Range(0, 16).Select(i => new double[] { (i >> 3) & 1, (i >> 2) & 1, (i >> 1) & 1, i & 1 }).ToArray();

    /// <summary>The target of an image: its transpose, [[a, b], [c, d]] → [[a, c], [b, d]].</summary>
    public static double[] Target(double[] x) => [x[0], x[2], x[1], x[3]];

    /// <summary>A network initialised as PyTorch's nn.Linear does (uniform in ±1/√fan-in), from a seed.</summary>
    public FlipNet(int seed)
    {
        var random = new Random(seed);
        double U(int fanIn) => (random.NextDouble() * 2 - 1) / Math.Sqrt(fanIn);
        for (int j = 0; j < 3; j++) { for (int i = 0; i < 4; i++) _w1[j, i] = U(4); _b1[j] = U(4); }
        for (int k = 0; k < 4; k++) { for (int j = 0; j < 3; j++) _w2[k, j] = U(3); _b2[k] = U(3); }
    }

    private readonly double[,] _w1 = new double[3, 4], _w2 = new double[4, 3], _vw1 = new double[3, 4], _vw2 = new double[4, 3];
    private readonly double[] _b1 = new double[3], _b2 = new double[4], _vb1 = new double[3], _vb2 = new double[4];

    public FlipNet(JsonElement weights)
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

    /// <summary>The mean loss over all sixteen images, without training.</summary>
    public double Loss() => Images.Average(x => Forward(x, Target(x)));

    private double Forward(double[] x, double[] y)
    {
        double loss = 0;
        for (int k = 0; k < 4; k++)
        {
            double o = _b2[k];
            for (int j = 0; j < 3; j++)
            {
                double h = _b1[j];
                for (int i = 0; i < 4; i++) h += _w1[j, i] * x[i];
                o += _w2[k, j] * Math.Max(0, h);
            }
            loss += (o - y[k]) * (o - y[k]) / 4;
        }
        return loss;
    }

    /// <summary>Trains for the given epochs with a training plan's learning rate per layer: its groups
    /// <c>layer1</c> and <c>layer2</c> (or its default entry); returns each epoch's mean loss.</summary>
    public double[] Train(TrainingPlan plan, int epochs)
    {
        var losses = new double[epochs];
        long step = 0;
        for (int e = 0; e < epochs; e++)
        {
            foreach (var x in Images)
            {
                var values = plan.ValuesAt(step);
                losses[e] += Step(x, Target(x), values.Of(PlanField.LearningRate, "layer1")!.Value, values.Of(PlanField.LearningRate, "layer2")!.Value, first: step == 0) / Images.Length;
                step++;
            }
        }
        return losses;
    }

    /// <summary>One SGD step on one image; returns the loss before it.</summary>
    public double Step(double[] x, double[] y, double lr, bool first) => Step(x, y, lr, lr, first);

    /// <summary>One SGD step on one image, each layer at its own rate; returns the loss before it.</summary>
    public double Step(double[] x, double[] y, double lr1, double lr2, bool first)
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
            for (int j = 0; j < 3; j++) Update(ref _w2[k, j], ref _vw2[k, j], gradOut[k] * a[j], lr2, first);
            Update(ref _b2[k], ref _vb2[k], gradOut[k], lr2, first);
        }
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 4; i++) Update(ref _w1[j, i], ref _vw1[j, i], gradHidden[j] * x[i], lr1, first);
            Update(ref _b1[j], ref _vb1[j], gradHidden[j], lr1, first);
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
