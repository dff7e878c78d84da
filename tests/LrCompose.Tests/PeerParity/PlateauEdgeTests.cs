namespace LrCompose.Tests.PeerParity;

/// <summary>ReduceLROnPlateau at its edges: each threshold rule exactly at its line, the eps that skips a tiny
/// reduction, the running factor, and each policy argument refused under its own name.</summary>
public class PlateauEdgeTests
{
    [Theory]
    [InlineData(PlateauMode.Min, ThresholdMode.Rel, 0.5)]    // better means below 1·(1 − 0.5)
    [InlineData(PlateauMode.Min, ThresholdMode.Abs, 0.5)]    // below 1 − 0.5
    [InlineData(PlateauMode.Max, ThresholdMode.Rel, 1.5)]    // above 1·(1 + 0.5)
    [InlineData(PlateauMode.Max, ThresholdMode.Abs, 1.5)]    // above 1 + 0.5
    public void A_metric_exactly_on_the_threshold_line_is_no_improvement(PlateauMode mode, ThresholdMode thresholdMode, double onTheLine)
    {
        var policy = new PlateauPolicy(mode, factor: 0.5, patience: 0, threshold: 0.5, thresholdMode: thresholdMode);
        var state = policy.Start(1.0).Observe(1.0);
        Assert.Equal(0.5, state.Observe(onTheLine).Rate);                            // on the line: a bad epoch, reduced at once
        double beyond = mode == PlateauMode.Min ? Math.BitDecrement(onTheLine) : Math.BitIncrement(onTheLine);
        Assert.Equal(1.0, state.Observe(beyond).Rate);                               // just past it: an improvement
    }

    [Fact]
    public void A_reduction_smaller_than_eps_is_skipped_and_the_factor_follows_the_rate()
    {
        var tiny = new PlateauPolicy(factor: 0.5, patience: 0, eps: 1e-8).Start(1e-9).Observe(1).Observe(1);
        Assert.Equal(1e-9, tiny.Rate);
        var reduced = new PlateauPolicy(factor: 0.5, patience: 0).Start(0.2).Observe(1).Observe(1);
        Assert.Equal(0.1, reduced.Rate);
        Assert.Equal(0.5, reduced.Factor);
        Assert.Equal(1, new PlateauPolicy().Start(0).Factor);
    }

    public static TheoryData<string, Func<PlateauPolicy>> BadPolicies => new()
    {
        { "factor", () => new PlateauPolicy(factor: 0) },
        { "factor", () => new PlateauPolicy(factor: 1) },
        { "patience", () => new PlateauPolicy(patience: -1) },
        { "threshold", () => new PlateauPolicy(threshold: -1e-4) },
        { "cooldown", () => new PlateauPolicy(cooldown: -1) },
        { "minRate", () => new PlateauPolicy(minRate: -1) },
        { "eps", () => new PlateauPolicy(eps: double.NaN) },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void A_bad_policy_argument_is_refused_under_its_name(string parameter, Func<PlateauPolicy> make)
    {
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => make()).ParamName);
    }

    [Fact]
    public void A_training_clock_refuses_what_it_cannot_count()
    {
        Assert.Equal("worldSize", Assert.ThrowsAny<ArgumentException>(() => new TrainingClock(1L << 40, 1L << 20, 1L << 10)).ParamName);
        var clock = new TrainingClock(8, 2, 4);
        Assert.Equal("datasetSamples", Assert.ThrowsAny<ArgumentException>(() => clock.UpdatesPerEpoch(0)).ParamName);
        Assert.Equal("tokensPerSample", Assert.ThrowsAny<ArgumentException>(() => clock.StepsForTokens(1000, 0)).ParamName);
        Assert.Equal(2, clock.StepsForTokens(64 * 100 + 1, 100));   // 64 samples of 100 tokens an update: one token over is a second update
        Assert.Equal(3 * clock.UpdatesPerEpoch(1000), clock.StepsForEpochs(3, 1000));
    }
}
