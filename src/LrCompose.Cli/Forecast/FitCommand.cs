using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LrCompose.Forecast;

namespace LrCompose.Cli.Forecast;

/// <summary><c>fit MANIFEST [--logs DIR] [--law multi-power|momentum] [--out law.json] [--json]</c>: fits a law on the
/// manifest's train runs and reports each run's metrics and the test average.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "A manifest: {\"runs\": [{\"log\": …, \"schedule\": …, \"role\": \"train\"|\"test\"}]}" };
        var logs = new Option<string?>("--logs") { Description = "Read the logs' file names from this folder instead of the manifest's" };
        var law = new Option<string>("--law") { Description = "multi-power (default) or momentum", DefaultValueFactory = _ => "multi-power" };
        law.AcceptOnlyFromAmong("multi-power", "momentum");
        var output = new Option<string?>("--out") { Description = "Write the fitted law (with its band) to this JSON file" };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table" };
        var command = new Command("fit", "Fit a loss-curve law to the train runs of a manifest; report every run's metrics and the test average.")
            { manifest, logs, law, output, json };
        command.SetAction(parse => ForecastInput.Guarded(() =>
        {
            var runs = ForecastInput.Runs(parse.GetValue(manifest)!, parse.GetValue(logs));
            var kind = parse.GetValue(law) == "momentum" ? LawKind.Momentum : LawKind.MultiPower;
            var fit = LawFit.Fit(runs, new FitOptions(kind), new SlowProgress(parse.InvocationConfiguration.Error));
            var rows = runs.Select(r => (Run: r, Metrics: CurveMetrics.Of(r.Curve.Losses, fit.Law.Predict(r.Schedule, r.Curve.Steps)))).ToList();
            var tests = rows.Where(r => r.Run.Role == RunRole.Test).Select(r => r.Metrics).ToList();
            CurveMetrics? average = tests.Count > 0 ? CurveMetrics.Average(tests) : null;
            if (parse.GetValue(output) is { } path)
            {
                FileOutput.WriteAtomically(path, Encoding.UTF8.GetBytes(LawJson.Write(fit.Law, fit.SubsetLaws) + "\n"));
            }
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) writer.WriteLine(Json(fit.Law, rows, average));
            else writer.Write(Table(fit, rows, average, parse.GetValue(output)));
            return CliApp.Ok;
        }));
        return command;
    }

    internal static JsonObject Metrics(CurveMetrics m) => new()
    {
        ["r2"] = m.R2, ["mae"] = m.Mae, ["rmse"] = m.Rmse, ["prede"] = m.PredE, ["worste"] = m.WorstE,
    };

    private static string Json(ILossLaw law, List<(Run Run, CurveMetrics Metrics)> rows, CurveMetrics? average)
    {
        var runs = new JsonArray();
        foreach (var (run, m) in rows)
        {
            var entry = new JsonObject { ["log"] = run.Log, ["role"] = run.Role == RunRole.Train ? "train" : "test" };
            foreach (var (key, value) in Metrics(m)) entry[key] = value?.DeepClone();
            runs.Add(entry);
        }
        return new JsonObject
        {
            ["law"] = LawJson.ToNode(law),
            ["runs"] = runs,
            ["test_average"] = average is null ? null : Metrics(average),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Table(LawFitResult fit, List<(Run Run, CurveMetrics Metrics)> rows, CurveMetrics? average, string? path)
    {
        var w = new StringWriter();
        w.WriteLine($"law      {fit.Law.Name}: " + string.Join(", ", fit.Law.Parameters.Select(p => $"{p.Key}={p.Value:G6}")));
        if (fit.Selection.Count > 0) w.WriteLine($"strength {fit.Strength:G3} (chosen by leave-one-run-out)");
        w.WriteLine();
        w.WriteLine($"{"log",-26} {"role",-5} {"R2",8} {"MAE",9} {"RMSE",9} {"PredE",9} {"WorstE",9}");
        foreach (var (run, m) in rows) w.WriteLine(Row(run.Log, run.Role == RunRole.Train ? "train" : "test", m));
        if (average is not null) w.WriteLine(Row("test average", "", average));
        if (path is not null) w.WriteLine($"\nwrote {path}");
        return w.ToString();
    }

    private static string Row(string name, string role, CurveMetrics m) =>
        $"{name,-26} {role,-5} {ForecastInput.F(m.R2),8} {ForecastInput.F(m.Mae, 6),9} {ForecastInput.F(m.Rmse, 6),9} {ForecastInput.F(m.PredE, 6),9} {ForecastInput.F(m.WorstE, 6),9}";
}
