using System.Text.Json;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Seed;

/// <summary>
/// The seed documents' noisy-quadratic experiment (minimise w² from w = 5 with the recorded noisy gradients), re-run with
/// LrCompose schedules: the rates match the recorded ones, and so does every step of SGD and the reported summary.
/// </summary>
public class NoisyQuadraticTests
{
    public static TheoryData<string> Schedules => new() { "Constant", "Cosine", "Warmup+Cosine" };

    private static Schedule Ours(string name) => name switch
    {
        "Constant" => Constant(0.08),
        "Cosine" => Cosine(50, 0.08, 0.001),
        _ => Warmup(5, count: WarmupCount.FromOne).Then(Cosine(45, 0.08, 0.001)),
    };

    private static readonly Lazy<JsonElement> Experiment = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "seed-experiments.json"))).RootElement.GetProperty("noisy_quadratic"));

    private static double[] Noise => Experiment.Value.GetProperty("noise").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>SGD on w² from w = 5 with the recorded noise: every w after each step.</summary>
    private static List<double> Descend(Schedule schedule, int steps)
    {
        double[] noise = Noise;
        double w = 5;
        var trajectory = new List<double>();
        for (int t = 0; t < steps; t++)
        {
            w -= schedule.Rate(t) * (2 * w + noise[t]);   // d(w²)/dw plus the recorded noise
            trajectory.Add(w);
        }
        return trajectory;
    }

    private static double SpreadOfLast10(List<double> trajectory)
    {
        var last10 = trajectory.TakeLast(10).ToArray();
        double mean = last10.Average();
        return Math.Sqrt(last10.Sum(x => (x - mean) * (x - mean)) / last10.Length);
    }

    private static bool Near(double expected, double actual) => Math.Abs(expected - actual) <= 1e-12 + 1e-9 * Math.Abs(expected);

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Rates_trajectory_and_summary_match_the_recorded_run(string name)
    {
        var recorded = Experiment.Value.GetProperty(name);
        double[] lr = recorded.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] w = recorded.GetProperty("w").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var schedule = Ours(name);
        for (int t = 0; t < lr.Length; t++)
            Assert.True(Near(lr[t], schedule.Rate(t)), $"{name} lr at {t}: {schedule.Rate(t)} vs {lr[t]}");
        var trajectory = Descend(schedule, lr.Length);
        for (int t = 0; t < w.Length; t++)
            Assert.True(Near(w[t], trajectory[t]), $"{name} w at {t}: {trajectory[t]} vs {w[t]}");
        Assert.True(Near(recorded.GetProperty("final_w").GetDouble(), trajectory[^1]));
        Assert.True(Near(recorded.GetProperty("last10_std").GetDouble(), SpreadOfLast10(trajectory)));
    }

    [Fact]
    public void The_seed_conclusion_holds_annealing_settles_where_a_constant_rate_keeps_bouncing()
    {
        // The seed documents' claim: spread of the last 10 w 0.118 / 0.004 / 0.005.
        Assert.Equal(0.118, SpreadOfLast10(Descend(Ours("Constant"), 50)), 3);
        Assert.Equal(0.004, SpreadOfLast10(Descend(Ours("Cosine"), 50)), 3);
        Assert.Equal(0.005, SpreadOfLast10(Descend(Ours("Warmup+Cosine"), 50)), 3);
    }
}
