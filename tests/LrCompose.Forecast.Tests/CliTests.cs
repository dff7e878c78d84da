using System.Text.Json;
using System.Xml.Linq;
using LrCompose.Cli;
using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>fit, predict, rank and optimize, run in-process: their JSON shapes, files, errors and exit codes.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-forecast-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string LawFile()
    {
        string path = Path.Combine(_dir, "law.json");
        File.WriteAllText(path, LawJson.Write(Shared.ReferenceLaw, [new MultiPowerLaw(3.05, 0.52, 0.5, 360, 2, 0.58, 0.64)]));
        return path;
    }

    [Fact]
    public void Fit_prints_the_documented_json_and_writes_the_law()
    {
        string law = Path.Combine(_dir, "fitted.json");
        var (code, output, _) = Run("fit", Shared.Manifest, "--logs", Shared.Curves, "--out", law, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("multi-power", root.GetProperty("law").GetProperty("law").GetString());
        Assert.Equal(MultiPowerLaw.Names, root.GetProperty("law").GetProperty("params").EnumerateObject().Select(p => p.Name));
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(9, runs.Count);
        Assert.Equal(["log", "role", "r2", "mae", "rmse", "prede", "worste"], runs[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, runs.Count(r => r.GetProperty("role").GetString() == "train"));
        var average = root.GetProperty("test_average");
        Assert.True(average.GetProperty("r2").GetDouble() >= Shared.Reference.GetProperty("test_average").GetProperty("r2").GetDouble());
        // The law file is the law's JSON form (with its band), and the law the output shows.
        var written = (MultiPowerLaw)LawJson.Read(law);
        Assert.Equal(root.GetProperty("law").GetProperty("params").GetProperty("L0").GetDouble(), written.L0);
        Assert.Equal(3, LawJson.ParseBand(File.ReadAllText(law)).Count);
    }

    [Fact]
    public void Fit_prints_a_table_for_people_and_fits_the_momentum_law()
    {
        var (code, output, _) = Run("fit", Shared.Manifest, "--logs", Shared.Curves, "--law", "momentum");
        Assert.Equal(0, code);
        Assert.StartsWith("law      momentum: L0=", output);
        Assert.Contains("test average", output);
        Assert.Contains("wsdcon_18.csv", output);
    }

    [Fact]
    public void Predict_prints_the_documented_json_at_the_given_steps()
    {
        long last = Shared.Steps("wsdld_20000_24000.csv")[^1];
        var (code, output, _) = Run("predict", LawFile(), "warmup 2159 >> hold 17841 >> linear 4000 from=3e-4 to=3e-5", "--at", "2176", last.ToString(), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var p = Assert.Single(doc.RootElement.GetProperty("predictions").EnumerateArray());
        Assert.Equal("warmup 2159 >> hold 17841 >> linear 4000 from=3e-4 to=3e-5", p.GetProperty("schedule").GetString());
        Assert.Equal([2176L, last], p.GetProperty("steps").EnumerateArray().Select(s => s.GetInt64()));
        double[] loss = [.. p.GetProperty("loss").EnumerateArray().Select(s => s.GetDouble())];
        var expected = Shared.Predicted("wsdld_20000_24000.csv");
        Assert.Equal(expected[0], loss[0], 1e-5);
        Assert.Equal(expected[^1], loss[1], 1e-5);
    }

    [Fact]
    public void Predict_without_steps_covers_the_schedule_from_its_peak()
    {
        var (code, output, _) = Run("predict", LawFile(), "warmup 2159 >> hold 17841 >> linear 4000 from=3e-4 to=3e-5", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        long[] steps = [.. doc.RootElement.GetProperty("predictions")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetInt64())];
        Assert.Equal(2159, steps[0]);
        Assert.Equal(23999, steps[^1]);
        Assert.InRange(steps.Length, 150, 250);
        Assert.Equal(2, Run("predict", LawFile(), "constant 0.1").Code);
    }

    [Fact]
    public void Predict_draws_predicted_and_real_curves()
    {
        string svg = Path.Combine(_dir, "runs.svg");
        var (code, output, _) = Run("predict", LawFile(), "--runs", Shared.Manifest, "--logs", Shared.Curves, "--plot", svg);
        Assert.Equal(0, code);
        Assert.Contains("wrote", output);
        var doc = XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("cosine_72000.csv", doc.ToString());
    }

    [Fact]
    public void Rank_orders_by_predicted_final_loss()
    {
        var (code, output, _) = Run("rank", LawFile(), "warmup 2159 >> hold 1 >> cosine 21840 peak=3e-4 floor=3e-5", "warmup 2159 >> hold 17841 >> linear 4000 from=3e-4 to=3e-5", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var ranking = doc.RootElement.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Contains("linear 4000", ranking[0].GetProperty("schedule").GetString());
        Assert.True(ranking[0].GetProperty("loss").GetDouble() < ranking[1].GetProperty("loss").GetDouble());
        Assert.All(ranking, r => Assert.True(r.GetProperty("low").GetDouble() <= r.GetProperty("high").GetDouble()));
    }

    [Fact]
    public void Optimize_prints_the_documented_json()
    {
        var (code, output, _) = Run("optimize", LawFile(), "--steps", "24000", "--peak", "3e-4", "--warmup", "2160", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["recipe", "recipe_final_loss", "per_step_final_loss"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("per_step_final_loss").GetDouble() <= 3.25795);
        Assert.StartsWith("warmup 2159 >> ", root.GetProperty("recipe").GetString());
    }

    [Fact]
    public void Bad_input_is_one_line_and_exit_2()
    {
        string bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "step,lr,loss\n2176,0.0003,4.1\n2304,0.0003,nan\n");
        string manifest = Path.Combine(_dir, "m.json");
        File.WriteAllText(manifest, """{"runs": [{"log": "bad.csv", "schedule": "warmup 2159 >> take 21841 (constant 3e-4)", "role": "train"}]}""");
        foreach (var args in new[]
        {
            new[] { "fit", manifest },
            ["fit", Path.Combine(_dir, "missing.json")],
            ["predict", Path.Combine(_dir, "nolaw.json"), "constant 0.1", "--at", "5"],
            ["predict", LawFile(), "warmup 10 >> take 90 (constant 0.1)", "--at", "500"],
            ["optimize", LawFile(), "--steps", "100", "--peak", "3e-4", "--warmup", "200"],
            ["fit", Shared.Manifest, "--logs", Path.Combine(_dir, "nowhere")],
        })
        {
            var (code, _, error) = Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)} exited {code}: {error}");
            Assert.StartsWith("error: ", error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        Assert.Contains("bad.csv line 3: loss is NaN", Run("fit", manifest).Err);
    }
}
