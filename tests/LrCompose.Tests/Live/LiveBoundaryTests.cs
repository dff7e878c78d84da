using static LrCompose.Schedules;

namespace LrCompose.Tests.Live;

/// <summary>
/// Live schedules at the exact edges of their conditions and of their text form: a metric equal to its threshold,
/// nested or doubled wrappers, and the messages the user reads.
/// </summary>
public class LiveBoundaryTests
{
    [Fact]
    public void Leads_one_after_another_after_an_ended_stage_ramp_into_the_next_schedule()
    {
        // Once the first stage had ended, a warmup followed by a hold used to throw ("a warmup or hold must lead into a
        // schedule") instead of chaining as Lead.Then does.
        var live = LiveSchedule.Parse("until-metric below=0.5 (constant 0.1) >> warmup 10 >> hold 25 >> linear 4 from=0.05 to=0");
        var log = ObservationLog.Empty.Add(3, 0.4);
        long end = Assert.Single(live.Endings(log)).End;
        var expected = Constant(0.1).Take(end).Then(Warmup(10)).Then(Hold(25)).Then(Linear(4, 0.05, 0));
        var resolved = live.Resolve(log);
        for (long t = 0; t < end + 60; t++) Assert.Equal(expected.Rate(t), resolved.Rate(t));
    }

    [Fact]
    public void A_metric_equal_to_the_threshold_does_not_end_the_stage()
    {
        var below = LiveSchedule.Parse("until-metric below=0.5 (constant 0.1) >> constant 0.01");
        Assert.Equal(0.1, below.Rate(9, ObservationLog.Empty.Add(3, 0.5)));
        Assert.Equal(0.01, below.Rate(9, ObservationLog.Empty.Add(3, Math.BitDecrement(0.5))));
        var above = LiveSchedule.Parse("until-metric above=0.5 (constant 0.1) >> constant 0.01");
        Assert.Equal(0.1, above.Rate(9, ObservationLog.Empty.Add(3, 0.5)));
        Assert.Equal(0.01, above.Rate(9, ObservationLog.Empty.Add(3, Math.BitIncrement(0.5))));
    }

    [Fact]
    public void A_stage_never_reduced_is_its_schedule()
    {
        var live = LiveSchedule.Parse("reduce-on-plateau patience=3 (cosine 100 peak=0.1)");
        var log = ObservationLog.Empty.Add(0, 1.0).Add(1, 0.9).Add(2, 0.8);
        Assert.Equal(Cosine(100, 0.1).ToString(), live.Resolve(log).ToString());
    }

    [Theory]
    [InlineData("until-metric below=1 (until-plateau (constant 1))", "until-… wraps a schedule")]
    [InlineData("until-metric below=1 (warmup 5) >> constant 1", "until-… wraps a schedule")]
    [InlineData("until-plateau (constant 1) (constant 2)", "until-plateau takes one schedule in parentheses")]
    [InlineData("reduce-on-plateau (constant 1) (constant 2)", "reduce-on-plateau takes one schedule in parentheses")]
    [InlineData("reduce-on-plateau (warmup 5) >> constant 1", "a warmup or hold cannot be reduced on its own")]
    [InlineData("take 5 (constant 1) >> warmup 5", "stages was warmup 5: it must not end with a warmup or hold: it leads into the next stage.")]
    [InlineData("constant 1 >> constant 2", "constant 1 goes on for ever, so no stage can follow it without an end condition; give it one (until-metric, until-plateau), or make it finite with .Take(steps)")]
    public void A_live_text_that_cannot_be_is_named(string text, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => LiveSchedule.Parse(text));
        Assert.Equal(problem, e.Problem);
    }

    [Fact]
    public void Stages_and_logs_say_what_is_wrong_in_full()
    {
        Assert.Equal("stages was []: it must not be empty.", Assert.ThrowsAny<ArgumentException>(() => LiveSchedule.Of()).Message);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => LiveSchedule.Parse(null!)).ParamName);
        var late = Assert.ThrowsAny<ArgumentException>(() => ObservationLog.Empty.Add(5, 1).Add(4, 1));
        Assert.Equal("step", late.ParamName);
        Assert.Equal("step was 4: it must not come before the last observation's step (5).", late.Message);
        var negative = Assert.ThrowsAny<ArgumentException>(() => ObservationLog.Empty.Add(-1, 1));
        Assert.Equal("step was -1: it must be 0 or more steps.", negative.Message);
        // Two observations at one step are allowed (a metric logged twice).
        Assert.Equal(2, ObservationLog.Empty.Add(5, 1).Add(5, 2).Observations.Length);
    }

    [Fact]
    public void Infinite_metrics_are_written_with_their_sign()
    {
        string json = ObservationLog.Empty.Add(1, double.PositiveInfinity).Add(2, double.NegativeInfinity).ToJson();
        Assert.Contains("{\"step\":1,\"metric\":\"inf\"}", json);
        Assert.Contains("{\"step\":2,\"metric\":\"-inf\"}", json);
    }
}
