using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;
using Peer = LrCompose.Compat;

namespace LrCompose.Tests.PeerParity;

/// <summary>Where the docs say a compat constructor is a native composition, it evaluates identically.</summary>
public class CompatEqualsNativeTests
{
    private static readonly Gen<(double Base, long N, long W, double G, long T)> Params =
        from b in ScheduleGen.PositiveRate from n in Gen.Choose(2, 300) from w in Gen.Choose(1, 50) from g in ScheduleGen.Gamma
        from t in Gen.Choose(0, 2000) select (b, (long)n, (long)w, g, (long)t);

    private static void Same(Schedule a, Schedule b, long t) => Assert.True(Law.Close(a.Rate(t), b.Rate(t), 1e-13), $"{a} vs {b} at {t}");

    [Fact]
    public void Torch_step_and_multistep_are_step_decays() => Law.Holds(Params, p =>
    {
        Same(Peer.Torch.StepLR(p.Base, p.N, p.G), StepDecay(p.Base, p.G, p.N), p.T);
        Same(Peer.Torch.MultiStepLR(p.Base, [p.W, p.N + p.W], p.G), MultiStep(p.Base, p.G, p.W, p.N + p.W), p.T);
    });

    [Fact]
    public void Torch_warm_restarts_are_sgdr() => Law.Holds(Params, p =>
        Same(Peer.Torch.CosineAnnealingWarmRestarts(p.Base, p.N, 2, p.Base / 10), Recipes.Sgdr(p.Base, p.N, p.Base / 10, 2), p.T));

    [Fact]
    public void Torch_cosine_annealing_is_the_plain_cosine_up_to_T_max() => Law.Holds(Params, p =>
        Same(Peer.Torch.CosineAnnealingLR(p.Base, p.N, p.Base / 4), Cosine(p.N, p.Base, p.Base / 4), Math.Min(p.T, p.N)));

    [Fact]
    public void HF_cosine_with_warmup_is_warmup_cosine_until_the_end() => Law.Holds(Params, p =>
        Same(Peer.HuggingFace.GetCosineScheduleWithWarmup(p.Base, p.W, p.W + p.N), Recipes.WarmupCosine(p.Base, p.W, p.W + p.N), Math.Min(p.T, p.W + p.N)));

    [Fact]
    public void HF_linear_and_wsd_are_warmup_then_decay() => Law.Holds(Params, p =>
    {
        Same(Peer.HuggingFace.GetLinearScheduleWithWarmup(p.Base, p.W, p.W + p.N), Warmup(p.W).Then(Linear(p.N, p.Base, 0)), p.T);
        Same(Peer.HuggingFace.GetWsdSchedule(p.Base, p.W, 10, p.N, 0, "1-sqrt"),
            Recipes.WarmupStableDecay(p.Base, p.W, 10, p.N, 0, DecayShape.OneMinusSqrt), p.T);
    });

    [Fact]
    public void Optax_exponential_and_warmup_cosine_are_native() => Law.Holds(Params, p =>
    {
        Same(Peer.Optax.ExponentialDecay(p.Base, p.W, p.G, 3, true, p.Base / 100), Exponential(p.Base, p.G, p.W, true, 3, p.Base / 100), p.T);
        Same(Peer.Optax.WarmupCosineDecaySchedule(0, p.Base, p.W, p.W + p.N), Recipes.WarmupCosine(p.Base, p.W, p.W + p.N), p.T);
    });

    [Fact]
    public void Timm_multistep_decays_one_step_early() => Law.Holds(Params, p =>
        Same(Peer.Timm.MultiStepLRScheduler(p.Base, [p.W + 1, p.N + p.W], p.G), MultiStep(p.Base, p.G, p.W, p.N + p.W - 1), p.T));

    [Fact]
    public void Timm_cosine_without_decay_is_a_cycled_cosine() => Law.Holds(Params, p =>
        Same(Peer.Timm.CosineLRScheduler(p.Base, p.N, p.Base / 10, cycleLimit: 1000), Cosine(p.N, p.Base, p.Base / 10).Cycle(), p.T));
}
