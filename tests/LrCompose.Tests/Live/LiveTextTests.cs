namespace LrCompose.Tests.Live;

/// <summary>Every option of a live stage prints under its own name, so the printed text is the recipe as written.</summary>
public class LiveTextTests
{
    [Theory]
    [InlineData("reduce-on-plateau mode=max factor=0.5 patience=3 threshold=0.01 threshold-mode=abs cooldown=2 min-rate=0.001 (constant 0.1)")]
    [InlineData("until-metric above=0.9 (constant 0.1) >> constant 0.01")]
    [InlineData("until-metric below=0.05 (constant 0.1) >> constant 0.01")]
    [InlineData("until-plateau patience=4 (constant 0.1) >> constant 0.01")]
    public void A_live_recipe_prints_as_written(string text)
    {
        Assert.Equal(text, LiveSchedule.Parse(text).ToString());
    }

    [Fact]
    public void Both_infinities_survive_the_checkpoint()
    {
        var log = ObservationLog.Empty.Add(0, double.NegativeInfinity).Add(1, double.PositiveInfinity);
        var back = ObservationLog.FromJson(log.ToJson());
        Assert.Equal(new[] { double.NegativeInfinity, double.PositiveInfinity }, back.Observations.Select(o => o.Metric));
    }

    [Fact]
    public void A_metric_above_ends_the_stage_after_the_step_it_was_seen_at()
    {
        var live = LiveSchedule.Parse("until-metric above=0.9 (constant 0.1) >> constant 0.01");
        var log = ObservationLog.Empty.Add(3, 0.5).Add(7, 0.95);
        Assert.Equal(0.1, live.Rate(7, log));
        Assert.Equal(0.01, live.Rate(8, log));
        Assert.Equal(0.1, live.Rate(8, ObservationLog.Empty.Add(3, 0.5).Add(7, 0.9)));   // not above: equal is not enough
    }

    [Fact]
    public void Observations_at_the_same_step_are_kept_and_earlier_ones_refused()
    {
        var log = ObservationLog.Empty.Add(5, 0.5).Add(5, 0.4);
        Assert.Equal(2, log.Observations.Length);
        Assert.ThrowsAny<ArgumentException>(() => log.Add(4, 0.3));
        Assert.Empty(log.UpTo(4).Observations);
        Assert.Equal(2, log.UpTo(5).Observations.Length);
    }
}
