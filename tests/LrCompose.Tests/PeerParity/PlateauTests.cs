using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.PeerParity;

/// <summary>Reduce-on-plateau as a pure state transition.</summary>
public class PlateauTests
{
    [Fact]
    public void Reduces_after_more_than_patience_bad_observations_then_cools_down()
    {
        var s = new PlateauPolicy(PlateauMode.Min, factor: 0.5, patience: 2, cooldown: 1).Start(1.0);
        s = s.Observe(1.0);                  // best
        s = s.Observe(1.0).Observe(1.0);     // two bad: still patient
        Assert.Equal(1.0, s.Rate);
        s = s.Observe(1.0);                  // third bad: reduce
        Assert.Equal(0.5, s.Rate);
        Assert.Equal(1, s.CooldownLeft);
        Assert.Equal(0.5, s.Factor);
        Assert.Equal(0.25, s.Apply(Constant(0.5)).Rate(0));
    }

    [Fact]
    public void Observe_is_pure() =>
        Law.Holds(FsCheck.Fluent.Gen.Choose(0, 100), m =>
        {
            var start = new PlateauPolicy(patience: 0).Start(1.0).Observe(5);
            var a = start.Observe(m / 10.0);
            var b = start.Observe(m / 10.0);
            Assert.Equal(a, b);
            Assert.Equal(5.0, start.Best);
        });

    [Fact]
    public void Never_goes_below_min_rate_and_skips_changes_under_eps()
    {
        var s = new PlateauPolicy(factor: 0.1, patience: 0, minRate: 0.05, eps: 1e-3).Start(0.1);
        for (int i = 0; i < 10; i++) s = s.Observe(1.0);
        Assert.Equal(0.05, s.Rate);
    }
}
