using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace LrCompose.Cli;

/// <summary>
/// <c>lr-find LOG.csv [--rules fastai|torch-lr-finder] [--json] [--out FILE]</c>: a learning-rate range test's log
/// (columns <c>lr</c> and <c>loss</c>, one row per iteration, raw losses) read through a peer's rules.
/// </summary>
internal static class LrFindCommand
{
    public static Command Create()
    {
        var log = new Argument<string>("log") { Description = "A CSV with a header naming the columns lr and loss, one row per iteration, raw losses (nan and inf accepted)" };
        var rules = new Option<string>("--rules") { Description = "fastai (valley, slide, minimum, steep) or torch-lr-finder (steepest)", DefaultValueFactory = _ => "fastai" };
        rules.AcceptOnlyFromAmong("fastai", "torch-lr-finder");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var planned = new Option<long?>("--iterations") { Description = "The sweep's planned length, when it stopped early (fastai trims by it); default: the rows of the log" };
        var output = new Option<string?>("--out") { Description = "Draw the smoothed loss against the rate, every suggestion marked, to this .png or .svg" };
        var command = new Command("lr-find", "Suggest learning rates from a range test's log, by fastai's or torch-lr-finder's rules.") { log, rules, json, planned, output };
        command.SetAction(parse =>
        {
            var (rates, losses) = Read(parse.GetValue(log)!);
            var which = parse.GetValue(rules) == "fastai" ? RangeTestRules.Fastai : RangeTestRules.TorchLrFinder;
            if (parse.GetValue(planned) is { } n && n < rates.Length)
                throw new CliInputException($"--iterations was {n}: it must be at least the {rates.Length} iterations in the log");
            var result = RangeTestRecorder.Analyse(which, rates, losses, parse.GetValue(planned));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) is { } path)
            {
                byte[] image = Charts.RenderRangeTest(result, Charts.FormatOf(path), $"range test, {parse.GetValue(rules)} rules");
                FileOutput.WriteAtomically(path, image);
                if (!parse.GetValue(json)) writer.WriteLine($"wrote {path} ({image.Length} bytes)");
            }
            if (parse.GetValue(json)) writer.WriteLine(Json(parse.GetValue(rules)!, result));
            else
            {
                writer.WriteLine($"rules     {parse.GetValue(rules)}");
                long sweep = parse.GetValue(planned) ?? rates.Length;
                writer.WriteLine($"recorded  {result.Recorded} of {sweep} iterations{(result.Recorded < sweep ? " (stopped: the loss diverged)" : "")}");
                writer.WriteLine($"kept      {result.Kept}");
                if (result.Suggestions.Count == 0) writer.WriteLine("too few points kept to suggest a rate");
                foreach (var (name, value) in result.Suggestions) writer.WriteLine($"{name,-9} {R(value)}");
            }
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Reads the log; a malformed one is one line saying which row and why.</summary>
    internal static (double[] Rates, double[] Losses) Read(string path)
    {
        var log = CsvLog.Read(path, "lr", "loss");
        var rates = new List<double>();
        var losses = new List<double>();
        foreach (var (row, cells) in log.Rows)
        {
            double rate = Number(log.Cell(cells, "lr"), path, row, "lr");
            if (!(rate > 0) || double.IsInfinity(rate)) throw log.Problem(row, $"lr must be a finite rate above 0, not '{log.Cell(cells, "lr")}'");
            rates.Add(rate);
            losses.Add(Number(log.Cell(cells, "loss"), path, row, "loss"));
        }
        if (rates.Count == 0) throw new CliInputException($"{path}: no iterations after the header");
        return (rates.ToArray(), losses.ToArray());
    }

    private static double Number(string cell, string path, int row, string column)
    {
        string text = cell.Trim().Trim('"');
        switch (text.ToLowerInvariant())
        {
            case "nan": return double.NaN;
            case "inf" or "+inf" or "infinity" or "+infinity": return double.PositiveInfinity;
            case "-inf" or "-infinity": return double.NegativeInfinity;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new CliInputException($"{path} row {row}: {column} is not a number: '{text}'");
    }

    private static string Json(string rules, RangeTestResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("rules", rules);
            w.WriteNumber("recorded", result.Recorded);
            w.WriteNumber("kept", result.Kept);
            w.WriteStartObject("suggestions");
            foreach (var (name, value) in result.Suggestions) w.WriteNumber(name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
