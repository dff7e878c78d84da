using static LrCompose.Compat.HuggingFace;
using static LrCompose.Tests.PeerSuites.PeerAssert;

namespace LrCompose.Tests.PeerSuites;

/// <summary>
/// transformers' own schedule tests (<c>tests/optimization/test_optimization.py</c>, <c>ScheduleInitTest.test_schedulers</c>),
/// ported through <c>Compat.HuggingFace</c>: AdamW at lr 10, ten steps, <c>assertAlmostEqual(delta=1e-2)</c>; and the
/// "save and reload" half, which for a pure schedule is its recipe printed and read back mid-run. The optimizer tests
/// of the same file (AdamW, Adafactor) test optimizers, not schedules.
/// </summary>
public class TransformersSuiteTests
{
    private const double Lr = 10;
    private const int Steps = 10;

    private static readonly (string Name, Func<Schedule> Make, double[] Expected)[] Schedules =
    [
        ("get_constant_schedule", () => GetConstantSchedule(Lr), Enumerable.Repeat(10.0, Steps).ToArray()),
        ("get_constant_schedule_with_warmup", () => GetConstantScheduleWithWarmup(Lr, 4), [0.0, 2.5, 5.0, 7.5, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0]),
        ("get_linear_schedule_with_warmup", () => GetLinearScheduleWithWarmup(Lr, 2, 10), [0.0, 5.0, 10.0, 8.75, 7.5, 6.25, 5.0, 3.75, 2.5, 1.25]),
        ("get_cosine_schedule_with_warmup", () => GetCosineScheduleWithWarmup(Lr, 2, 10), [0.0, 5.0, 10.0, 9.61, 8.53, 6.91, 5.0, 3.08, 1.46, 0.38]),
        ("get_cosine_with_hard_restarts_schedule_with_warmup", () => GetCosineWithHardRestartsScheduleWithWarmup(Lr, 2, 10, numCycles: 2),
            [0.0, 5.0, 10.0, 8.53, 5.0, 1.46, 10.0, 8.53, 5.0, 1.46]),
        ("get_polynomial_decay_schedule_with_warmup", () => GetPolynomialDecayScheduleWithWarmup(Lr, 2, 10, lrEnd: 1e-7, power: 2),
            [0.0, 5.0, 10.0, 7.656, 5.625, 3.906, 2.5, 1.406, 0.625, 0.156]),
    ];

    public static IEnumerable<PeerCase> Cases()
    {
        foreach (var (name, make, expected) in Schedules)
        {
            yield return new($"ScheduleInitTest.test_schedulers({name}, normal scheduler)", () =>
                ListAlmostEqual(expected, make().Rates(Steps), delta: 1e-2));
            yield return new($"ScheduleInitTest.test_schedulers({name}, save and reload)", () =>
            {
                // Run half-way, save (the recipe), reload, and go on: the rates are the run's, exactly.
                var schedule = make();
                var rates = new List<double>();
                for (int step = 0; step < Steps; step++)
                {
                    rates.Add(schedule.Rate(step));
                    if (step == Steps / 2) schedule = Schedule.Parse(schedule.ToString());
                }
                Assert.Equal(make().Rates(Steps), rates);
            });
        }
    }

    public static TheoryData<string> Names => new(Cases().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void transformers(string test) => Cases().Single(c => c.Name == test).Check();
}
