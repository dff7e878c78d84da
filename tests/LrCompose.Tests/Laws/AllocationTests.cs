using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Evaluating a schedule allocates nothing, however it was composed.</summary>
public class AllocationTests
{
    [Fact]
    public void Evaluation_allocates_no_bytes()
    {
        Schedule[] schedules =
        [
            .. Presets.All.Select(p => p.Schedule),
            Recipes.OneCycle(0.1, 1000, threePhase: true).Momentum,
            Cosine(100, 1, 0.1).Cycle(2, 0.5, 4).Shift(10).Stretch(2).Clamp(0.2, 0.8),
            Min(Triangular(0.1, 0.5, 20, mode: TriangularMode.Triangular2), Exponential(1, 0.99, 3, true, 5, 0.05)) + Constant(0.01),
            Interpolate(Interpolation.Cosine, new Knot(0, 0.1), new Knot(29.5, 1), new Knot(99, 0)).Scale(Polynomial(100, 1, 0.5, 2)),
            Warmup(10, 0.01, WarmupShape.Exponential).Then(Hold(20)).Then(Tanh(50, 1, 0.01)).PerEpoch(3),
            LrCompose.Compat.Timm.CosineLRScheduler(0.1, 10, 1e-3, cycleMul: 2, cycleDecay: 0.5, cycleLimit: 3, warmupT: 3),
            Schedule.FromFunction(t => 1.0 / (1 + t)).Map(v => v * 0.5),
        ];
        double sink = 0;
        foreach (var s in schedules) for (long t = 0; t < 2000; t++) sink += s.Rate(t);   // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in schedules) for (long t = 0; t < 20_000; t += 3) sink += s.Rate(t * 7);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(double.IsFinite(sink));
        Assert.Equal(0, after - before);
    }
}
