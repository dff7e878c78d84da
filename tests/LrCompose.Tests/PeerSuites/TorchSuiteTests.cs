using static LrCompose.Compat.Torch;
using static LrCompose.Tests.PeerSuites.PeerAssert;

namespace LrCompose.Tests.PeerSuites;

/// <summary>
/// PyTorch's own scheduler tests (<c>test/optim/test_lrscheduler.py</c>), ported through <c>Compat.Torch</c>. The
/// tests' optimizer has two param groups at lr 0.05 and 0.5; a scheduler's rate before its t-th <c>step()</c> is the
/// compat schedule's <c>Rate(t)</c>, and <c>assertEqual(atol=1e-5, rtol=0)</c> is the tolerance. A compound test (two
/// schedulers stepping one optimizer) is <c>ChainedScheduler</c>. Fractional epochs (<c>step(0.1)</c>) are the
/// schedule stretched by 10. What is not ported (warnings, state-dict plumbing, SWALR, negative or tensor rates) is
/// listed with the reason in docs/migration.md.
/// </summary>
public class TorchSuiteTests
{
    private const double Atol = 1e-5;

    /// <summary>Both param groups: <paramref name="single"/> for lr 0.05, ten times it for lr 0.5.</summary>
    private static void Groups(Func<double, Schedule> make, IReadOnlyList<double> single, int epochs)
    {
        AllClose(single.Take(epochs).ToArray(), make(0.05).Rates(epochs), atol: Atol, rtol: 0);
        AllClose(single.Take(epochs).Select(x => x * 10).ToArray(), make(0.5).Rates(epochs), atol: Atol, rtol: 0);
    }

    private static double[] Repeat(params (double Value, int Count)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();

    private static double Cos(double etaMin, double lr, double x, double t) => etaMin + (lr - etaMin) * (1 + Math.Cos(Math.PI * x / t)) / 2;

    /// <summary>The plateau tests: after observing <c>metrics[i]</c>, the rate is <c>targets[i]</c>.</summary>
    private static void Plateau(PlateauState state, double[] targets, double[] metrics, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            state = state.Observe(metrics[epoch]);
            AllClose(targets[epoch], state.Rate, atol: Atol, rtol: 0);
        }
    }

    private static double AnnealingCos(double start, double end, double pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);

    /// <summary>The cyclic tests: rate and momentum at each batch, for both groups.</summary>
    private static void Cycle(RateAndMomentum[] groups, double[][] lrTargets, double[][] momentumTargets, int batches)
    {
        for (int g = 0; g < groups.Length; g++)
        {
            AllClose(lrTargets[g].Take(batches).ToArray(), groups[g].LearningRate.Rates(batches), atol: Atol, rtol: 0);
            if (momentumTargets[g] is { } momentum) AllClose(momentum.Take(batches).ToArray(), groups[g].Momentum.Rates(batches), atol: Atol, rtol: 0);
        }
    }

