using LrCompose.Cli.Training;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Seed;

/// <summary>
/// The range test run for real, in pure C#, on the seed's flip network: sweep, suggest, then train with the
/// suggestion and with 10× and 0.1× it, over several initialisations. What the test asserts is what was measured
/// (docs/training.md has the numbers): the suggestion beats 0.1× of it and is not beaten by far by 10×.
/// </summary>
public class FlipNetRangeTestTests
{
    private const int Epochs = 30;

    /// <summary>The sweep over ten epochs of the sixteen images, by fastai's rules.</summary>
    internal static RangeTestResult RangeTest(int seed, RangeTestRules rules = RangeTestRules.Fastai)
    {
        var net = new FlipNet(seed);
        const int iterations = 160;
        var sweep = Recipes.RangeSweep(1e-4, 10, iterations, rules);
        var recorder = RangeTestRecorder.Start(rules, iterations);
        for (int i = 0; i < iterations && !recorder.Stopped; i++)
        {
            var x = FlipNet.Images[i % 16];
            double rate = sweep.Rate(i);
            // Batch size 1 makes each step's own loss depend on which image it saw; the range test records the loss
            // over all sixteen images after the step, so the curve shows what the rate did to the network.
            net.Step(x, FlipNet.Target(x), rate, first: i == 0);
            recorder = recorder.Observe(rate, net.Loss());
        }
        return recorder.Suggest();
    }

    internal static double FinalLoss(int seed, double rate) => new FlipNet(seed).Train(Constant(rate), Epochs)[^1];

    internal static readonly int[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void The_sweep_diverges_before_its_end_and_suggests_a_rate_inside_it()
    {
        foreach (int seed in Seeds)
        {
            var result = RangeTest(seed);
            Assert.True(result.Recorded < 160, $"seed {seed}: a sweep up to 10 should blow up before its end");
            foreach (var (name, rate) in result.Suggestions) Assert.InRange(rate, 1e-5, 10);
        }
    }

    [Fact]
    public void Training_at_the_valley_suggestion_ends_lower_than_at_a_tenth_or_ten_times_it()
    {
        // Mean final-epoch loss over five initialisations, constant rate, 30 epochs (measured: docs/training.md).
        double Mean(double factor) => Seeds.Average(seed => FinalLoss(seed, factor * RangeTest(seed).Suggestions["valley"]));
        double tenth = Mean(0.1), suggested = Mean(1), tenTimes = Mean(10);
        Assert.True(suggested < tenth, $"suggested {suggested} vs 0.1x {tenth}");
        Assert.True(suggested < tenTimes, $"suggested {suggested} vs 10x {tenTimes}");
    }

    /// <summary>docs/data/flipnet-range-test.csv is this range test's log (seed 1), so the picture in docs/training.md
    /// is of a real run; UPDATE_DOCS=1 rewrites it.</summary>
    [Fact]
    public void The_documented_log_is_this_range_test()
    {
        var net = new FlipNet(1);
        var sweep = Recipes.RangeSweep(1e-4, 10, 160);
        var lines = new List<string> { "iteration,lr,loss" };
        var recorder = RangeTestRecorder.Start(RangeTestRules.Fastai, 160);
        for (int i = 0; i < 160 && !recorder.Stopped; i++)
        {
            var x = FlipNet.Images[i % 16];
            double rate = sweep.Rate(i);
            net.Step(x, FlipNet.Target(x), rate, first: i == 0);
            double loss = net.Loss();
            recorder = recorder.Observe(rate, loss);
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i},{rate:R},{loss:R}"));
        }
        string path = Path.Combine(Support.RepoPaths.Root, "docs", "data", "flipnet-range-test.csv");
        string text = string.Join("\n", lines) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(path, text);
        Assert.Equal(text, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    /// <summary>docs/data/flipnet-validation.csv is the flip network's loss over all sixteen images after each epoch of
    /// training at a constant 0.05 (seed 1): the recorded validation curve docs/live-runs.md drives a live schedule with.</summary>
    [Fact]
    public void The_documented_validation_curve_is_this_run()
    {
        var net = new FlipNet(1);
        var lines = new List<string> { "step,metric" };
        long step = 0;
        for (int epoch = 0; epoch < 30; epoch++)
        {
            foreach (var x in FlipNet.Images) net.Step(x, FlipNet.Target(x), 0.05, first: step++ == 0);
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{step - 1},{net.Loss():R}"));
        }
        string path = Path.Combine(Support.RepoPaths.Root, "docs", "data", "flipnet-validation.csv");
        string text = string.Join("\n", lines) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(path, text);
        Assert.Equal(text, File.ReadAllText(path).Replace("\r\n", "\n"));
    }
}
