using static LrCompose.Compat.Timm;
using static LrCompose.Tests.PeerSuites.PeerAssert;

namespace LrCompose.Tests.PeerSuites;

/// <summary>
/// timm's own tests (<c>tests/test_scheduler.py</c>), ported through <c>Compat.Timm</c>: a timm scheduler stepped to
/// epoch t sets the rate <c>_get_lr(t)</c>, which is the compat schedule's <c>Rate(t)</c>. The optimizer's lr is 0.1
/// as in the tests' <c>_create_optimizer</c>. What is not ported (noise, the plateau scheduler, the 1.0.29 multi-step
/// boundary) is listed with the reason in docs/migration.md.
/// </summary>
public class TimmSuiteTests
{
    private const double Lr = 0.1;

    /// <summary>The five schedulers the tests parametrize over, with the tests' keyword arguments; <c>warmup</c> and
    /// <c>prefix</c> are the warmup arguments a test adds (timm's defaults otherwise).</summary>
    private static IEnumerable<(string Name, Func<long, double, bool?, Schedule> Make)> Schedulers(double decayRate = 1) =>
    [
        ("CosineLRScheduler", (w, init, prefix) => CosineLRScheduler(Lr, 100, warmupT: w, warmupLrInit: init, warmupPrefix: prefix ?? false)),
        ("StepLRScheduler", (w, init, prefix) => StepLRScheduler(Lr, 10, decayRate, w, init, prefix ?? true)),
        ("MultiStepLRScheduler", (w, init, prefix) => MultiStepLRScheduler(Lr, [10, 20, 30], decayRate, w, init, prefix ?? true)),
        ("PolyLRScheduler", (w, init, prefix) => PolyLRScheduler(Lr, 100, warmupT: w, warmupLrInit: init, warmupPrefix: prefix ?? false)),
        ("TanhLRScheduler", (w, init, prefix) => TanhLRScheduler(Lr, 100, warmupT: w, warmupLrInit: init, warmupPrefix: prefix ?? false)),
    ];

