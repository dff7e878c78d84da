namespace LrCompose.Tests.PeerParity;

/// <summary>
/// The compat layer's own rules (those the peers have and the native constructors do not): each at its edge, the
/// message in full under the peer-named parameter, and the option strings the peers accept.
/// </summary>
public class CompatRuleTests
{
    public static TheoryData<string, Func<object>, string, string> Refused => new()
    {
        { "HF min-lr with neither", () => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(0.5, 10, 100), "minLrRate",
            "minLrRate was null: it must be given, or minLr, but not both." },
        { "HF min-lr with both", () => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(0.5, 10, 100, minLr: 0.01, minLrRate: 0.1), "minLrRate",
            "minLrRate was 0.1: it must be given, or minLr, but not both." },
        { "HF min-lr ratio negative", () => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(0.5, 10, 100, minLrRate: -0.1), "minLrRate",
            "minLrRate was -0.1: it must be a finite number between 0 and 1e100." },
        { "HF polynomial ending at its start", () => Compat.HuggingFace.GetPolynomialDecayScheduleWithWarmup(0.5, 10, 100, lrEnd: 0.5), "lrEnd",
            "lrEnd was 0.5: it must be smaller than the initial rate 0.5." },
        { "HF wsd ratio above 1", () => Compat.HuggingFace.GetWsdSchedule(0.5, 10, 10, 10, minLrRatio: Math.BitIncrement(1)), "minLrRatio",
            "minLrRatio was 1.0000000000000002: it must be at most 1." },
        { "HF wsd ratio negative", () => Compat.HuggingFace.GetWsdSchedule(0.5, 10, 10, 10, minLrRatio: -0.5), "minLrRatio",
            "minLrRatio was -0.5: it must be a finite number between 0 and 1e100." },
        { "HF wsd decay type", () => Compat.HuggingFace.GetWsdSchedule(0.5, 10, 10, 10, decayType: "square"), "decayType",
            "decayType was square: it must be linear, cosine or 1-sqrt." },
        { "HF warmup as long as the run", () => Compat.HuggingFace.GetLinearScheduleWithWarmup(0.5, 100, 100), "numWarmupSteps",
            "numWarmupSteps was 100: it must be shorter than the whole run." },
        { "HF hard restarts of no cycles", () => Compat.HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup(0.5, 10, 100, numCycles: 0), "numCycles",
            "numCycles was 0: it must be at least 1." },
        { "Keras growing exponential", () => Compat.Keras.ExponentialDecay(0.1, 10, 1.5), "decayRate",
            "decayRate was 1.5: it must come with an end value to clamp at when it is above 1, or the rate would become infinite." },
        { "Keras cycling polynomial, bad start", () => Compat.Keras.PolynomialDecay(double.NaN, 10, cycle: true), "initialLearningRate",
            "initialLearningRate was NaN: it must be a finite number between 0 and 1e100." },
        { "Keras cycling polynomial, bad end", () => Compat.Keras.PolynomialDecay(0.1, 10, endLearningRate: -1, cycle: true), "endLearningRate",
            "endLearningRate was -1: it must be a finite number between 0 and 1e100." },
        { "Keras cycling polynomial, no steps", () => Compat.Keras.PolynomialDecay(0.1, 0, cycle: true), "decaySteps",
            "decaySteps was 0: it must be at least 1 step." },
        { "Keras cycling polynomial, no power", () => Compat.Keras.PolynomialDecay(0.1, 10, power: 0, cycle: true), "power",
            "power was 0: it must be a finite number greater than 0." },
        { "optax sgdr of nothing", () => Compat.Optax.SgdrSchedule(), "cosineKwargs", "cosineKwargs was []: it must not be empty." },
        { "optax interpolation type", () => Compat.Optax.PiecewiseInterpolateSchedule("cubic", 0.1), "interpolateType",
            "interpolateType was cubic: it must be linear or cosine." },
        { "optax warmup as long as the decay", () => Compat.Optax.WarmupCosineDecaySchedule(0, 0.5, 100, 100), "warmupSteps",
            "warmupSteps was 100: it must be shorter than the whole run." },
        { "torch cyclic mode", () => Compat.Torch.CyclicLR(0.01, 0.1, mode: "sawtooth"), "mode",
            "mode was sawtooth: it must be triangular, triangular2 or exp_range." },
        { "torch one-cycle anneal", () => Compat.Torch.OneCycleLR(0.1, 100, annealStrategy: "cubic"), "annealStrategy",
            "annealStrategy was cubic: it must be cos or linear." },
        { "torch sequential milestones", () => Compat.Torch.SequentialLR(0.1, [b => Schedules.Constant(b)], [5]), "milestones",
            "milestones was [5]: it must have exactly one fewer entry than there are schedulers." },
        { "torch chained of nothing", () => Compat.Torch.ChainedScheduler(0.1), "schedulers", "schedulers was []: it must not be empty." },
        { "torch plateau mode", () => Compat.Torch.ReduceLROnPlateau(0.1, mode: "lowest"), "mode", "mode was lowest: it must be min or max." },
        { "torch plateau threshold mode", () => Compat.Torch.ReduceLROnPlateau(0.1, thresholdMode: "pct"), "thresholdMode",
            "thresholdMode was pct: it must be rel or abs." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_peer_rule_is_named_in_full(string why, Func<object> build, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.True(e.ParamName == parameter && e.Message == message, $"{why}: {e.ParamName}: {e.Message}");
    }

    [Fact]
    public void The_edges_the_peers_accept_are_accepted()
    {
        Assert.Equal(0.5, Compat.HuggingFace.GetWsdSchedule(0.5, 0, 10, 10, minLrRatio: 1).Rate(15));
        Assert.Equal(Math.BitDecrement(0.5), Compat.HuggingFace.GetPolynomialDecayScheduleWithWarmup(0.5, 0, 10, lrEnd: Math.BitDecrement(0.5)).Rate(10));
        // HF's 1-sqrt decay is the native one-minus-sqrt.
        Assert.Equal(Schedules.OneMinusSqrt(10, 0.5, 0.05).Rate(4), Compat.HuggingFace.GetWsdSchedule(0.5, 0, 0, 10, 0.1, "1-sqrt").Rate(4));
        Assert.Equal(Schedules.Linear(10, 0.5, 0.05).Rate(4), Compat.HuggingFace.GetWsdSchedule(0.5, 0, 0, 10, 0.1, "linear").Rate(4));
        Assert.Equal(Schedules.Constant(0.1).Rate(3), Compat.Optax.ExponentialDecay(0.1, 10, 0).Rate(3));
        Assert.Equal(0.1 * 1.5, Compat.Optax.ExponentialDecay(0.1, 1, 1.5).Rate(1));
        Assert.Equal(Schedules.Exponential(0.1, 0.5, 10, begin: 0).Rate(25), Compat.Optax.ExponentialDecay(0.1, 10, 0.5, transitionBegin: -5).Rate(25));
    }

    [Fact]
    public void Keras_cosine_decays_from_the_warmup_target_even_without_warmup_steps()
    {
        // Keras decays from warmup_target whenever it is given; alpha is a fraction of the value decayed from.
        var keras = Compat.Keras.CosineDecay(0.1, 100, alpha: 0.1, warmupTarget: 0.5, warmupSteps: 0);
        Assert.Equal(0.5, keras.Rate(0));
        Assert.Equal(0.05, keras.Rate(100), 15);
        Assert.Equal(0.01, Compat.Keras.CosineDecay(0.1, 100, alpha: 0.1).Rate(100), 15);
    }
}
