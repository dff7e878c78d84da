namespace LrCompose.Tests.PeerParity;

/// <summary>Each leak <see cref="PeerWordsTests"/> found, kept as an example: the refusal now names the compat
/// parameter it came from (before, it named the native or derived value in brackets).</summary>
public class PeerWordsRegressionTests
{
    public static TheoryData<string, Func<object>, string> Leaks => new()
    {
        { "knots", () => Compat.Torch.OneCycleLR(0.1, 10, 0.1), "pctStart" },
        { "knots (values)", () => Compat.Torch.OneCycleLR(1e100, 10, divFactor: 1e-10), "divFactor" },
        { "knots (length)", () => Compat.Torch.OneCycleLR(0.1, long.MaxValue), "totalSteps" },
        { "next", () => Compat.Torch.CosineAnnealingLR(0.1, long.MaxValue - 1), "tMax" },
        { "multiplier", () => Compat.Torch.CosineAnnealingWarmRestarts(0.1, 50, 1L << 53), "tMult" },
        { "boundaries", () => Compat.Torch.SequentialLR(0.4, [b => Schedules.Constant(b), b => Schedules.Constant(b)], [-36]), "milestones" },
        { "minRate", () => Compat.Torch.ReduceLROnPlateau(0.1, minLr: -3.4), "minLr" },
        { "initialRate", () => Compat.Torch.ReduceLROnPlateau(-1), "baseLr" },
        { "factor (scale)", () => Compat.Torch.ChainedScheduler(-1e-300, b => Compat.Torch.StepLR(b, 3, 0.5)), "baseLr" },
        { "to", () => Compat.Torch.LinearLR(1e100, endFactor: 19.8, totalIters: 137), "endFactor" },
        { "NaN past a long cycle", () => Compat.Torch.CyclicLR(0.04, 0.9, stepSizeUp: long.MaxValue - 1), "stepSizeUp" },
        { "factor (stretch)", () => Compat.HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup(0.8, 6, 157, int.MaxValue), "numCycles" },
        { "limit", () => Compat.HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup(0, 9007199254740993, long.MaxValue), "numTrainingSteps" },
        { "next (wave)", () => Compat.HuggingFace.GetCosineScheduleWithWarmup(0.5, 115, long.MaxValue), "numTrainingSteps" },
        { "floor", () => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(1e100, 2, 125, minLrRate: 6.7), "minLrRate" },
        { "next (wsd)", () => Compat.HuggingFace.GetWsdSchedule(0.02, long.MaxValue - 1, 170, 191), "numStableSteps" },
        { "floor (optax)", () => Compat.Optax.CosineDecaySchedule(1e100, 163, alpha: 16.9), "alpha" },
        { "steps (shift)", () => Compat.Optax.PolynomialSchedule(0.8, 0, 0.6, 27, long.MaxValue - 1), "transitionBegin" },
        { "knots (negative)", () => Compat.Optax.PiecewiseInterpolateSchedule("linear", 9, new Dictionary<long, double> { [4] = 0.1, [107] = -1.5 }), "boundariesAndScales" },
        { "knots (doubles)", () => Compat.Optax.PiecewiseInterpolateSchedule("linear", 0.5, new Dictionary<long, double> { [1L << 53] = 0.4, [(1L << 53) + 1] = 0.9 }), "boundariesAndScales" },
        { "boundaries (doubles)", () => Compat.Optax.PiecewiseConstantSchedule(14, new Dictionary<long, double> { [long.MaxValue] = 0.3, [long.MaxValue - 1] = 0.8 }), "boundariesAndScales" },
        { "next (sgdr)", () => Compat.Optax.SgdrSchedule(new(0.8, 0.2, 20, long.MaxValue - 1), new(0.5, 0.2, 10, 145)), "decaySteps" },
        { "boundariesAndScales (one-cycle)", () => Compat.Optax.LinearOnecycleSchedule(2, double.Epsilon, 0.635, 0.85, 20, double.Epsilon), "finalDivFactor" },
        { "boundariesAndScales (length)", () => Compat.Optax.CosineOnecycleSchedule(long.MaxValue - 1, 0.5), "transitionSteps" },
        { "milestones", () => Compat.Timm.MultiStepLRScheduler(1, [2, 1, 32], 0.96), "decayT" },
        { "next (timm warmup)", () => Compat.Timm.CosineLRScheduler(2.8, 131, 0.9, cycleLimit: 5, warmupT: long.MaxValue, warmupPrefix: true), "warmupT" },
        { "next (keras warmup)", () => Compat.Keras.CosineDecay(1, long.MaxValue - 1, warmupTarget: 0.4, warmupSteps: 49), "decaySteps" },
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void The_refusal_names_the_peer_parameter(string leak, Func<object> build, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.True(e.ParamName == parameter && e.Message.StartsWith(parameter + " was ", StringComparison.Ordinal), $"{leak}: {e.ParamName}: {e.Message}");
    }

    [Fact]
    public void Far_out_cycles_with_a_multiplier_a_hair_above_one_return()
    {
        // It looped for ever nudging its cycle index: neighbouring cycle starts were closer than a double tells apart.
        var restarts = Compat.Keras.CosineDecayRestarts(1, 100, tMul: Math.BitIncrement(1.0));
        Assert.True(double.IsFinite(restarts.Rate(long.MaxValue)));
        Assert.True(double.IsFinite(Compat.Keras.PolynomialDecay(1, 98, 2, 0.617, cycle: true).Rate(long.MaxValue)));   // was NaN
    }
}
