using LrCompose;
using static LrCompose.Schedules;

namespace LrCompose.Sample;

/// <summary>Recipes compiled by the generator; each member still works at run time.</summary>
public static partial class TrainingRecipes
{
    /// <summary>GPT-2: 2k warmup into a cosine to 10 %.</summary>
    [CompiledSchedule]
    public static Schedule Gpt2 => Warmup(2_000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5));

    /// <summary>A two-phase one-cycle, written out.</summary>
    [CompiledSchedule]
    public static Schedule OneCycle => Cosine(30, peak: 0.004, floor: 0.1).Then(Cosine(70, peak: 0.1, floor: 4e-7));

    /// <summary>ResNet-50: ×0.1 at epochs 30 and 60, per epoch of 5005 steps.</summary>
    [CompiledSchedule("ResNetSchedule")]
    public static Schedule ResNet50 => MultiStep(0.1, 0.1, 30, 60).Take(90).PerEpoch(5005);

    /// <summary>Warmup-stable-decay with the 1−√ cooldown.</summary>
    [CompiledSchedule]
    public static Schedule Wsd => Warmup(1_000).Then(Hold(8_000)).Then(OneMinusSqrt(1_000, 3e-4, 3e-5));

    /// <summary>SGDR with doubling periods, halved each restart.</summary>
    [CompiledSchedule]
    public static Schedule Restarts => Recipes.Sgdr(0.1, 1_000, 1e-4, multiplier: 2, decay: 0.5);

    /// <summary>One-cycle's momentum, mirroring its rate phase by phase.</summary>
    [CompiledSchedule]
    public static Schedule OneCycleMomentum => Recipes.OneCycle(0.1, 10_000).Momentum;

    /// <summary>The original Transformer.</summary>
    [CompiledSchedule]
    public static Schedule Noam => Recipes.Noam(512, 4_000);
}
