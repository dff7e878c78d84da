using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LrCompose.Forecast;

namespace LrCompose.Cli.Forecast;

/// <summary><c>optimize LAW --steps N --peak X --warmup W [--floor F] [--rates out.csv] [--json]</c>.</summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var law = new Argument<string>("law") { Description = "A fitted multi-power law (the JSON that fit --out writes)" };
        var steps = new Option<long>("--steps") { Description = "The run's length in steps", Required = true };
        var peak = new Option<double>("--peak") { Description = "The peak rate, reached at the end of the warmup", Required = true };
        var warmup = new Option<long>("--warmup") { Description = "The linear warmup's steps, from 0 to the peak (numpy linspace: the peak at step W-1)", Required = true };
        var floor = new Option<double>("--floor") { Description = "The lowest rate allowed (default 0)", DefaultValueFactory = _ => 0 };
        var rates = new Option<string?>("--rates") { Description = "Write the per-step schedule as a step,lr CSV" };
        var plot = new Option<string?>("--plot") { Description = "Draw the per-step schedule and the recipe to this .svg or .png file" };
        var beside = new Option<string?>("--beside") { Description = "With --plot: also draw this step,lr CSV (steps it does not list take the recipe's rate)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table" };
        var command = new Command("optimize", "The schedule a fitted law predicts to end lowest: per step, and as the nearest short recipe.")
            { law, steps, peak, warmup, floor, rates, plot, beside, json };
        command.SetAction(parse => ForecastInput.Guarded(() =>
        {
            var (fitted, _) = ForecastInput.Law(parse.GetValue(law)!);
            if (fitted is not MultiPowerLaw multiPower) throw new CliInputException($"optimize needs a multi-power law, not {fitted.Name}");
            var found = ScheduleOptimizer.Optimize(multiPower, parse.GetValue(steps), parse.GetValue(peak), parse.GetValue(warmup), parse.GetValue(floor),
                new SlowProgress(parse.InvocationConfiguration.Error));
            if (parse.GetValue(rates) is { } path)
            {
                var csv = new StringBuilder("step,lr\n");
                for (int k = 0; k < found.Rates.Length; k++) csv.Append(k).Append(',').Append(found.Rates[k].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                FileOutput.WriteAtomically(path, Encoding.UTF8.GetBytes(csv.ToString()));
            }
            if (parse.GetValue(plot) is { } picture)
            {
                var series = new List<(string, double[])> { ("per step (predicted final loss " + ForecastInput.F(found.PerStepFinalLoss) + ")", [.. found.Rates]) };
                series.Add(("recipe (" + ForecastInput.F(found.RecipeFinalLoss) + "): " + found.Recipe, [.. Enumerable.Range(0, found.Rates.Length).Select(k => found.Recipe.Rate(k))]));
                if (parse.GetValue(beside) is { } other)
                {
                    var csv = CsvLog.Read(other, "step", "lr");
                    var values = series[1].Item2.ToArray();
                    foreach (var (row, cells) in csv.Rows)
                        if (long.TryParse(csv.Cell(cells, "step"), out long k) && k >= 0 && k < values.Length)
                            values[k] = double.Parse(csv.Cell(cells, "lr"), CultureInfo.InvariantCulture);
                    series.Add((Path.GetFileName(other) + " (" + ForecastInput.F(multiPower.ExactFinal(values)) + ")", values));
                }
                byte[] image = ForecastCharts.RenderRates(series, Charts.FormatOf(picture), "optimized schedules");
                FileOutput.WriteAtomically(picture, image);
            }
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                writer.WriteLine(new JsonObject
                {
                    ["recipe"] = found.Recipe.ToString(),
                    ["recipe_final_loss"] = found.RecipeFinalLoss,
                    ["per_step_final_loss"] = found.PerStepFinalLoss,
                }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            else
            {
                writer.WriteLine($"per-step schedule  final loss {ForecastInput.F(found.PerStepFinalLoss, 6)}");
                writer.WriteLine($"short recipe       final loss {ForecastInput.F(found.RecipeFinalLoss, 6)}  {found.Recipe}");
                if (parse.GetValue(rates) is { } written) writer.WriteLine($"wrote {written}");
                if (parse.GetValue(plot) is { } drawn) writer.WriteLine($"wrote {drawn}");
            }
            return CliApp.Ok;
        }));
        return command;
    }
}
