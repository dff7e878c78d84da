using LrCompose.Combinators;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>Fusion at build time, printing, and each combinator at hand-checked points.</summary>
public class CombinatorExampleTests
{
    [Fact]
    public void Then_of_thens_is_one_flat_phase_array()
    {
        var a = Linear(10, 0, 1);
        var nested = a.Then(a.Then(a.Then(Constant(1))));
        var flat = ((a >> a) >> a) >> Constant(1);
        Assert.IsType<SequenceNode>(nested);
        Assert.Equal(4, nested.Phases.Count);
        Assert.Equal(new long[] { 0, 10, 20, 30 }, nested.Phases.Select(p => p.Start));
        Assert.Equal(nested.ToString(), flat.ToString());
    }

    [Fact]
    public void Scale_of_scale_is_one_scale()
    {
        var s = Cosine(100, 1).Scale(0.5).Scale(0.25);
        var node = Assert.IsType<ScaleNode>(s);
        Assert.Equal(0.125, node.Factor);
        Assert.IsNotType<ScaleNode>(node.Inner);
        var c = Cosine(100, 1);
        Assert.Same(c, c.Scale(2).Scale(0.5));
    }

    [Fact]
    public void ToString_prints_the_recipe_notation()
    {
        var s = Warmup(2000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5));
        Assert.Equal("warmup 2000 >> cosine 248000 peak=0.00025 floor=2.5E-05", s.ToString());
        Assert.Equal("scale 0.5 (cycle multiplier=2 (cosine 10 peak=1))", Cosine(10, 1).Cycle(2).Scale(0.5).ToString());
    }

    [Fact]
    public void Hold_keeps_the_value_the_next_phase_starts_at()
    {
        var wsd = Warmup(10).Then(Hold(60)).Then(Linear(30, 1e-3, 0));
        Assert.Equal(1e-3, wsd.Rate(10));
        Assert.Equal(1e-3, wsd.Rate(69));
        Assert.Equal(1e-3, wsd.Rate(70));
        Assert.Equal(0.0, wsd.Rate(100));
        Assert.Equal(100, wsd.Length);
    }

    [Fact]
    public void Cycle_with_growing_periods_and_decay_and_limit()
    {
        var c = Linear(10, 1, 0).Cycle(multiplier: 2, decay: 0.5, limit: 2);
        Assert.Equal(1.0, c.Rate(0));
        Assert.Equal(0.5, c.Rate(10));          // cycle 1 starts, scaled by 0.5
        Assert.Equal(0.25, c.Rate(20), 15);     // half-way through a 20-step cycle
        Assert.Equal(30, c.Length);
        Assert.Equal(0.0, c.Rate(31));
    }

    [Fact]
    public void Shift_holds_the_start_then_delays()
    {
        var s = Linear(10, 1, 0).Shift(5);
        Assert.Equal(1.0, s.Rate(3));
        Assert.Equal(0.9, s.Rate(6), 15);
        Assert.Equal(15, s.Length);
        Assert.Equal(Linear(10, 1, 0).Rate(7), Linear(10, 1, 0).Shift(-4).Rate(3));
    }

    [Fact]
    public void Stretch_clamp_take_map_min_max_sum()
    {
        Assert.Equal(0.5, Linear(10, 1, 0).Stretch(2).Rate(10), 15);
        Assert.Equal(20, Linear(10, 1, 0).Stretch(2).Length);
        Assert.Equal(0.2, Linear(10, 1, 0).Clamp(0.2, 0.6).Rate(9));
        Assert.Equal(0.6, Linear(10, 1, 0).Clamp(0.2, 0.6).Rate(1));
        Assert.Equal(Exponential(1, 0.5).Rate(3), Exponential(1, 0.5).Take(3).Rate(100));
        Assert.Equal(0.25, Constant(0.5).Map(v => v * v, "square").Rate(4));
        Assert.Equal(0.3, Min(Constant(0.3), Constant(0.5)).Rate(1));
        Assert.Equal(0.5, Max(Constant(0.3), Constant(0.5)).Rate(1));
        Assert.Equal(0.8, (Constant(0.3) + Constant(0.5)).Rate(1), 15);
        Assert.Equal(0.15, (Constant(0.3) * Constant(0.5)).Rate(1), 15);
    }

    [Fact]
    public void Per_epoch_changes_only_at_epoch_boundaries()
    {
        var s = MultiStep(0.1, 0.1, 30, 60).PerEpoch(100);
        Assert.Equal(0.1, s.Rate(2999));
        Assert.Equal(0.1 * 0.1, s.Rate(3000), 15);
        Assert.Equal(300, new Epochs(100).Steps(3));
    }

    [Fact]
    public void Split_gives_phases_their_fraction_of_the_run()
    {
        var s = Split(10_000, new Portion(0.3, n => Linear(n, 0, 1e-3)), new Portion(0.7, n => Cosine(n, 1e-3)));
        Assert.Equal(new long[] { 0, 3000 }, s.Phases.Select(p => p.Start));
        Assert.Equal(10_000, s.Length);
        Assert.Equal(1e-3, s.Rate(3000));
    }

    [Fact]
    public void One_cycle_momentum_mirrors_the_rate_phase_by_phase()
    {
        var oc = Recipes.OneCycle(0.1, 100);
        Assert.Equal(0.95, oc.Momentum.Rate(0), 12);
        Assert.Equal(0.85, oc.Momentum.Rate(30), 12);
        Assert.Equal(0.95, oc.Momentum.Rate(100), 12);
        Assert.Equal(0.1, oc.Rate(30), 15);
        Assert.Equal(0.1 / 25 / 1e4, oc.Rate(100), 15);
    }
}
