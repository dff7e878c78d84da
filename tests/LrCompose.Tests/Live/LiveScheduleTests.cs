using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Live;

/// <summary>Phases that end on what training observes, plateaus inside a phase, and exact resume from text + log + step.</summary>
public class LiveScheduleTests
{
    /// <summary>Validation loss every 5 steps: improving until step 40, then flat.</summary>
    private static ObservationLog Curve(int until = 100) =>
        ObservationLog.Of(Enumerable.Range(0, until / 5).Select(i => new Observation(i * 5 + 4, i < 8 ? 1.0 - i * 0.1 : 0.3)));

    [Fact]
    public void Warmup_then_plateau_then_cooldown_follows_the_validation_curve()
    {
        var live = LiveSchedule.Parse("warmup 5 >> until-plateau patience=2 (constant 0.1) >> linear 10 from=0.1 to=0");
        var log = Curve();
        var endings = live.Endings(log);
        var ending = Assert.Single(endings);
        // Best 0.3 first seen after step 39; three observations without improvement (44, 49, 54) pass patience 2.
        Assert.Equal(55, ending.End);
        Assert.Contains("plateau after step 54", ending.Reason);
        var schedule = live.Resolve(log);
        Assert.Equal(0.1, schedule.Rate(54));
        Assert.Equal(0.1, schedule.Rate(55));          // the cooldown starts from its own step 0, continuous here
        Assert.Equal(0.05, schedule.Rate(60), 12);
        Assert.Equal(0, schedule.Rate(65));
        // Before the plateau is seen, the plateau phase simply goes on.
        Assert.Equal(0.1, live.Resolve(log.UpTo(50)).Rate(70));
    }

    [Fact]
    public void Reduce_on_plateau_inside_a_phase_and_a_target_that_ends_one()
    {
        var live = LiveSchedule.Parse("until-metric below=0.05 (reduce-on-plateau factor=0.5 patience=1 (constant 0.1)) >> constant 0.001");
        var log = ObservationLog.Empty.Add(9, 1).Add(19, 1).Add(29, 1).Add(39, 1).Add(49, 0.04);
        var s = live.Resolve(log);
        Assert.Equal(0.1, s.Rate(29));
        Assert.Equal(0.05, s.Rate(30));     // two observations without improvement (19, 29) pass patience 1
        Assert.Equal(0.05, s.Rate(49));
        Assert.Equal(0.001, s.Rate(50));    // the metric went below 0.05 after step 49
        Assert.Contains("below", Assert.Single(live.Endings(log)).Reason);
    }

    [Theory]
    [InlineData("warmup 5 >> until-plateau patience=2 (constant 0.1) >> linear 10 from=0.1 to=0")]
    [InlineData("until-metric below=0.05 (reduce-on-plateau factor=0.5 patience=1 (constant 0.1)) >> constant 0.001")]
    [InlineData("until-plateau mode=max threshold=0.01 threshold-mode=abs cooldown=2 (cosine 100 peak=0.1) >> cosine 50 peak=0.01")]
    public void The_text_form_prints_and_parses_back(string text)
    {
        var live = LiveSchedule.Parse(text);
        Assert.Equal(live.ToString(), LiveSchedule.Parse(live.ToString()).ToString());
    }

    [Fact]
    public void The_log_goes_into_a_checkpoint_and_back()
    {
        var log = Curve().Add(200, double.NaN).Add(201, double.PositiveInfinity);
        var back = ObservationLog.FromJson(log.ToJson());
        Assert.Equal(log.Observations.Length, back.Observations.Length);
        Assert.True(log.Observations.Zip(back.Observations).All(p => p.Item1.Step == p.Item2.Step && p.Item1.Metric.Equals(p.Item2.Metric)));
        Assert.Throws<RecipeFormatException>(() => ObservationLog.FromJson("{\"observations\": 3}"));
        Assert.ThrowsAny<ArgumentException>(() => log.Add(5, 0.1));
    }

    private static readonly Gen<LiveSchedule> Lives =
        from first in ScheduleGen.Composed from second in ScheduleGen.Composed from patience in Gen.Choose(0, 3) from below in Gen.Elements(0.2, 0.5)
        from plateau in Gen.Elements(true, false) from reduce in Gen.Elements(true, false)
        let stage = plateau
            ? LiveStage.RunUntil(first, new EndCondition.Plateau(new PlateauPolicy(patience: patience)))
            : LiveStage.RunUntil(first, new EndCondition.Below(below))
        select LiveSchedule.Of(reduce ? stage.ReducedOnPlateau(new PlateauPolicy(factor: 0.5, patience: patience)) : stage, LiveStage.Of(second));

    private static readonly Gen<ObservationLog> Logs =
        from gaps in Gen.ArrayOf(Gen.Choose(1, 40), 12) from metrics in Gen.ArrayOf(Gen.Choose(0, 100).Select(i => i / 100.0), 12)
        select ObservationLog.Of(gaps.Select((g, i) => new Observation(gaps.Take(i + 1).Sum() - 1, metrics[i])));

    [Fact]
    public void A_rate_never_depends_on_what_is_observed_after_it() =>
        Law.Holds(from live in Lives from log in Logs from t in Gen.Choose(0, 600) select (live, log, t), x =>
            Assert.Equal(x.live.Resolve(x.log).Rate(x.t), x.live.Resolve(x.log.UpTo(x.t - 1)).Rate(x.t)));

    [Fact]
    public void A_run_saved_and_resumed_from_text_log_and_step_gives_the_same_rates_bit_for_bit() =>
        Law.Holds(from live in Lives from log in Logs from split in Gen.Choose(0, 400) select (live, log, split), x =>
        {
            // The run that never stopped: at each step, the rate given what was observed before it.
            double[] whole = Enumerable.Range(0, 480).Select(t => x.live.Resolve(x.log.UpTo(t - 1)).Rate(t)).ToArray();
            // Saved at the split: the recipe as text, the log as JSON, the step. Resumed: read back, go on observing.
            var recipe = LiveSchedule.Parse(x.live.ToString());
            var saved = ObservationLog.FromJson(x.log.UpTo(x.split - 1).ToJson());
            var resumed = x.log.Observations.Where(o => o.Step >= x.split).Aggregate(saved, (l, o) => l.Add(o.Step, o.Metric));
            for (int t = x.split; t < 480; t++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(whole[t]), BitConverter.DoubleToInt64Bits(recipe.Resolve(resumed.UpTo(t - 1)).Rate(t)));
        });
}
