using LrCompose.Cli;
using LrCompose.Cli.Training;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Toys;

/// <summary>
/// The model where warmup matters, measured afresh: the table docs/training.md and docs/explore.md print is what the
/// study measures now, and its verdicts follow the mechanism (the warmup is needed only above the stability limit
/// 2/λ_max at initialisation; with it, λ_max ends under the line 2/η).
/// </summary>
public sealed class WarmupStudyTests
{
    private static readonly Lazy<WarmupStudy> Default =
        new(() => WarmupStudy.Measure(Schedule.Parse(WarmupDemo.DefaultRecipe), WarmupStudy.DefaultPeaks, WarmupStudy.DefaultSeeds));

    [Theory]
    [InlineData("training.md")]
    [InlineData("explore.md")]
    public void The_documented_table_and_ranges_are_a_fresh_measurement(string page)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", page)).Replace("\r\n", "\n");
        var table = WarmupStudyCommand.Table(Default.Value).Replace("\r\n", "\n").Split('\n');
        // From the table's header to the last range: what a reader compares with their own run.
        string measured = string.Join("\n", table.SkipWhile(l => !l.StartsWith("| peak", StringComparison.Ordinal)));
        Assert.Contains(measured, text);
    }

    [Fact]
    public void The_three_ranges_are_there_in_order_and_the_demo_peak_is_where_warmup_helps()
    {
        var ranges = Default.Value.Ranges;
        Assert.Equal([WarmupVerdict.NotNeeded, WarmupVerdict.Helps, WarmupVerdict.Fails], ranges.Select(r => r.Verdict));
        var helps = ranges.Single(r => r.Verdict == WarmupVerdict.Helps);
        double demoPeak = WarmupComparison.Of(Schedule.Parse(WarmupDemo.DefaultRecipe)).Peak;
        Assert.InRange(demoPeak, helps.From, helps.To);
    }

    [Fact]
    public void Warmup_is_needed_only_above_the_stability_limit_at_initialisation()
    {
        var study = Default.Value;
        double limit = 2 / study.InitialSharpness.Min();   // the most forgiving seed's 2/λ_max
        foreach (var row in study.Rows.Where(r => r.Verdict == WarmupVerdict.Helps))
            Assert.True(row.Peak > limit, $"peak {row.Peak} needs a warmup though it is under 2/λ_max = {limit}");
        foreach (var row in study.Rows.Where(r => r.Peak < 2 / study.InitialSharpness.Max()))
            Assert.Equal(WarmupVerdict.NotNeeded, row.Verdict);
    }

    [Fact]
    public void In_the_demo_the_rate_starts_above_the_line_without_warmup_and_sharpness_ends_under_it_with_it()
    {
        var demo = WarmupDemo.Run(Schedule.Parse(WarmupDemo.DefaultRecipe));
        Assert.Equal(0, WarmupDemo.Unstable(demo.Without, demo.Comparison.Without));
        Assert.False(demo.Without.Trained);
        Assert.True(demo.With.Trained);
        // Training at the rising rate flattened the loss: λ_max at the end, measured to the tolerance (the panel's
        // short measurements could only err low), is several times smaller than at the start and under 2/η of the peak.
        var c = demo.Comparison;
        var ends = SharpNetwork.Train(c.With, 1, c.Steps, sharpnessEvery: (int)c.Steps, sharpnessIterations: 5_000).Sharpness;
        Assert.Equal([0L, c.Steps], SharpNetwork.Train(c.With, 1, c.Steps, sharpnessEvery: (int)c.Steps).SharpnessSteps);
        Assert.True(ends[1] < ends[0] / 4, $"λ_max {ends[0]} → {ends[1]}");
        Assert.True(ends[1] * c.Peak < 2, $"λ_max {ends[1]} at rate {c.Peak}");
        Assert.Equal(ends[1], demo.With.Sharpness[^1], 0.05 * ends[1]);
    }

    [Fact]
    public void Without_the_warmup_the_peak_is_held_from_step_0_and_the_rest_is_the_same()
    {
        var recipe = Schedule.Parse("warmup 50 >> cosine 250 peak=0.8 floor=0.01");
        var c = WarmupComparison.Of(recipe);
        Assert.Equal(50, c.WarmupSteps);
        Assert.Equal(300, c.Steps);
        Assert.Equal(recipe.Length, c.Without.Length);
        for (long t = 0; t < 300; t++)
            Assert.Equal(t < 50 ? 0.8 : recipe.Rate(t), c.Without.Rate(t), 1e-12);
        var (with, without) = c.AtPeak(2);
        Assert.Equal(2, with.Rate(50), 1e-12);
        Assert.Equal(2, without.Rate(0), 1e-12);
    }

    [Fact]
    public void A_recipe_without_a_warmup_is_refused_in_words()
    {
        var e = Assert.Throws<CliInputException>(() => WarmupComparison.Of(Schedule.Parse("cosine 100 peak=0.1")));
        Assert.Contains("has no warmup", e.Message);
    }

    [Fact]
    public void The_same_seed_trains_the_same_run()
    {
        var schedule = Schedule.Parse("warmup 20 >> constant 0.5 |> take 60");
        Assert.Equal(SharpNetwork.Train(schedule, 3, 60).Losses, SharpNetwork.Train(schedule, 3, 60).Losses);
        Assert.NotEqual(SharpNetwork.Train(schedule, 3, 60).Losses, SharpNetwork.Train(schedule, 4, 60).Losses);
    }
}

/// <summary>The verdicts of one peak of the study, from how many seeds trained with and without the warmup.</summary>
public sealed class WarmupVerdictTests
{
    private static SharpRun[] Runs(int trained, int of) =>
        [.. Enumerable.Range(0, of).Select(i => new SharpRun(i < trained ? [1.0, 1e-6] : [1.0, 1.0], [], []))];

    [Theory]
    [InlineData(5, 5, "NotNeeded", "not needed")]
    [InlineData(0, 5, "Helps", "warmup helps")]
    [InlineData(5, 3, "Hurts", "warmup hurts")]
    [InlineData(0, 4, "HelpsSome", "warmup helps some seeds")]
    [InlineData(1, 3, "HelpsSome", "warmup helps some seeds")]
    [InlineData(2, 2, "Fails", "even warmup fails")]
    [InlineData(0, 0, "Fails", "even warmup fails")]
    public void A_peak_s_verdict_counts_the_seeds_that_trained(int withoutTrained, int withTrained, string verdict, string words)
    {
        var row = new WarmupStudyRow(1, Runs(withoutTrained, 5), Runs(withTrained, 5));
        Assert.Equal(verdict, row.Verdict.ToString());
        Assert.Equal(words, LrCompose.Cli.WarmupStudyCommand.Words(row.Verdict));
    }
}