    public static IEnumerable<PeerCase> Cases()
    {
        foreach (var (name, make) in Schedulers())
        {
            yield return new($"TestSchedulerBasics.test_scheduler_init({name})", () => Assert.NotNull(make(0, 0, null)));
            yield return new($"TestSchedulerBasics.test_scheduler_step({name})", () =>
            {
                var s = make(0, 0, null);
                Assert.True(s.Rate(9) <= s.Rate(0));
            });
            yield return new($"TestWarmup.test_warmup_lr_increases({name})", () =>
            {
                var s = make(5, 0.001, null);
                Approx(0.001, s.Rate(0), rel: 1e-5);
                for (long epoch = 1; epoch < 5; epoch++) Assert.True(s.Rate(epoch) > s.Rate(epoch - 1), $"LR should increase during warmup at epoch {epoch}");
            });
            yield return new($"TestStateDict.test_state_dict_save_load({name})", () =>
            {
                // A schedule's whole state is its recipe: saved as text and loaded back, it is the same schedule.
                var s = make(0, 0, null);
                var loaded = Schedule.Parse(s.ToString());
                Assert.Equal(s.ToString(), loaded.ToString());
                Assert.Equal(s.Rates(60), loaded.Rates(60));
            });
            yield return new($"TestMultipleParamGroups.test_multiple_param_groups({name})", () =>
            {
                var groups = Enumerable.Range(0, 3).Select(_ => make(0, 0, null)).ToArray();
                foreach (var g in groups) Assert.True(g.Rate(19) <= g.Rate(0));
            });
        }
        foreach (var (name, make) in Schedulers(decayRate: 0.5))
        {
            yield return new($"TestWarmup.test_warmup_prefix_reaches_target_lr({name})", () => Approx(Lr, make(5, 0.001, true).Rate(5), rel: 1e-5));
            yield return new($"TestStepUpdate.test_step_update_with_t_in_epochs_false({name})", () =>
            {
                var s = make(0, 0, null);
                Assert.NotEqual(s.Rate(0), s.Rate(49));
            });
        }

        yield return new("TestCosineScheduler.test_cosine_decay", () =>
        {
            var s = CosineLRScheduler(0.1, 100, lrMin: 0.001);
            Approx(0.1, s.Rate(0), rel: 1e-5);
            Approx(0.001 + 0.5 * (0.1 - 0.001) * (1 + Math.Cos(Math.PI * 0.5)), s.Rate(50), rel: 1e-2);
            Approx(0.001, s.Rate(100), rel: 1e-5);
        });
        yield return new("TestCosineScheduler.test_cosine_cycles", () =>
        {
            var s = CosineLRScheduler(0.1, 50, lrMin: 0.001, cycleLimit: 2);
            Assert.True(s.Rate(49) < 0.1 * 0.5);
            for (long epoch = 100; epoch < 110; epoch++) Approx(0.001, s.Rate(epoch), rel: 1e-5);
        });
        yield return new("TestCosineScheduler.test_get_cycle_length", () =>
        {
            // timm's get_cycle_length(1) is where the first cycle ends: here, where the schedule's last phase starts.
            Assert.Equal(100, CosineLRScheduler(Lr, 100).Phases[^1].Start);
            Assert.Equal(110, CosineLRScheduler(Lr, 100, warmupT: 10, warmupPrefix: true).Phases[^1].Start);
        });
        yield return new("TestStepScheduler.test_step_decay", () =>
        {
            var s = StepLRScheduler(0.1, 10, 0.5);
            Approx(0.1, s.Rate(9), rel: 1e-5);
            Approx(0.1 * 0.5, s.Rate(10), rel: 1e-5);
            Approx(0.1 * 0.5 * 0.5, s.Rate(20), rel: 1e-5);
        });
        yield return new("TestMultiStepScheduler.test_multistep_decay", () =>
        {
            var s = MultiStepLRScheduler(0.1, [10, 20, 30], 0.5);
            Approx(0.1, s.Rate(8), rel: 1e-5);
            Approx(0.1 * 0.5, s.Rate(11), rel: 1e-5);
            Approx(0.1 * Math.Pow(0.5, 2), s.Rate(21), rel: 1e-5);
            Approx(0.1 * Math.Pow(0.5, 3), s.Rate(31), rel: 1e-5);
        });
        yield return new("TestPolyScheduler.test_poly_decay", () =>
        {
            var s = PolyLRScheduler(0.1, 100, power: 1, lrMin: 0.001);
            Approx(0.1, s.Rate(0), rel: 1e-5);
            Approx(0.001, s.Rate(100), rel: 1e-5);
        });
        yield return new("TestTanhScheduler.test_tanh_decay", () =>
        {
            var lrs = TanhLRScheduler(0.1, 100, lrMin: 0.001).Rates(101);
            Assert.True(lrs[^1] < lrs[0]);
        });
        yield return new("TestKDecay.test_cosine_k_decay", () =>
            Assert.NotEqual(CosineLRScheduler(Lr, 100, kDecay: 1).Rate(50), CosineLRScheduler(Lr, 100, kDecay: 2).Rate(50)));
        yield return new("TestKDecay.test_poly_k_decay", () =>
            Assert.NotEqual(PolyLRScheduler(Lr, 100, kDecay: 1).Rate(50), PolyLRScheduler(Lr, 100, kDecay: 2).Rate(50)));

        // The defect the port found: timm's default warmup_prefix for the step schedulers is True.
        yield return new("warmup_prefix default (MultiStepLRScheduler, warmup_t=5, decay_t=[10])", () =>
        {
            var s = MultiStepLRScheduler(Lr, [10], 0.1, warmupT: 5);
            Approx(Lr, s.Rate(13), rel: 1e-12);
            Approx(Lr * 0.1, s.Rate(14), rel: 1e-12);
        });
        yield return new("warmup_prefix=False honoured (StepLRScheduler, warmup_t=3, decay_t=10)", () =>
        {
            var s = StepLRScheduler(Lr, 10, 0.5, warmupT: 3, warmupLrInit: 0.01, warmupPrefix: false);
            Approx(Lr, s.Rate(9), rel: 1e-12);
            Approx(Lr * 0.5, s.Rate(10), rel: 1e-12);
        });
    }

    public static TheoryData<string> Names => new(Cases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void timm(string test) => Cases().Single(c => c.Name == test).Check();
}
