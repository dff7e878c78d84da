using LrCompose.Tests.Support;
using LrCompose.Cli;

namespace LrCompose.Tests.Reliability;

/// <summary>The failures a user could still trigger when reliability was first measured, each kept as a regression test.</summary>
public sealed class KnownFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-known-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Plot_into_a_missing_directory_is_one_line_and_exit_2()
    {
        var (code, output, error) = Run("plot", "gpt2", "--out", Path.Combine(_dir, "no", "such", "dir", "x.png"));
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("no such directory", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Conformance_with_a_number_where_a_string_belongs_fails_that_case_and_a_non_reference_file_is_bad_input()
    {
        string path = Path.Combine(_dir, "cases.json");
        File.WriteAllText(path, """{ "cases": [ { "id": "x", "library": "torch 2.11.0", "schedule": 42, "params": {}, "steps": [0], "lr": [0.1] } ] }""");
        var (code, output, error) = Run("conformance", path);
        Assert.Equal(CliApp.CheckFailed, code);
        Assert.Contains("FAIL x", output);
        Assert.Contains("0 passed, 1 failed", output);
        Assert.DoesNotContain("   at ", output + error);

        File.WriteAllText(path, """{ "cases": 7 }""");
        (code, output, error) = Run("conformance", path);
        Assert.Equal(CliApp.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        File.WriteAllText(path, "not json");
        Assert.Equal(CliApp.BadInput, Run("conformance", path).Code);
    }

    [Theory]
    [InlineData("cycle multiplier=2 decay=0.5 limit=4 (cosine 1000 peak=0.1 floor=1e20)")]
    [InlineData("cycle multiplier=2 decay=0.5 limit=4 (cosine 1000 peak=1e-300 floor=1e-4)")]
    public void A_floor_that_dwarfs_the_peak_still_gives_the_peak(string recipe)
    {
        var s = Schedule.Parse(recipe);
        foreach (long t in new long[] { 0, 1, 500, 999, 1000, 1001, 2999, 3000, 7000, 15_000, 20_000, long.MaxValue })
        {
            double v = s.Rate(t);
            Assert.True(v >= s.Min && v <= s.Max, $"{recipe} at {t}: {v:R} outside [{s.Min:R}, {s.Max:R}]");
        }
        Assert.Equal(Schedule.Parse(recipe.Split('(')[1].TrimEnd(')')).Rate(0), s.Rate(0));
    }

    [Fact]
    public void A_minus_zero_floor_prints_and_reads_back_bit_identically()
    {
        var s = Schedule.Parse("cosine 10 peak=0.1 floor=-0");
        var back = Schedule.Parse(s.ToString());
        Assert.Equal(BitConverter.DoubleToInt64Bits(s.Rate(10)), BitConverter.DoubleToInt64Bits(back.Rate(10)));
        Assert.Contains("floor=-0", s.ToString());
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_and_no_partial_one()
    {
        string path = Path.Combine(_dir, "chart.png");
        File.WriteAllText(path, "previous");
        Assert.Equal(CliApp.BadInput, Run("plot", "cosine 0 peak=0.1", "--out", path).Code);
        Assert.Equal(CliApp.BadInput, Run("plot", "gpt2", "--out", Path.Combine(_dir, "chart.bmp")).Code);
        Directory.CreateDirectory(Path.Combine(_dir, "taken.png"));
        Assert.Equal(CliApp.BadInput, Run("plot", "gpt2", "--out", Path.Combine(_dir, "taken.png")).Code);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal(0, Run("plot", "gpt2", "--out", path).Code);
        Assert.NotEqual("previous", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }
}