    public static IEnumerable<PeerCase> Cases()
    {
        var stepTargets = Repeat((0.05, 3), (0.005, 3), (0.0005, 3), (0.00005, 3));
        yield return new("test_step_lr", () => Groups(b => StepLR(b, 3, 0.1), stepTargets, 10));
        yield return new("test_get_last_lr_step_lr", () =>
            AllClose(Repeat((0.1, 3), (0.01, 3), (0.001, 3), (0.0001, 1)), StepLR(0.1, 3, 0.1).Rates(10), atol: Atol, rtol: 0));
        var multiStep = Repeat((0.05, 2), (0.005, 3), (0.0005, 4), (0.00005, 3));
        yield return new("test_multi_step_lr", () => Groups(b => MultiStepLR(b, [2, 5, 9], 0.1), multiStep, 10));
        yield return new("test_multi_step_lr_with_epoch", () => Groups(b => MultiStepLR(b, [2, 5, 9], 0.1), multiStep, 10));
        yield return new("test_get_last_lr_multi_step_lr", () => Groups(b => MultiStepLR(b, [2, 5, 9], 0.1), Repeat((0.05, 2), (0.005, 3), (0.0005, 4), (0.00005, 1)), 10));

        var constant = Repeat((0.025, 5), (0.05, 5));
        yield return new("test_constantlr", () => Groups(b => ConstantLR(b, 0.5, 5), constant, 10));
        yield return new("test_get_last_lr_constantlr", () => Groups(b => ConstantLR(b, 0.5, 5), constant, 10));
        yield return new("test_constantlr_with_epoch", () => Groups(b => ConstantLR(b, 0.5, 5), constant, 10));

        double[] Linear(double start, double end, int iters, int epochs) =>
            Enumerable.Range(0, iters).Select(i => 0.05 * (start + i * (end - start) / iters)).Concat(Enumerable.Repeat(0.05 * end, epochs - iters)).ToArray();
        yield return new("test_linearlr", () => Groups(b => LinearLR(b, 0.5, 1, 4), Linear(0.5, 1, 4, 10), 10));
        yield return new("test_get_last_lr_linearlr", () => Groups(b => LinearLR(b, 0.25, 0.6, 4), Linear(0.25, 0.6, 4, 10), 10));
        yield return new("test_linearlr_with_epoch", () => Groups(b => LinearLR(b, 0.5, 1, 4), Linear(0.5, 1, 4, 10), 10));
        yield return new("test_linearlr_start_factor_limits1", () => Assert.ThrowsAny<ArgumentException>(() => LinearLR(0.05, 0, totalIters: 4)));
        yield return new("test_linearlr_start_factor_limits2", () => Assert.ThrowsAny<ArgumentException>(() => LinearLR(0.05, 1.1, totalIters: 4)));

        yield return new("test_exp_lr", () => Groups(b => ExponentialLR(b, 0.9), Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x)).ToArray(), 10));
        yield return new("test_poly_lr", () => Groups(b => PolynomialLR(b, 5, 0.9),
            Enumerable.Range(0, 5).Select(x => Math.Pow(1 - x / 5.0, 0.9) * 0.05).Concat(Enumerable.Repeat(0.0, 5)).ToArray(), 10));
        yield return new("test_cos_anneal_lr", () => Groups(b => CosineAnnealingLR(b, 10, 1e-10),
            Enumerable.Range(0, 10).Select(x => Cos(1e-10, 0.05, x, 10)).ToArray(), 10));

        yield return new("test_reduce_lr_on_plateau1", () =>
            Plateau(ReduceLROnPlateau(0.5, "min", threshold: 0.01, thresholdMode: "abs", patience: 5, cooldown: 5),
                Repeat((0.5, 20)), Enumerable.Range(0, 20).Select(i => 10 - i * 0.0167).ToArray(), 10));
        yield return new("test_reduce_lr_on_plateau2", () =>
            Plateau(ReduceLROnPlateau(0.5, "min", patience: 5, cooldown: 0, thresholdMode: "abs", threshold: 0.1),
                Repeat((0.5, 6), (0.05, 7), (0.005, 7), (0.0005, 2)), Enumerable.Range(0, 22).Select(i => 10 - i * 0.0165).ToArray(), 22));
        yield return new("test_reduce_lr_on_plateau3", () =>
            Plateau(ReduceLROnPlateau(0.5, "max", patience: 5, cooldown: 5, thresholdMode: "abs"),
                Repeat((0.5, 8), (0.05, 11), (0.005, 4)), Repeat((-0.8, 2), (-0.234, 20)), 22));
        yield return new("test_reduce_lr_on_plateau4", () =>
            Plateau(ReduceLROnPlateau(0.5, "max", patience: 3, thresholdMode: "rel", threshold: 0.1),
                Repeat((0.5, 20)), Enumerable.Range(0, 20).Select(i => 1.5 * Math.Pow(1.025, i)).ToArray(), 20));
        yield return new("test_reduce_lr_on_plateau5", () =>
            Plateau(ReduceLROnPlateau(0.5, "max", thresholdMode: "rel", threshold: 0.1, patience: 5, cooldown: 5),
                Repeat((0.5, 6), (0.05, 11), (0.005, 4)), Enumerable.Range(0, 20).Select(i => 1.5 * Math.Pow(1.005, i)).ToArray(), 20));
        yield return new("test_reduce_lr_on_plateau6", () =>
            Plateau(ReduceLROnPlateau(0.5, "min", thresholdMode: "rel", threshold: 0.1),
                Repeat((0.5, 20)), Enumerable.Range(0, 20).Select(i => 1.5 * Math.Pow(0.85, i)).ToArray(), 20));
        yield return new("test_reduce_lr_on_plateau7", () =>
            Plateau(ReduceLROnPlateau(0.5, "min", thresholdMode: "rel", threshold: 0.1, patience: 5, cooldown: 5),
                Repeat((0.5, 6), (0.05, 11), (0.005, 4)), Repeat((1, 7), (0.6, 1), (0.5, 12)), 20));
        yield return new("test_reduce_lr_on_plateau8", () =>
        {
            var metrics = Enumerable.Range(0, 20).Select(i => 1.5 * Math.Pow(1.005, i)).ToArray();
            Plateau(ReduceLROnPlateau(0.5, "max", thresholdMode: "rel", minLr: 0.4, threshold: 0.1, patience: 5, cooldown: 5), Repeat((0.5, 6), (0.4, 14)), metrics, 20);
            Plateau(ReduceLROnPlateau(0.5, "max", thresholdMode: "rel", minLr: 0.3, threshold: 0.1, patience: 5, cooldown: 5), Repeat((0.5, 6), (0.3, 14)), metrics, 20);
        });
        yield return new("test_reduce_lr_on_plateau_get_last_lr_before_step", () => Assert.Equal(0.5, ReduceLROnPlateau(0.5).Rate));
        yield return new("test_add_param_group_does_not_break_reduce_lr_on_plateau(min_lr=scalar)", () =>
            Plateau(ReduceLROnPlateau(0.5, "min", thresholdMode: "rel", threshold: 0.1, patience: 5, cooldown: 5),
                Repeat((0.5, 6), (0.05, 11), (0.005, 4)), Repeat((1, 7), (0.6, 1), (0.5, 12)), 20));

        yield return new("test_sequentiallr1", () =>
            AllClose(new[] { 0.05, 0.04, 0.032 }.Concat(Repeat((0.05, 4), (0.005, 4), (0.0005, 4), (0.00005, 4))).ToArray(),
                SequentialLR(0.05, [b => ExponentialLR(b, 0.8), b => StepLR(b, 4, 0.1)], [3]).Rates(19), atol: Atol, rtol: 0));
        yield return new("test_sequentiallr2", () =>
            AllClose(Repeat((0.005, 3)).Concat(Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x))).ToArray(),
                SequentialLR(0.05, [b => ConstantLR(b, 0.1, 3), b => ExponentialLR(b, 0.9)], [3]).Rates(13), atol: Atol, rtol: 0));
        var sequential3 = Repeat((0.005, 3)).Concat([0.05, 0.04, 0.032, 0.05, 0.05, 0.005, 0.005, 0.0005, 0.0005]).ToArray();
        Func<double, Schedule>[] parts3 = [b => ConstantLR(b, 0.1, 3), b => ExponentialLR(b, 0.8), b => StepLR(b, 2, 0.1)];
        yield return new("test_sequentiallr3", () => AllClose(sequential3, SequentialLR(0.05, parts3, [3, 6]).Rates(12), atol: Atol, rtol: 0));
        yield return new("test_sequentiallr4", () => Assert.Equal(0.1, SequentialLR(0.1, [b => ConstantLR(b, 1), b => ConstantLR(b, 0.1)], [10]).Rate(0)));
        yield return new("test_sequentiallr5", () =>
            AllClose([0.0005, 0.0014, 0.0023, 0.0032, 0.0041, 0.025, 0.025, 0.025, 0.025, 0.025],
                SequentialLR(0.05, [b => ChainedScheduler(b, c => LinearLR(c, 0.1, totalIters: 5), c => ConstantLR(c, 0.1, 5)), b => ConstantLR(b, 0.5, 5)], [5])
                    .Rates(10), atol: Atol, rtol: 0));
        yield return new("test_get_last_lr_sequentiallr", () => Groups(b => SequentialLR(b, parts3, [3, 6]), sequential3, 12));
        yield return new("test_sequentiallr_does_not_alias_lr_and_initial_lr", () =>
            AllClose([0.2, 0.55, 0.9, 1.25, 1.6, 1.25, 0.9, 0.55],
                SequentialLR(2.0, [b => LinearLR(b, 0.1, 0.8, 4), b => LinearLR(b, 0.8, 0.1, 4)], [4]).Rates(8), atol: Atol, rtol: 0));

        yield return new("test_chained_lr1", () => AllClose(stepTargets.Take(10).ToArray(), ChainedScheduler(0.05, b => StepLR(b, 3, 0.1)).Rates(10), atol: Atol, rtol: 0));
        yield return new("test_chained_lr2", () =>
            AllClose(new[] { 0.02, 0.03, 0.04 }.Concat(Repeat((0.05, 7))).ToArray(), ChainedScheduler(0.05, b => LinearLR(b, 0.4, totalIters: 3)).Rates(10), atol: Atol, rtol: 0));
        yield return new("test_chained_lr3", () =>
            AllClose(new[] { 0.02, 0.03, 0.04, 0.05 }.Concat(Repeat((0.005, 4), (0.0005, 2))).ToArray(),
                ChainedScheduler(0.05, b => LinearLR(b, 0.4, totalIters: 3), b => MultiStepLR(b, [4, 8, 10], 0.1)).Rates(10), atol: Atol, rtol: 0));
        yield return new("test_chained_lr4", () =>
            AllClose(Enumerable.Range(0, 3).Select(x => 0.05 * 0.2 * Math.Pow(0.9, x)).Append(0.05 * 0.2 * Math.Pow(0.9, 3) * 0.1)
                    .Concat(Enumerable.Range(4, 2).Select(x => 0.05 * Math.Pow(0.9, x) * 0.1)).Concat(Enumerable.Range(6, 3).Select(x => 0.05 * Math.Pow(0.9, x) * 0.01)).ToArray(),
                ChainedScheduler(0.05, b => ExponentialLR(b, 0.9), b => ConstantLR(b, 0.2, 4), b => StepLR(b, 3, 0.1)).Rates(9), atol: Atol, rtol: 0));
        yield return new("test_chained_lr5", () =>
        {
            double[] Poly(double lr) => Enumerable.Range(0, 5).Select(x => lr * Math.Pow(1 - x / 5.0, 0.9)).Concat(Enumerable.Repeat(0.0, 5)).ToArray();
            AllClose(Poly(0.05).Select(x => x * 0.1).ToArray(), ChainedScheduler(0.05, b => PolynomialLR(b, 5, 0.9), b => ConstantLR(b, 0.1)).Rates(10), atol: Atol, rtol: 0);
            AllClose(Poly(0.5).Select(x => x * 0.1).ToArray(), ChainedScheduler(0.5, b => PolynomialLR(b, 5, 0.9), b => ConstantLR(b, 0.1)).Rates(10), atol: Atol, rtol: 0);
        });

        yield return new("test_compound_step_and_multistep_lr", () =>
            AllClose(Repeat((0.05, 2), (0.005, 1), (5e-4, 2), (5e-5, 1), (5e-6, 3), (5e-8, 1)),
                ChainedScheduler(0.05, b => StepLR(b, 3, 0.1), b => MultiStepLR(b, [2, 5, 9], 0.1)).Rates(10), atol: Atol, rtol: 0));
        yield return new("test_compound_step_and_exp_lr", () => Groups(b => ChainedScheduler(b, c => StepLR(c, 3, 0.1), c => ExponentialLR(c, 0.9)),
            Enumerable.Range(0, 12).Select(x => 0.05 * Math.Pow(0.1, x / 3) * Math.Pow(0.9, x)).ToArray(), 10));
        yield return new("test_compound_exp_and_multistep_lr", () => Groups(b => ChainedScheduler(b, c => MultiStepLR(c, [2, 5, 9], 0.1), c => ExponentialLR(c, 0.9)),
            Enumerable.Range(0, 11).Select(x => multiStep[x] * Math.Pow(0.9, x)).ToArray(), 10));
        yield return new("test_compound_exp_and_linearlr", () =>
        {
            var single = Enumerable.Range(0, 11).Select(x => 0.05 * Math.Pow(0.9, x) * (x < 4 ? 0.4 + x / 4.0 * (0.9 - 0.4) : 0.9)).ToArray();
            Groups(b => ChainedScheduler(b, c => LinearLR(c, 0.4, 0.9, 4), c => ExponentialLR(c, 0.9)), single, 10);
        });
        yield return new("test_compound_step_and_constantlr", () => Groups(b => ChainedScheduler(b, c => StepLR(c, 3, 0.1), c => ConstantLR(c, 0.4, 4)),
            Repeat((0.05 * 0.4, 3), (0.005 * 0.4, 1), (0.005, 2), (0.0005, 3), (0.00005, 3)), 10));
        yield return new("test_compound_linearlr_and_multistep_lr", () =>
        {
            var single = Enumerable.Range(0, 11).Select(i => multiStep[Math.Min(i, 11)] * (i < 4 ? 0.4 + i / 4.0 * 0.6 : 1)).ToArray();
            Groups(b => ChainedScheduler(b, c => MultiStepLR(c, [2, 5, 9], 0.1), c => LinearLR(c, 0.4, totalIters: 4)), single, 10);
        });
        var cosTargets = Enumerable.Range(0, 10).Select(x => Cos(1e-10, 0.05, x, 10)).ToArray();
        yield return new("test_compound_cosanneal_and_step_lr", () => Groups(b => ChainedScheduler(b, c => CosineAnnealingLR(c, 10, 1e-10), c => StepLR(c, 3, 0.1)),
            cosTargets.Select((x, i) => x * Math.Pow(0.1, i / 3)).ToArray(), 10));
        yield return new("test_compound_cosanneal_and_multistep_lr", () =>
        {
            double[] multipliers = Repeat((1, 2), (0.1, 3), (0.01, 4), (0.001, 1));
            Groups(b => ChainedScheduler(b, c => CosineAnnealingLR(c, 10, 1e-10), c => MultiStepLR(c, [2, 5, 9], 0.1)), cosTargets.Select((x, i) => x * multipliers[i]).ToArray(), 10);
        });
        yield return new("test_compound_cosanneal_and_linearlr", () => Groups(b => ChainedScheduler(b, c => LinearLR(c, 0.4, totalIters: 4), c => CosineAnnealingLR(c, 10, 1e-10)),
            cosTargets.Select((x, i) => i < 4 ? x * (0.4 + i / 4.0 * 0.6) : x).ToArray(), 10));
        yield return new("test_compound_cosanneal_and_exp_lr", () => Groups(b => ChainedScheduler(b, c => CosineAnnealingLR(c, 10, 1e-10), c => ExponentialLR(c, 0.1)),
            cosTargets.Select((x, i) => x * Math.Pow(0.1, i)).ToArray(), 10));

        yield return new("test_cycle_lr_invalid_mode", () => Assert.ThrowsAny<ArgumentException>(() => CyclicLR(0, 0, mode: "CATS")));
        double[] triangular = [1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3], triangularMomentum = [5, 4, 3, 2, 1, 2, 3, 4, 5, 4, 3];
        RateAndMomentum OneLr(string mode, long up = 4, long? down = null, double gamma = 1) => CyclicLR(1, 5, up, down, mode, gamma, 1, 5);
        yield return new("test_cycle_lr_triangular_mode_one_lr", () =>
            Cycle([OneLr("triangular"), OneLr("triangular")], [triangular, triangular], [triangularMomentum, triangularMomentum], 11));
        yield return new("test_cycle_lr_triangular_mode_one_lr_no_momentum", () =>
            Cycle([OneLr("triangular"), OneLr("triangular")], [triangular, triangular], [null!, null!], 11));
        double[] triangular2 = [1, 2, 3, 4, 5, 4, 3, 2, 1, 1.5, 2.0, 2.5, 3.0, 2.5, 2.0, 1.5, 1, 1.25, 1.50, 1.75, 2.00, 1.75];
        double[] triangular2Momentum = [5.0, 4.0, 3.0, 2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 4.5, 4.0, 3.5, 3.0, 3.5, 4.0, 4.5, 5.0, 4.75, 4.5, 4.25, 4.0, 4.25];
        yield return new("test_cycle_lr_triangular2_mode_one_lr", () =>
            Cycle([OneLr("triangular2"), OneLr("triangular2")], [triangular2, triangular2], [triangular2Momentum, triangular2Momentum], 22));
        double[] xs = [0, 0.25, 0.5, 0.75, 1, 0.75, 0.50, 0.25, 0, 0.25, 0.5, 0.75, 1];
        double[] ExpRange(double lo, double hi, double[] x, bool momentum) => x.Select((v, i) => momentum ? hi - v * (hi - lo) * Math.Pow(0.9, i) : lo + v * (hi - lo) * Math.Pow(0.9, i)).ToArray();
        yield return new("test_cycle_lr_exp_range_mode_one_lr", () =>
            Cycle([OneLr("exp_range", gamma: 0.9), OneLr("exp_range", gamma: 0.9)], [ExpRange(1, 5, xs, false), ExpRange(1, 5, xs, false)],
                [ExpRange(1, 5, xs, true), ExpRange(1, 5, xs, true)], 13));
        yield return new("test_cycle_lr_triangular_mode", () =>
            Cycle([CyclicLR(1, 5, 4, null, "triangular", 1, 1, 5), CyclicLR(2, 6, 4, null, "triangular", 1, 2, 6)],
                [triangular, triangular.Select(x => x + 1).ToArray()], [triangularMomentum, triangularMomentum.Select(x => x + 1).ToArray()], 11));
        yield return new("test_cycle_lr_triangular2_mode", () =>
            Cycle([CyclicLR(1, 5, 4, null, "triangular2", 1, 1, 5), CyclicLR(3, 7, 4, null, "triangular2", 1, 3, 7)],
                [triangular2, triangular2.Select(x => x + 2).ToArray()], [triangular2Momentum, triangular2Momentum.Select(x => x + 2).ToArray()], 22));
        yield return new("test_cycle_lr_exp_range_mode", () =>
            Cycle([CyclicLR(1, 5, 4, null, "exp_range", 0.9, 1, 5), CyclicLR(5, 12, 4, null, "exp_range", 0.9, 5, 12)],
                [ExpRange(1, 5, xs, false), ExpRange(5, 12, xs, false)], [ExpRange(1, 5, xs, true), ExpRange(5, 12, xs, true)], 13));
        yield return new("test_cycle_lr_triangular_mode_step_size_up_down", () =>
        {
            double[] lr = [1, 2, 3, 4, 5, 13.0 / 3, 11.0 / 3, 9.0 / 3, 7.0 / 3, 5.0 / 3, 1];
            double[] momentum = [5, 4, 3, 2, 1, 5.0 / 3, 7.0 / 3, 3, 11.0 / 3, 13.0 / 3, 5];
            Cycle([OneLr("triangular", 4, 6), OneLr("triangular", 4, 6)], [lr, lr], [momentum, momentum], 11);
        });
        yield return new("test_cycle_lr_triangular2_mode_step_size_up_down", () =>
        {
            double[] lr = [1.0, 3.0, 5.0, 13.0 / 3, 11.0 / 3, 9.0 / 3, 7.0 / 3, 5.0 / 3, 1.0, 2.0, 3.0, 8.0 / 3, 7.0 / 3, 6.0 / 3, 5.0 / 3, 4.0 / 3, 1.0,
                3.0 / 2, 2.0, 11.0 / 6, 10.0 / 6, 9.0 / 6, 8.0 / 6, 7.0 / 6];
            double[] momentum = [5.0, 3.0, 1.0, 5.0 / 3, 7.0 / 3, 3.0, 11.0 / 3, 13.0 / 3, 5.0, 4.0, 3.0, 10.0 / 3, 11.0 / 3, 4.0, 13.0 / 3, 14.0 / 3, 5.0,
                4.5, 4.0, 25.0 / 6, 13.0 / 3, 4.5, 14.0 / 3, 29.0 / 6];
            var groups = new[] { 0, 2 }.Select(d => CyclicLR(1 + d, 5 + d, 2, 6, "triangular2", 1, 1 + d, 5 + d)).ToArray();
            Cycle(groups, [lr, lr.Select(x => x + 2).ToArray()], [momentum, momentum.Select(x => x + 2).ToArray()], 24);
        });
        yield return new("test_cycle_lr_exp_range_mode_step_size_up_down", () =>
        {
            double[] x = [0.0, 0.5, 1.0, 5.0 / 6, 4.0 / 6, 3.0 / 6, 2.0 / 6, 1.0 / 6, 0.0, 0.5, 1.0, 5.0 / 6, 4.0 / 6];
            Cycle([OneLr("exp_range", 2, 6, 0.9), OneLr("exp_range", 2, 6, 0.9)], [ExpRange(1, 5, x, false), ExpRange(1, 5, x, false)],
                [ExpRange(1, 5, x, true), ExpRange(1, 5, x, true)], 13);
        });
        yield return new("test_cosine_then_cyclic", () =>
        {
            // CosineAnnealingLR for 21 steps, then CyclicLR: the last rate never exceeds max_lr.
            var schedule = SequentialLR(0.5, [b => CosineAnnealingLR(b, 20, 0.1), b => CyclicLR(0.1, 0.3, 1, 3).LearningRate], [21]);
            Assert.True(schedule.Rate(40) <= 0.3);
        });

        yield return new("test_onecycle_lr_invalid_anneal_strategy", () => Assert.ThrowsAny<ArgumentException>(() => OneCycleLR(1e-3, 10, annealStrategy: "CATS")));
        yield return new("test_onecycle_lr_invalid_pct_start", () => Assert.ThrowsAny<ArgumentException>(() => OneCycleLR(1e-3, 10, pctStart: 1.1)));
        RateAndMomentum OneCycle(string anneal, double pct = 0.3, double div = 25, double finalDiv = 2, bool three = false) =>
            OneCycleLR(25, 10, pct, anneal, div, finalDiv, three, 1, 22);
        double[] linearLr = [1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5], linearMomentum = [22, 11.5, 1, 4, 7, 10, 13, 16, 19, 22];
        yield return new("test_onecycle_lr_linear_annealing", () =>
            Cycle([OneCycle("linear"), OneCycle("linear")], [linearLr, linearLr], [linearMomentum, linearMomentum], 10));
        yield return new("test_onecycle_lr_linear_annealing_three_phases", () =>
        {
            double[] lr = [1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25], momentum = [22, 15, 8, 1, 8, 15, 22, 22, 22, 22];
            Cycle([OneCycle("linear", 0.4, 25, 4, true), OneCycle("linear", 0.4, 25, 4, true)], [lr, lr], [momentum, momentum], 10);
        });
        double[] cosLr = new double[] { 1, 13, 25 }.Concat(Enumerable.Range(1, 6).Select(i => AnnealingCos(25, 0.5, i / 7.0))).Append(0.5).ToArray();
        double[] cosMomentum = new double[] { 22, 11.5, 1 }.Concat(Enumerable.Range(1, 6).Select(i => AnnealingCos(1, 22, i / 7.0))).Append(22).ToArray();
        yield return new("test_onecycle_lr_cosine_annealing", () => Cycle([OneCycle("cos"), OneCycle("cos")], [cosLr, cosLr], [cosMomentum, cosMomentum], 10));
        yield return new("test_onecycle_lr_legacy_state_dict", () =>
        {
            // The state a legacy checkpoint restores is the recipe: read back, it gives the same rates and momenta.
            var one = OneCycle("cos");
            var restored = new RateAndMomentum(Schedule.Parse(one.LearningRate.ToString()), Schedule.Parse(one.Momentum.ToString()));
            Cycle([restored, restored], [cosLr, cosLr], [cosMomentum, cosMomentum], 10);
        });
        yield return new("test_cycle_lr_with_adam", () =>
            Cycle([OneCycle("linear"), OneCycle("linear")], [linearLr, linearLr], [linearMomentum, linearMomentum], 10));

        yield return new("test_lambda_lr", () =>
        {
            AllClose(Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x)).ToArray(), LambdaLR(0.05, x => Math.Pow(0.9, x)).Rates(10), atol: Atol, rtol: 0);
            AllClose(Enumerable.Range(0, 10).Select(x => 0.4 * Math.Pow(0.8, x)).ToArray(), LambdaLR(0.4, x => Math.Pow(0.8, x)).Rates(10), atol: Atol, rtol: 0);
        });
        yield return new("test_multiplicative_lr", () =>
        {
            AllClose(Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x)).ToArray(), MultiplicativeLR(0.05, 0.9).Rates(10), atol: Atol, rtol: 0);
            AllClose(Enumerable.Range(0, 10).Select(x => 0.4 * Math.Pow(0.8, x)).ToArray(), MultiplicativeLR(0.4, 0.8).Rates(10), atol: Atol, rtol: 0);
        });

        foreach (long tMult in new long[] { 1, 2, 4 })
            yield return new($"test_CosineAnnealingWarmRestarts_lr1(T_mult={tMult})", () =>
            {
                foreach (double lr in new[] { 0.05, 0.5 })
                {
                    var targets = new List<double> { lr };
                    long ti = 10, tcur = 0;
                    for (int i = 1; i < 100; i++)
                    {
                        if (++tcur >= ti) { tcur -= ti; ti *= tMult; }
                        targets.Add(Cos(1e-10, lr, tcur, ti));
                    }
                    AllClose(targets, CosineAnnealingWarmRestarts(lr, 10, tMult, 1e-10).Rates(100), atol: Atol, rtol: 0);
                }
            });
        yield return new("test_CosineAnnealingWarmRestarts_lr2", () =>
        {
            foreach (long tMult in new long[] { 1, 2, 4 })
                foreach (double lr in new[] { 0.05, 0.5 })
                {
                    var targets = new List<double> { lr };
                    double ti = 10, tcur = 0;
                    for (int k = 1; k < 300; k++)
                    {
                        tcur = Math.Round(tcur + 0.1, 1);
                        if (tcur >= ti) { tcur -= ti; ti *= tMult; }
                        targets.Add(Cos(1e-10, lr, tcur, ti));
                    }
                    // Epochs in tenths: the schedule stretched by 10, read at whole steps.
                    AllClose(targets, CosineAnnealingWarmRestarts(lr, 10, tMult, 1e-10).Stretch(10).Rates(300), atol: Atol, rtol: 0);
                }
        });
        yield return new("test_CosineAnnealingWarmRestarts_lr3", () =>
        {
            double[][] epochs = [[0, 1, 2, 3, 4, 5, 12, 27, 3, 4, 5, 6, 13], [0, 1, 2, 3, 4, 5, 25, 32, 33, 34, 80, 81, 3], [0, 0.1, 0.2, 0.3, 1.3, 2.3, 17.5, 18.5, 19.5, 29.5, 30.5, 31.5, 50]];
            double[][] tcurs = [[1, 2, 3, 4, 5, 2, 7, 3, 4, 5, 6, 3], [1, 2, 3, 4, 5, 15, 2, 3, 4, 10, 11, 3], [0.1, 0.2, 0.3, 1.3, 2.3, 7.5, 8.5, 9.5, 19.5, 20.5, 21.5, 10]];
            double[][] tis = [[10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10], [10, 10, 10, 10, 10, 20, 40, 40, 40, 80, 80, 10], [10, 10, 10, 10, 10, 30, 30, 30, 30, 30, 30, 90]];
            long[] tMults = [1, 2, 3];
            for (int m = 0; m < 3; m++)
                foreach (double lr in new[] { 0.05, 0.5 })
                {
                    // The interleaved test sets the epoch, then checks: rate at epochs[i + 1] after the first.
                    var schedule = CosineAnnealingWarmRestarts(lr, 10, tMults[m], 1e-10).Stretch(10);
                    var expected = tcurs[m].Select((tc, i) => Cos(1e-10, lr, tc, tis[m][i])).ToArray();
                    var actual = epochs[m].Skip(1).Select(e => schedule.Rate((long)Math.Round(e * 10))).ToArray();
                    AllClose(expected, actual, atol: Atol, rtol: 0);
                }
        });
    }

    public static TheoryData<string> Names => new(Cases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void pytorch(string test) => Cases().Single(c => c.Name == test).Check();
}
