using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using LrCompose.Forecast;

namespace LrCompose.Cli.Forecast;

/// <summary><c>predict LAW RECIPE… [--at STEP…] [--plot out.svg] [--runs MANIFEST [--logs DIR]] [--json]</c>.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var law = new Argument<string>("law") { Description = "A fitted law (the JSON that fit --out writes)" };
        var recipes = new Argument<string[]>("recipe") { Description = "Recipes to predict (with --runs, none: every run's own schedule)", Arity = ArgumentArity.ZeroOrMore };
        var at = new Option<long[]>("--at") { Description = "The steps to predict at (repeatable; default: about 200 over the schedule)", AllowMultipleArgumentsPerToken = true };
        var plot = new Option<string?>("--plot") { Description = "Draw the predicted curves to this .svg or .png file" };
        var runs = new Option<string?>("--runs") { Description = "A manifest: its runs' real curves are drawn beside the predictions" };
        var logs = new Option<string?>("--logs") { Description = "With --runs: read the logs from this folder" };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table" };
        var command = new Command("predict", "Predict the loss curve of schedules with a fitted law.") { law, recipes, at, plot, runs, logs, json };
        command.SetAction(parse => ForecastInput.Guarded(() =>
        {
            var (fitted, _) = ForecastInput.Law(parse.GetValue(law)!);
            var texts = parse.GetValue(recipes) ?? [];
            var real = parse.GetValue(runs) is { } manifest ? ForecastInput.Runs(manifest, parse.GetValue(logs)) : [];
            if (texts.Length == 0 && real.Count == 0) throw new CliInputException("give at least one recipe, or --runs");
            var curves = new List<ForecastCharts.Curve>();
            var predictions = new List<(string Schedule, long[] Steps, double[] Loss)>();
            if (texts.Length == 0)
            {
                // Every run's own schedule at its logged steps, beside its real curve.
                foreach (var run in real)
                {
                    long[] steps = parse.GetValue(at) is { Length: > 0 } given ? given : [.. run.Curve.Steps];
                    double[] loss = fitted.Predict(run.Schedule, steps);
                    predictions.Add((run.Schedule.ToString(), steps, loss));
                    curves.Add(new(run.Log, steps, loss, [.. run.Curve.Steps], [.. run.Curve.Losses]));
                }
            }
            foreach (string text in texts)
            {
                var schedule = Recipe.Read(text).Schedule;
                long[] steps = ForecastInput.Steps(schedule, parse.GetValue(at));
                double[] loss = fitted.Predict(schedule, steps);
                predictions.Add((text, steps, loss));
                var match = real.FirstOrDefault(r => r.Schedule.ToString() == schedule.ToString());
                curves.Add(new(text, steps, loss, match is null ? null : [.. match.Curve.Steps], match is null ? null : [.. match.Curve.Losses]));
            }
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(plot) is { } path)
            {
                byte[] image = ForecastCharts.Render(curves, Charts.FormatOf(path), $"predicted loss ({fitted.Name} law)");
                FileOutput.WriteAtomically(path, image);
                if (!parse.GetValue(json)) writer.WriteLine($"wrote {path} ({image.Length} bytes, {curves.Count} curves)");
            }
            if (parse.GetValue(json)) writer.WriteLine(Json(predictions));
            else if (parse.GetValue(plot) is null) writer.Write(Table(predictions));
            return CliApp.Ok;
        }));
        return command;
    }

    private static string Json(List<(string Schedule, long[] Steps, double[] Loss)> predictions)
    {
        var list = new JsonArray();
        foreach (var (schedule, steps, loss) in predictions)
            list.Add(new JsonObject
            {
                ["schedule"] = schedule,
                ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]),
                ["loss"] = new JsonArray([.. loss.Select(l => (JsonNode)l)]),
            });
        return new JsonObject { ["predictions"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Table(List<(string Schedule, long[] Steps, double[] Loss)> predictions)
    {
        var w = new StringWriter();
        foreach (var (schedule, steps, loss) in predictions)
        {
            w.WriteLine(schedule);
            // At most about 12 rows: every k-th point and the last.
            int every = Math.Max(1, steps.Length / 10);
            for (int i = 0; i < steps.Length; i++)
                if (i % every == 0 || i == steps.Length - 1) w.WriteLine($"  step {steps[i],10}  loss {ForecastInput.F(loss[i])}");
        }
        return w.ToString();
    }
}
