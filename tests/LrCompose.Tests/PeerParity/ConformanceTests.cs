using LrCompose.Cli.Conformance;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.PeerParity;

/// <summary>The reference values recorded from the peer libraries, read in place from the shared folder.</summary>
public class ConformanceTests
{
    [Fact]
    public void Every_public_reference_case_passes()
    {
        var report = ConformanceRunner.RunFile(RepoPaths.GoldenPublic);
        Assert.Equal(56, report.Results.Count);
        Assert.All(report.Results, r => Assert.True(r.Passed, r.ToString()));
        Assert.Equal("56 passed, 0 failed", report.Summary);
    }

    [Fact]
    public void The_one_cycle_edges_pass_from_their_file()
    {
        // Issue 25's case and the other pct_start edges PyTorch accepts; values from PyTorch's formula (docs/data/torch-onecycle-edges.py).
        var report = ConformanceRunner.RunFile(Path.Combine(RepoPaths.Root, "docs", "data", "torch-onecycle-edges.json"));
        Assert.Equal(7, report.Results.Count);
        Assert.All(report.Results, r => Assert.True(r.Passed, r.ToString()));
        Assert.Contains(report.Results, r => r.Id == "torch.OneCycleLR.three-phase-past-the-end");
    }

    [Fact]
    public void The_runner_reports_a_wrong_value_as_a_failure()
    {
        const string json = """
            {"cases":[{"id":"x","library":"torch 2.11.0","schedule":"StepLR","params":{"base_lr":0.1,"step_size":2,"gamma":0.5},
                       "steps":[0,1,2],"lr":[0.1,0.1,0.06]}]}
            """;
        var report = ConformanceRunner.Run(json);
        Assert.False(report.Results[0].Passed);
        Assert.Equal(0.01, report.Results[0].MaxAbsoluteError, 12);
        Assert.Equal("0 passed, 1 failed", report.Summary);
    }

    [Fact]
    public void The_runner_works_on_other_parameter_values_of_the_same_types()
    {
        // Values computed here from the documented formulas, not from LrCompose.
        double[] cosine = Enumerable.Range(0, 12).Select(t => 0.002 + (0.2 - 0.002) * (1 + Math.Cos(Math.PI * t / 7)) / 2).ToArray();
        string json = $$"""
            {"cases":[{"id":"other","library":"torch 2.11.0","schedule":"CosineAnnealingLR","params":{"base_lr":0.2,"T_max":7,"eta_min":0.002},
                       "steps":[{{string.Join(",", Enumerable.Range(0, 12))}}],"lr":[{{string.Join(",", cosine.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}}]}]}
            """;
        Assert.Equal("1 passed, 0 failed", ConformanceRunner.Run(json).Summary);
    }

    [Fact]
    public void Unknown_schedules_fail_with_a_reason_instead_of_crashing()
    {
        const string json = """{"cases":[{"id":"u","library":"torch 2.11.0","schedule":"NoSuchLR","params":{},"steps":[0],"lr":[1]}]}""";
        var result = Assert.Single(ConformanceRunner.Run(json).Results);
        Assert.False(result.Passed);
        Assert.Contains("NoSuchLR", result.Error);
    }
}
