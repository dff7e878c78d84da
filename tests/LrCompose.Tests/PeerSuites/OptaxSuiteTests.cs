using static LrCompose.Compat.Optax;
using static LrCompose.Tests.PeerSuites.PeerAssert;

namespace LrCompose.Tests.PeerSuites;

/// <summary>
/// optax's own tests (<c>optax/schedules/_schedule_test.py</c>, <c>_join_test.py</c>), ported through
/// <c>Compat.Optax</c>: the same inputs, the expected values as each test states them, the test's own tolerance. Each
/// case is named after the test function and its parameters. Tests of negative rates are listed as not offered in
/// docs/migration.md.
/// </summary>
public class OptaxSuiteTests
{
    private static double Staircased(long count, long transitionSteps, bool staircase) =>
        staircase ? Math.Floor((double)count / transitionSteps) : (double)count / transitionSteps;

    private static double[] Cosines(double initial, double alpha, params double[] fractions) =>
        fractions.Select(f => initial * ((1 - alpha) * (0.5 + 0.5 * Math.Cos(Math.PI * f)) + alpha)).ToArray();

    public static IEnumerable<PeerCase> Cases()
    {
        yield return new("ConstantTest.test_constant", () =>
            AllClose(Enumerable.Repeat(10.0, 15).ToArray(), ConstantSchedule(10).Rates(15), atol: 1e-3));

        yield return new("PolynomialTest.test_linear", () =>
            AllClose(Enumerable.Range(10, 10).Select(v => (double)v).Concat(Enumerable.Repeat(20.0, 5)).ToArray(),
                PolynomialSchedule(10, 20, 1, 10).Rates(15), atol: 1e-3));
        foreach (long steps in new long[] { -1, 0 })
            yield return new($"PolynomialTest.test_zero_steps_schedule(num_steps={steps})", () =>
                AllClose(Enumerable.Repeat(10.0, 15).ToArray(), PolynomialSchedule(10, 20, 1, steps).Rates(15)));
        yield return new("PolynomialTest.test_nonlinear", () =>
            AllClose(Enumerable.Range(0, 10).Select(n => 10 + 15 * Math.Pow(1 - n / 10.0, 2)).Concat(Enumerable.Repeat(10.0, 5)).ToArray(),
                PolynomialSchedule(25, 10, 2, 10).Rates(15), atol: 1e-3));
        yield return new("PolynomialTest.test_with_decay_begin", () =>
            AllClose(Enumerable.Repeat(30.0, 4).Concat(Enumerable.Range(0, 10).Select(n => 10 + 20 * Math.Pow(1 - n / 10.0, 2)))
                    .Concat(Enumerable.Repeat(10.0, 6)).ToArray(),
                PolynomialSchedule(30, 10, 2, 10, transitionBegin: 4).Rates(20), atol: 1e-3));

        yield return new("PiecewiseConstantTest.test_positive", () =>
            AllClose([0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1],
                PiecewiseConstantSchedule(0.1, new Dictionary<long, double> { [3] = 2, [6] = 0.5 }).Rates(10), atol: 1e-3));

        foreach (bool staircase in new[] { false, true })
        {
            yield return new($"ExponentialTest.test_constant_schedule(staircase={staircase})", () =>
                AllClose(Enumerable.Repeat(1.0, 15).ToArray(), ExponentialDecay(1, 15, 1, staircase: staircase).Rates(15), atol: 1e-3));
            foreach (long transitionSteps in new long[] { -1, 0 })
                yield return new($"ExponentialTest.test_nonvalid_transition_steps(staircase={staircase}, transition_steps={transitionSteps})", () =>
                    AllClose(Enumerable.Repeat(1.0, 15).ToArray(), ExponentialDecay(1, transitionSteps, 1, staircase: staircase).Rates(15)));
            yield return new($"ExponentialTest.test_nonvalid_decay_rate(staircase={staircase})", () =>
                AllClose(Enumerable.Repeat(1.0, 15).ToArray(), ExponentialDecay(1, 2, 0, staircase: staircase).Rates(15)));
        }
        foreach (var (staircase, begin) in new[] { (false, 0L), (true, 0L), (false, 5L), (true, 5L) })
            yield return new($"ExponentialTest.test_exponential(staircase={staircase}, transition_begin={begin})", () =>
            {
                var expected = Enumerable.Repeat(1.0, (int)begin)
                    .Concat(Enumerable.Range(0, 15).Select(c => Math.Pow(2, Staircased(c, 2, staircase)))).ToArray();
                AllClose(expected, ExponentialDecay(1, 2, 2, begin, staircase).Rates(15 + (int)begin), atol: 1e-3);
            });
        foreach (var (rate, end, staircase) in new[] { (0.2, 0.1, false), (1.0, 0.1, false), (2.0, 3.0, false), (0.2, 0.1, true), (1.0, 0.1, true), (2.0, 3.0, true) })
            yield return new($"ExponentialTest.test_end_value_with_staircase(decay_rate={rate}, end_value={end}, staircase={staircase})", () =>
            {
                var expected = Enumerable.Repeat(1.0, 3).Concat(Enumerable.Range(0, 11).Select(c => Math.Pow(rate, Staircased(c, 2, staircase))))
                    .Select(v => rate < 1 ? Math.Max(v, end) : Math.Min(v, end)).ToArray();
                AllClose(expected, ExponentialDecay(1, 2, rate, 3, staircase, end).Rates(14), atol: 1e-3);
            });
        yield return new("ExponentialTest.test_immutable_count", () =>
            AllClose([32, 16, 8, 4, 2], ExponentialDecay(32, 1, 0.5).Rates(5), atol: 1e-3));

        yield return new("CosineDecayTest.test_decay_count_smaller_count", () =>
            AllClose(Cosines(0.1, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), CosineDecaySchedule(0.1, 10, 0).Rates(10), atol: 1e-3));
        yield return new("CosineDecayTest.test_decay_count_greater_count", () =>
            AllClose(Cosines(0.1, 0, 0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1), CosineDecaySchedule(0.1, 5, 0).Rates(12), atol: 1e-3));
        yield return new("CosineDecayTest.test_decay_count_greater_count_with_alpha", () =>
            AllClose(Cosines(0.1, 0.1, 0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1), CosineDecaySchedule(0.1, 5, 0.1).Rates(12), atol: 1e-3));
        yield return new("CosineDecayTest.test_with_exponent", () =>
            AllClose([0.1, 0.09516553580760956, 0.025, 0.0021446612663567066, 0.0],
                CosineDecaySchedule(0.1, 100, 0, exponent: 2).Rates(0, 10, 50, 75, 100), atol: 1e-8, rtol: 1e-6));
        yield return new("CosineDecayTest.test_with_giant_int_steps", () =>
            AllClose(975.52826, CosineDecaySchedule(1000, 10_000_000_000, 0, 1).Rate(1_000_000_000)));

        foreach (var (label, init, peak, end) in new[] { ("with end value", 10.0, 0.5, 1e-4), ("without end value", 5.0, 3.0, 0.0) })
            yield return new($"WarmupCosineDecayTest.test_limits({label})", () =>
            {
                var schedule = WarmupCosineDecaySchedule(init, peak, 100, 1000, end);
                AllClose(init, schedule.Rate(0));
                AllClose(peak, schedule.Rate(100));
                AllClose(end, schedule.Rate(1000), rtol: 1e-3);
            });

        foreach (var (label, lr0, lr1, lr2) in new[] { ("with step decay", 1.6, 0.8, 0.4), ("without step_decay", 1.6, 1.6, 1.6) })
            yield return new($"SGDRTest.test_limits({label})", () =>
            {
                var schedule = SgdrSchedule(new CosineKwargs(0, lr0, 500, 2000), new CosineKwargs(0, lr1, 500, 3000), new CosineKwargs(0, lr2, 500, 5000));
                AllClose(lr0, schedule.Rate(500));
                AllClose(lr1, schedule.Rate(2500));
                AllClose(lr2, schedule.Rate(5500));
            });

        yield return new("PiecewiseInterpolateTest.test_linear_piecewise", () =>
            AllClose([200, 220, 240, 260, 280, 300, 255, 210, 165, 120, 75, 75, 75],
                PiecewiseInterpolateSchedule("linear", 200, new Dictionary<long, double> { [5] = 1.5, [10] = 0.25 }).Rates(13), atol: 1e-3));
        yield return new("PiecewiseInterpolateTest.test_cos_piecewise", () =>
            AllClose([400, 360, 280, 240, 264, 288, 288, 288, 288],
                PiecewiseInterpolateSchedule("cosine", 400, new Dictionary<long, double> { [5] = 1.2, [3] = 0.6, [7] = 1 }).Rates(9), atol: 1e-3));
        yield return new("PiecewiseInterpolateTest.test_empty_dict", () =>
            AllClose([13, 13, 13, 13, 13], PiecewiseInterpolateSchedule("linear", 13, new Dictionary<long, double>()).Rates(5), atol: 1e-3));
        yield return new("PiecewiseInterpolateTest.test_no_dict", () =>
            AllClose([17, 17, 17], PiecewiseInterpolateSchedule("cosine", 17).Rates(3), atol: 1e-3));
        yield return new("PiecewiseInterpolateTest.test_invalid_type", () =>
        {
            Assert.ThrowsAny<ArgumentException>(() => PiecewiseInterpolateSchedule("linar", 13));
            Assert.ThrowsAny<ArgumentException>(() => PiecewiseInterpolateSchedule("", 13, new Dictionary<long, double> { [5] = 3 }));
            Assert.ThrowsAny<ArgumentException>(() => PiecewiseInterpolateSchedule(null!, 13, new Dictionary<long, double>()));
        });
        yield return new("PiecewiseInterpolateTest.test_invalid_scale", () =>
            Assert.ThrowsAny<ArgumentException>(() => PiecewiseInterpolateSchedule("linear", 13, new Dictionary<long, double> { [5] = -3 })));

        yield return new("OneCycleTest.test_linear", () =>
            AllClose([100, 400, 700, 1000, 775, 550, 325, 100, 67, 34, 1, 1],
                LinearOnecycleSchedule(10, 1000, 0.3, 0.7, 10, 100).Rates(12), atol: 1e-3));
        yield return new("OneCycleTest.test_cosine", () =>
            AllClose([100, 550, 1000, 750.25, 250.75, 1, 1], CosineOnecycleSchedule(5, 1000, 0.4, 10, 100).Rates(7), atol: 1e-3));
        yield return new("OneCycleTest.test_nonpositive_transition_steps", () =>
        {
            Assert.ThrowsAny<ArgumentException>(() => CosineOnecycleSchedule(0, 5));
            Assert.ThrowsAny<ArgumentException>(() => LinearOnecycleSchedule(0, 5));
        });

        yield return new("JoinTest.test_join_schedules", () =>
        {
            var schedule = JoinSchedules([ConstantSchedule(1), ConstantSchedule(2), ConstantSchedule(1)], [3, 6]);
            AllClose([1, 1, 1, 2, 2, 2, 1], schedule.Rates(7), atol: 0);
        });
    }

    public static TheoryData<string> Names => new(Cases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void optax(string test) => Cases().Single(c => c.Name == test).Check();
}
