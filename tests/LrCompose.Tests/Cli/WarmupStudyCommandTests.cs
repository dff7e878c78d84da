using System.Text.Json;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Cli;

/// <summary><c>lrcompose warmup-study</c>: the table and the JSON say the same, bad input is one line and exit 2.</summary>
public sealed class WarmupStudyCommandTests
{
    private const string Recipe = "warmup 40 >> constant 1 |> take 160";

    [Fact]
    public void The_table_and_the_json_agree_row_by_row()
    {
        var (code, table, _) = CliRun.Run("warmup-study", Recipe, "--peaks", "0.05,1", "--seeds", "2");
        Assert.Equal(0, code);
        var (jsonCode, json, _) = CliRun.Run("warmup-study", Recipe, "--peaks", "0.05,1", "--seeds", "2", "--json");
        Assert.Equal(0, jsonCode);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([0.05, 1.0], rows.Select(r => r.GetProperty("peak").GetDouble()));
        foreach (var row in rows)
        {
            string line = $"| {row.GetProperty("peak").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)} | {row.GetProperty("trainedWithout").GetInt32()}/2 | {row.GetProperty("trainedWith").GetInt32()}/2 |";
            Assert.Contains(line, table);
            Assert.Contains(row.GetProperty("verdict").GetString()!, table);
            // A diverged run's final loss is null in JSON (JSON has no infinity) and "diverged" in the table.
            Assert.Equal(row.GetProperty("finalWithout").EnumerateArray().Count(v => v.ValueKind == JsonValueKind.Null) == 2,
                table.Split('\n').Single(l => l.StartsWith(line, StringComparison.Ordinal)).Split('|')[4].Trim() == "diverged");
        }
        Assert.Equal(40, doc.RootElement.GetProperty("warmupSteps").GetInt32());
        foreach (var range in doc.RootElement.GetProperty("ranges").EnumerateArray())
            Assert.Contains(range.GetProperty("verdict").GetString() + ":", table);
    }

    [Theory]
    [InlineData("cosine 100 peak=0.1", "has no warmup")]
    [InlineData("warmup 10 >> constant 1 |> take 50 --peaks 1,-2", "--peaks was '1,-2'")]
    [InlineData("warmup 10 >> constant 1 |> take 50 --seeds 0", "--seeds was 0")]
    [InlineData("warmup 10 >> constant 1 |> take 50 --peaks 1e300", "more than 1e100 times the recipe's own peak of 1")]
    [InlineData("warmup 10 >> constant 1 |> take 50 --chart x", "'x'")]
    [InlineData("warmup 10 >> constant 1 |> take 50 --out chart.gif", ".gif")]
    public void Bad_input_is_one_line_and_exit_2(string arguments, string said)
    {
        int options = arguments.IndexOf(" --", StringComparison.Ordinal);
        string[] args = options < 0 ? ["warmup-study", arguments] : ["warmup-study", arguments[..options], .. arguments[(options + 1)..].Split(' ')];
        var (code, output, error) = CliRun.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(said, error);
    }

    [Fact]
    public void Out_draws_the_demo_and_says_where()
    {
        string dir = Directory.CreateTempSubdirectory("lrcompose-warmup-").FullName;
        try
        {
            string path = Path.Combine(dir, "sharpness.svg");
            var (code, output, _) = CliRun.Run("warmup-study", Recipe, "--peaks", "1", "--seeds", "1", "--out", path);
            Assert.Equal(0, code);
            Assert.StartsWith($"wrote {path}", output);
            string svg = File.ReadAllText(path);
            Assert.Contains("2/η with the warmup", svg);
            Assert.Contains("λ_max without it", svg);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
