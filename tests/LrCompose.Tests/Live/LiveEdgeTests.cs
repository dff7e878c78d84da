using static LrCompose.Schedules;

namespace LrCompose.Tests.Live;

/// <summary>Live schedules at their edges: what a stage list may not be, and which observations each stage reads.</summary>
public class LiveEdgeTests
{
    [Fact]
    public void A_live_schedule_needs_stages_that_can_follow_each_other()
    {
        Assert.Equal("stages", Assert.ThrowsAny<ArgumentException>(() => LiveSchedule.Of()).ParamName);
        Assert.Equal("stages", Assert.ThrowsAny<ArgumentException>(() => LiveSchedule.Of(LiveStage.Of(Warmup(5)))).ParamName);
        Assert.Throws<InvalidOperationException>(() => LiveSchedule.Of(LiveStage.Of(Constant(1)), LiveStage.Of(Constant(2))));
        Assert.Throws<InvalidOperationException>(() => LiveStage.Of(Warmup(5)).ReducedOnPlateau(new PlateauPolicy()));
        // The last stage may go on for ever, and a warmup may lead into it.
        Assert.Equal(0.1, LiveSchedule.Of(LiveStage.Of(Warmup(5)), LiveStage.Of(Constant(0.1))).Rate(7, ObservationLog.Empty));
    }

    [Fact]
    public void A_stage_reads_only_the_observations_made_while_it_runs()
    {
        var live = LiveSchedule.Parse("until-metric below=0.5 (constant 0.1) >> until-metric below=0.5 (constant 0.05) >> constant 0.01");
        var log = ObservationLog.Empty.Add(3, 0.4);          // ends the first stage after step 3
        Assert.Equal(0.1, live.Rate(3, log));
        Assert.Equal(0.05, live.Rate(10, log));               // the second stage did not see step 3's metric
        log = log.Add(6, 0.3);
        Assert.Equal(0.05, live.Rate(6, log));
        Assert.Equal(0.01, live.Rate(7, log));
        // An observation on the step a stage starts (step 4, after the first ended at step 3) is that stage's.
        var atStart = ObservationLog.Empty.Add(3, 0.4).Add(4, 0.3);
        Assert.Equal(0.05, live.Rate(4, atStart));
        Assert.Equal(0.01, live.Rate(5, atStart));
    }

    [Fact]
    public void A_reduction_takes_effect_from_the_step_after_the_observation()
    {
        var live = LiveSchedule.Parse("reduce-on-plateau factor=0.5 patience=0 (constant 0.1)");
        var log = ObservationLog.Empty.Add(0, 1.0).Add(5, 1.0);
        Assert.Equal(0.1, live.Rate(5, log));
        Assert.Equal(0.05, live.Rate(6, log));
    }

    [Fact]
    public void A_reduction_inside_a_later_stage_counts_from_that_stage()
    {
        var live = LiveSchedule.Parse("until-metric below=0.5 (constant 0.2) >> reduce-on-plateau factor=0.5 patience=0 (constant 0.1)");
        var log = ObservationLog.Empty.Add(3, 0.4).Add(8, 1.0).Add(12, 1.0);   // stage two starts at step 4
        Assert.Equal(0.1, live.Rate(12, log));
        Assert.Equal(0.05, live.Rate(13, log));
    }
}
