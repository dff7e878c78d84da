using LrCompose.Tests.Support;
using System.Globalization;
using System.Text.Json;
using LrCompose.Cli;

namespace LrCompose.Tests.RangeTest;

/// <summary><c>lrcompose lr-find</c>: every public case through the command line, and malformed logs refused in one line.</summary>
public sealed class LrFindCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-lrfind-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private string Log(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Cell(double v) => double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string> Ids => LrFinderConformanceTests.Ids;

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_public_case_passes_through_the_command_line(string id)
    {
        var c = LrFinderConformanceTests.Cases().Single(x => x.Id == id);
        // Extra columns are ignored; the columns may come in any order.
        string csv = "iteration,loss,lr\n" + string.Join("\n", c.Rates.Select((r, i) => $"{i},{Cell(c.Losses[i])},{Cell(r)}"));
        string rules = c.Rules == RangeTestRules.Fastai ? "fastai" : "torch-lr-finder";
        var (code, output, error) = Run("lr-find", Log(id + ".csv", csv), "--rules", rules, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(rules, json.RootElement.GetProperty("rules").GetString());
        Assert.Equal(c.Recorded, json.RootElement.GetProperty("recorded").GetInt32());
        Assert.Equal(c.Kept, json.RootElement.GetProperty("kept").GetInt32());
        var suggestions = json.RootElement.GetProperty("suggestions");
        foreach (var (name, expected) in c.Suggestions)
            Assert.True(Math.Abs(suggestions.GetProperty(name).GetDouble() - expected) <= 1e-6 * expected, $"{id} {name}");
    }

    [Fact]
    public void The_default_is_fastai_and_the_chart_is_drawn()
    {
        var c = LrFinderConformanceTests.Cases().First(x => x.Rules == RangeTestRules.Fastai);
        string path = Log("sweep.csv", "lr,loss\n" + string.Join("\n", c.Rates.Select((r, i) => $"{Cell(r)},{Cell(c.Losses[i])}")));
        string chart = Path.Combine(_dir, "sweep.svg");
        var (code, output, _) = Run("lr-find", path, "--out", chart);
        Assert.Equal(0, code);
        Assert.Contains("valley", output);
        string svg = File.ReadAllText(chart);
        foreach (var name in c.Suggestions.Keys) Assert.Contains(name, svg);
    }

    [Theory]
    [InlineData("lr,loss\n0.1,0.5\n0.2,abc\n", "row 3: loss is not a number: 'abc'")]
    [InlineData("rate,loss\n0.1,0.5\n", "row 1: the header must name the columns lr and loss")]
    [InlineData("lr,loss\n0.1,0.5,7\n", "row 2: 3 columns, the header has 2")]
    [InlineData("lr,loss\n-0.1,0.5\n", "row 2: lr must be a finite rate above 0")]
    [InlineData("lr,loss\n", "no iterations after the header")]
    public void A_malformed_log_is_one_line_saying_which_row_and_why(string text, string problem)
    {
        var (code, output, error) = Run("lr-find", Log("bad.csv", text));
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(problem, error);
    }
}
