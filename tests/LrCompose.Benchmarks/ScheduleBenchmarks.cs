using BenchmarkDotNet.Attributes;

namespace LrCompose.Benchmarks;

/// <summary>
/// Nanoseconds per evaluated step and bytes allocated, for a hand-written inline formula, the generated struct (through
/// a generic constraint, as generic training code would call it) and the runtime schedule. Each invocation evaluates
/// <see cref="Steps"/> steps spread evenly, in order, over the whole run (every phase is visited, as in training).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class ScheduleBenchmarks
{
    public const int Steps = 4096;

    private readonly Schedule _warmupCosine = BenchRecipes.WarmupCosine;
    private readonly Schedule _oneCycle = BenchRecipes.OneCycle;
    private readonly Schedule _multiStep3 = BenchRecipes.MultiStep3;
    private readonly Schedule _multiStep100 = BenchRecipes.MultiStep100;
    private static readonly long[] Milestones3 = [1_200, 2_400];
    private static readonly double[] Values3 = [0.1, 0.05, 0.025];
    private static readonly double[] Values100 = Enumerable.Range(0, 100).Select(k => 0.1 * Math.Pow(0.97, k)).ToArray();

    private static double Sum<T>(T schedule, long span) where T : struct, ISchedule
    {
        double sum = 0;
        for (long i = 0; i < Steps; i++) sum += schedule.Rate(i * span / Steps);
        return sum;
    }

    private static double SumRuntime(Schedule schedule, long span)
    {
        double sum = 0;
        for (long i = 0; i < Steps; i++) sum += schedule.Rate(i * span / Steps);
        return sum;
    }

    // ---- warmup + cosine ----

    [Benchmark(OperationsPerInvoke = Steps, Baseline = true), BenchmarkCategory("WarmupCosine")]
    public double WarmupCosine_HandWritten()
    {
        double sum = 0;
        for (long i = 0; i < Steps; i++)
        {
            double t = i * 250_000 / Steps;
            sum += t < 2000 ? 2.5e-4 * (t / 2000)
                : t >= 250_000 ? 2.5e-5
                : 2.5e-5 + (2.5e-4 - 2.5e-5) * (0.5 * (1 + Math.Cos(Math.PI * ((t - 2000) / 248_000))));
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public double WarmupCosine_Generated() => Sum(default(BenchRecipes.WarmupCosineSchedule), 250_000);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double WarmupCosine_Runtime() => SumRuntime(_warmupCosine, 250_000);

    // ---- one-cycle ----

    [Benchmark(OperationsPerInvoke = Steps)]
    public double OneCycle_HandWritten()
    {
        double sum = 0;
        for (long i = 0; i < Steps; i++)
        {
            double t = i * 100_000 / Steps;
            sum += t < 30_000
                ? 0.1 + (0.004 - 0.1) * (0.5 * (1 + Math.Cos(Math.PI * (t / 30_000))))
                : t >= 100_000 ? 4e-7
                : 4e-7 + (0.1 - 4e-7) * (0.5 * (1 + Math.Cos(Math.PI * ((t - 30_000) / 70_000))));
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public double OneCycle_Generated() => Sum(default(BenchRecipes.OneCycleSchedule), 100_000);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double OneCycle_Runtime() => SumRuntime(_oneCycle, 100_000);

    // ---- multi-step: 3 phases and 100 phases ----

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep3_HandWritten() => HandWrittenMultiStep(Milestones3, Values3, 3_600);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep3_Generated() => Sum(default(BenchRecipes.MultiStep3Schedule), 3_600);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep3_Runtime() => SumRuntime(_multiStep3, 3_600);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep100_HandWritten() => HandWrittenMultiStep(BenchRecipes.Milestones100, Values100, 4_000);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep100_Generated() => Sum(default(BenchRecipes.MultiStep100Schedule), 4_000);

    [Benchmark(OperationsPerInvoke = Steps)]
    public double MultiStep100_Runtime() => SumRuntime(_multiStep100, 4_000);

    /// <summary>What a careful engineer writes by hand: a binary search over the milestones and a table of values.</summary>
    private static double HandWrittenMultiStep(long[] milestones, double[] values, long span)
    {
        double sum = 0;
        for (long i = 0; i < Steps; i++)
        {
            long t = i * span / Steps;
            int lo = 0, hi = milestones.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (milestones[mid] <= t) lo = mid + 1; else hi = mid;
            }
            sum += values[lo];
        }
        return sum;
    }
}
