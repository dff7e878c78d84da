using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LrCompose.Cli.Training;

namespace LrCompose.Cli;

/// <summary>
/// <c>warmup-study RECIPE [--peaks LIST] [--seeds N] [--json] [--out FILE [--chart sharpness|loss]]</c>: the warmup
/// recipe scaled to each peak and trained on the sharp network with and without its warmup, over several seeds; the
/// table of final losses, the verdict at each peak and the ranges where the warmup is not needed, helps, or fails.
/// </summary>
internal static class WarmupStudyCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe that rises to its peak first (a warmup), e.g. \"warmup 100 >> constant 1 |> take 400\"" };
        var peaks = new Option<string?>("--peaks") { Description = "Comma-separated peak rates to scale the recipe to (default 0.05,0.1,0.2,0.5,1,2,5)" };
        var seeds = new Option<int>("--seeds") { Description = "Initialisations to train from, seeds 1 to N (1 to 20)", DefaultValueFactory = _ => WarmupStudy.DefaultSeeds };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table" };
        var output = new Option<string?>("--out") { Description = "Draw seed 1 at the recipe's own peak, with and without the warmup, to this .png or .svg" };
        var chart = new Option<string>("--chart") { Description = "What --out draws: sharpness (λ_max and 2/η over training) or loss", DefaultValueFactory = _ => "sharpness" };
        chart.AcceptOnlyFromAmong("sharpness", "loss");
        var command = new Command("warmup-study", "Measure what a warmup does on a model whose loss starts sharp: final losses with and without it across peaks and seeds.")
            { recipe, peaks, seeds, json, output, chart };
        command.SetAction(parse =>
        {
            var schedule = Recipe.Read(parse.GetValue(recipe)!).Schedule;
            double[] peakList = Peaks(parse.GetValue(peaks));
            int count = parse.GetValue(seeds);
            if (count is < 1 or > 20) throw new CliInputException($"--seeds was {count}: it must be a whole number from 1 to 20");
            var writer = parse.InvocationConfiguration.Output;
            // A recipe without a warmup, or a peak it cannot be scaled to, is refused before any training or file.
            var comparison = WarmupComparison.Of(schedule);
            foreach (double peak in peakList) comparison.AtPeak(peak);
            if (parse.GetValue(output) is { } path)
            {
                string format = Charts.FormatOf(path);
                var demo = WarmupDemo.Run(schedule);
                byte[] image = parse.GetValue(chart) == "loss" ? WarmupCharts.Losses(demo, format) : WarmupCharts.Sharpness(demo, format);
                FileOutput.WriteAtomically(path, image);
                if (!parse.GetValue(json)) writer.WriteLine($"wrote {path} ({image.Length} bytes)");
            }
            var study = WarmupStudy.Measure(schedule, peakList, count, new Forecast.SlowProgress(parse.InvocationConfiguration.Error));
            writer.WriteLine(parse.GetValue(json) ? Json(study) : Table(study));
            return CliApp.Ok;
        });
        return command;
    }

    private static double[] Peaks(string? text)
    {
        if (text is null) return WarmupStudy.DefaultPeaks;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var peaks = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out peaks[i]) || !(peaks[i] > 0) || !double.IsFinite(peaks[i]))
                throw new CliInputException($"--peaks was '{text}': each peak must be a finite rate above 0, and '{parts[i]}' is not");
        if (peaks.Length > 20) throw new CliInputException($"--peaks was '{text}': at most 20 peaks, not {peaks.Length}");
        return [.. peaks.Distinct().Order()];
    }

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    private static string Loss(IEnumerable<SharpRun> runs)
    {
        double median = Median(runs.Select(r => r.Final));
        return double.IsFinite(median) ? median.ToString("0.0e+0", CultureInfo.InvariantCulture) : "diverged";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The verdict in words, as the docs' table says it.</summary>
    internal static string Words(WarmupVerdict verdict) => verdict switch
    {
        WarmupVerdict.NotNeeded => "not needed",
        WarmupVerdict.Helps => "warmup helps",
        WarmupVerdict.Hurts => "warmup hurts",
        WarmupVerdict.HelpsSome => "warmup helps some seeds",
        WarmupVerdict.Fails => "even warmup fails",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "not a verdict"),
    };

    /// <summary>A Markdown table (readable as it is in a terminal), then the ranges as a list, one a line.</summary>
    internal static string Table(WarmupStudy study)
    {
        var c = study.Comparison;
        int n = study.Seeds.Count;
        var lines = new List<string>
        {
            $"recipe   {c.With}  (warmup {c.WarmupSteps} steps, {c.Steps} steps in all)",
            $"without  {c.Without}",
            $"model    sharp network: {SharpNetwork.Description}",
            $"seeds    1 to {n}; λ_max at initialisation {G(study.InitialSharpness.Min())} to {G(study.InitialSharpness.Max())} (2/λ_max {G(2 / study.InitialSharpness.Max())} to {G(2 / study.InitialSharpness.Min())})",
            $"trained  the final loss is below {G(SharpNetwork.TrainedFraction * 100)}% of the initial loss",
            "",
            "| peak | trained without warmup | trained with warmup | median final loss without | median final loss with | verdict |",
            "|---:|---:|---:|---:|---:|---|",
        };
        foreach (var row in study.Rows)
            lines.Add($"| {G(row.Peak)} | {row.TrainedWithout}/{n} | {row.TrainedWith}/{n} | {Loss(row.Without)} | {Loss(row.With)} | {Words(row.Verdict)} |");
        lines.Add("");
        foreach (var range in study.Ranges)
            lines.Add($"- {Words(range.Verdict)}: {(range.From == range.To ? $"peak {G(range.From)}" : $"peaks {G(range.From)} to {G(range.To)}")}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Json(WarmupStudy study)
    {
        static JsonArray Finals(IEnumerable<SharpRun> runs) => [.. runs.Select(r => double.IsFinite(r.Final) ? JsonValue.Create(r.Final) : null)];
        var c = study.Comparison;
        var rows = new JsonArray();
        foreach (var row in study.Rows)
            rows.Add(new JsonObject
            {
                ["peak"] = row.Peak, ["finalWithout"] = Finals(row.Without), ["finalWith"] = Finals(row.With),
                ["trainedWithout"] = row.TrainedWithout, ["trainedWith"] = row.TrainedWith, ["verdict"] = Words(row.Verdict),
            });
        var ranges = new JsonArray();
        foreach (var r in study.Ranges) ranges.Add(new JsonObject { ["verdict"] = Words(r.Verdict), ["from"] = r.From, ["to"] = r.To });
        var root = new JsonObject
        {
            ["recipe"] = c.With.ToString(), ["withoutWarmup"] = c.Without.ToString(), ["warmupSteps"] = c.WarmupSteps, ["steps"] = c.Steps,
            ["model"] = SharpNetwork.Description, ["seeds"] = new JsonArray([.. study.Seeds.Select(s => JsonValue.Create(s))]),
            ["initialSharpness"] = new JsonArray([.. study.InitialSharpness.Select(s => JsonValue.Create(s))]),
            ["trainedFraction"] = SharpNetwork.TrainedFraction, ["rows"] = rows, ["ranges"] = ranges,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
