namespace LrCompose.Tests.PeerParity;

/// <summary>The compat layer's own branches: defaults that depend on other arguments, and the edges of its refusals.</summary>
public class CompatEdgeTests
{
    [Fact]
    public void Hugging_face_inverse_sqrt_takes_its_timescale_from_the_warmup_or_ten_thousand()
    {
        // base·1/√((t + τ)/τ): at t = τ it is base/√2.
        Assert.Equal(1 / Math.Sqrt(2), Compat.HuggingFace.GetInverseSqrtSchedule(1, 0).Rate(10_000), 12);
        Assert.Equal(1 / Math.Sqrt(2), Compat.HuggingFace.GetInverseSqrtSchedule(1, 100).Rate(200), 12);   // warmup 100, then τ = 100 from its end
        Assert.Equal(1 / Math.Sqrt(2), Compat.HuggingFace.GetInverseSqrtSchedule(1, 100, timescale: 50).Rate(150), 12);
    }

    [Fact]
    public void Hugging_face_min_lr_is_absolute_and_min_lr_rate_relative()
    {
        var absolute = Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(2, 0, 100, minLr: 0.5);
        var relative = Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(2, 0, 100, minLrRate: 0.5);
        Assert.Equal(0.5, absolute.Rate(100), 12);
        Assert.Equal(1.0, relative.Rate(100), 12);
        Assert.Equal("minLrRate", Assert.ThrowsAny<ArgumentException>(() => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(2, 0, 100)).ParamName);
    }

    [Fact]
    public void Hugging_face_wsd_holds_only_when_it_has_stable_steps()
    {
        var noStable = Compat.HuggingFace.GetWsdSchedule(1, 10, 0, 20, decayType: "linear");
        Assert.Equal(new long[] { 0, 10 }, noStable.Phases.Select(p => p.Start));
        var stable = Compat.HuggingFace.GetWsdSchedule(1, 10, 5, 20, decayType: "linear");
        Assert.Equal(new long[] { 0, 10, 15 }, stable.Phases.Select(p => p.Start));
        Assert.Equal(0.5, stable.Rate(25), 12);
    }

    [Fact]
    public void Keras_exponential_decay_refuses_growth_but_holds_at_one()
    {
        Assert.Equal(0.1, Compat.Keras.ExponentialDecay(0.1, 10, 1).Rate(1000));
        Assert.Equal("decayRate", Assert.ThrowsAny<ArgumentException>(() => Compat.Keras.ExponentialDecay(0.1, 10, 1.01)).ParamName);
    }

    [Fact]
    public void Keras_cosine_decay_restarts_adds_its_floor_only_when_alpha_is_set()
    {
        var withFloor = Compat.Keras.CosineDecayRestarts(1, 10, alpha: 0.1);
        Assert.Equal(0.1, withFloor.Min, 12);
        Assert.Equal(0, Compat.Keras.CosineDecayRestarts(1, 10).Min);
        Assert.Equal("alpha", Assert.ThrowsAny<ArgumentException>(() => Compat.Keras.CosineDecayRestarts(1, 10, alpha: 1.5)).ParamName);
    }

    [Fact]
    public void Optax_growth_without_an_end_is_capped_at_the_largest_rate()
    {
        var growing = Compat.Optax.ExponentialDecay(1, 1, 2);
        Assert.Equal(1e100, growing.Rate(1000));
        Assert.Equal(1, Compat.Optax.ExponentialDecay(1, 1, 0).Rate(1000));   // rate 0: optax's constant
    }

    [Fact]
    public void Timm_cycles_end_at_their_limit_and_then_hold_the_floor()
    {
        var cosine = Compat.Timm.CosineLRScheduler(1, 10, lrMin: 0.1, cycleLimit: 2);
        Assert.Equal(20, cosine.Phases[1].Start);
        Assert.Equal(0.1, cosine.Rate(25));
        var decaying = Compat.Timm.CosineLRScheduler(1, 10, lrMin: 0.1, cycleDecay: 0.5, cycleLimit: 2);
        Assert.Equal(1 * 0.5, decaying.Rate(10), 12);   // timm: the second cycle starts at base·decay, lr_min + (base·decay − lr_min)·1
    }
}
