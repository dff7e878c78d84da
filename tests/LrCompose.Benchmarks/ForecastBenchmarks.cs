using BenchmarkDotNet.Attributes;
using LrCompose.Forecast;

namespace LrCompose.Benchmarks;

/// <summary>
/// The forecast package on the shipped 25M runs (read in place from ../shared/loss-curves): fitting the three training
/// runs (leave-one-run-out selection included), predicting a 24,000- and a 72,000-step curve at their logged steps
/// (the default block-reduced sum, and the exact one for comparison), and optimizing a 24,000-step schedule.
/// Targets: fit ≤ 2 s, predict one 24,000-step curve ≤ 10 ms, optimize ≤ 1 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ForecastBenchmarks
{
    private IReadOnlyList<Run> _runs = null!;
    private Run _cosine24 = null!, _cosine72 = null!;
    private MultiPowerLaw _law = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "LrCompose.sln"))) root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        string curves = Path.GetFullPath(Path.Combine(root, "..", "shared", "loss-curves", "gpt-25m"));
        _runs = RunManifest.Read(Path.Combine(root, "docs", "data", "gpt-25m-runs.json")).Load(curves);
        _cosine24 = _runs.Single(r => r.Log == "cosine_24000.csv");
        _cosine72 = _runs.Single(r => r.Log == "cosine_72000.csv");
        _law = (MultiPowerLaw)LawJson.Read(Path.Combine(root, "docs", "data", "gpt-25m-authors-law.json"));
    }

    [Benchmark(Description = "fit the 3 training runs")]
    public ILossLaw Fit() => LawFit.Fit(_runs).Law;

    [Benchmark(Description = "predict cosine_24000 at its 171 logged steps")]
    public double[] Predict24000() => _law.Predict(_cosine24.Schedule, _cosine24.Curve.Steps);

    [Benchmark(Description = "predict cosine_24000, exact sum")]
    public double[] Predict24000Exact() => _law.PredictExact(_cosine24.Schedule, _cosine24.Curve.Steps);

    [Benchmark(Description = "predict cosine_72000 at its 546 logged steps")]
    public double[] Predict72000() => _law.Predict(_cosine72.Schedule, _cosine72.Curve.Steps);

    [Benchmark(Description = "predict cosine_72000, exact sum")]
    public double[] Predict72000Exact() => _law.PredictExact(_cosine72.Schedule, _cosine72.Curve.Steps);

    [Benchmark(Description = "optimize 24,000 steps")]
    public double Optimize() => ScheduleOptimizer.Optimize(_law, 24_000, 3e-4, 2_160).PerStepFinalLoss;
}
