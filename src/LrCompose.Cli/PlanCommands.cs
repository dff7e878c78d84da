using System.Globalization;
using System.Text.Json;

namespace LrCompose.Cli;

/// <summary>
/// <c>table</c>, <c>describe</c> and <c>plot</c> of a training plan: given where a recipe goes, a plan's text (one
/// <c>KEY: RECIPE</c> a line, or <c>;</c>-separated) or a file holding its text or JSON form, they show every entry on
/// one axis of optimizer steps — entries counted in samples or tokens converted through the plan's batch-size schedule,
/// learning rates rescaled by its rule, exactly as the optimizer bindings apply them.
/// </summary>
internal static class PlanCommands
{
    /// <summary>The plan an argument names (a file, or the text itself), or null when it is a recipe.</summary>
    public static TrainingPlan? Read(string argument)
    {
        string text = argument;
        if (File.Exists(argument))
        {
            text = File.ReadAllText(argument);
            // A JSON file without a plan's "entries" is left to the configuration readers (a ds_config.json, say).
            if (text.TrimStart().StartsWith('{') && !IsPlanJson(text)) return null;
            if (text.TrimStart().StartsWith('{'))
            {
                try
                {
                    return TrainingPlan.FromJson(text);
                }
                catch (RecipeFormatException e)
                {
                    // The JSON spans many lines: name the file and the problem, on one.
                    throw new CliInputException($"{argument} is not a training plan in JSON: {e.Problem}");
                }
            }
        }
        return TrainingPlan.LooksLikePlan(text) ? TrainingPlan.Parse(text) : null;
    }

    private static bool IsPlanJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("entries", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // not JSON at all: the configuration reader names the line and column
        }
    }

    /// <summary>Runs a plan command, reporting a value the plan refuses (a step past what its batch-size schedule can
    /// count, say) as bad input, in one line.</summary>
    public static int Guarded(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    /// <summary>Refuses the options that mean something for one recipe only.</summary>
    public static void RefuseRecipeOptions(bool momentum, string? observations)
    {
        if (momentum) throw new CliInputException("--momentum mirrors one recipe's rate: a plan schedules its momentum as an entry (momentum: …)");
        if (observations is not null) throw new CliInputException("--observations resolves a live recipe: a plan's entries are plain recipes");
    }

    /// <summary>How many steps to show: the given number, else the step at which the longest finite entry ends, else 10,000.</summary>
    public static long Horizon(TrainingPlan plan, long? steps)
    {
        if (steps is { } n) return n >= 1 ? n : throw new CliInputException($"--steps was {n}: it must be at least 1");
        long longest = 0;
        foreach (var e in plan.Entries)
        {
            if (e.Schedule.Length is not { } length) continue;
            longest = Math.Max(longest, e.Unit switch
            {
                PlanUnit.Samples => plan.BatchSize!.StepForSamples(length),
                PlanUnit.Tokens => plan.BatchSize!.StepForTokens(length, plan.TokensPerSample!.Value),
                _ => length,
            });
        }
        return longest > 0 ? longest : 10_000;
    }

    /// <summary>An entry as a function of the optimizer step: its own schedule where it counts steps and nothing
    /// rescales it (so describe sees its phases), else what the plan gives at each step.</summary>
    public static Schedule Curve(TrainingPlan plan, PlanEntry entry) =>
        entry.Unit == PlanUnit.Steps && (entry.Field != PlanField.LearningRate || plan.Rescale == LearningRateRescale.None)
            ? entry.Schedule
            : Schedule.FromFunction(step => plan.Value(entry.Field, step, entry.Group), entry.Key);

    /// <summary>The rows of <c>table</c>: CSV through the library's <see cref="PlanCsvWriter"/>, or JSON with the same columns.</summary>
    public static int Table(TrainingPlan plan, long[] rows, string format, TextWriter output)
    {
        if (format != "json")
        {
            var csv = new PlanCsvWriter(output, plan);
            foreach (long t in rows) csv.Write(plan.ValuesAt(t));
            return CliApp.Ok;
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (long t in rows)
            {
                var values = plan.ValuesAt(t);
                w.WriteStartObject();
                w.WriteNumber("step", t);
                if (values.BatchSize is { } b) w.WriteNumber("batch-size", b);
                if (values.Samples is { } s) w.WriteNumber("samples", s);
                if (values.Tokens is { } k) w.WriteNumber("tokens", k);
                foreach (var v in values.Values) w.WriteNumber(v.Entry.Key, v.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return CliApp.Ok;
    }

    /// <summary><c>describe</c>: the plan's options and fingerprint, then each entry's report over the horizon.</summary>
    public static int Describe(TrainingPlan plan, long horizon, TextWriter output)
    {
        output.WriteLine($"plan     {plan.Entries.Length} entries, fingerprint {plan.Fingerprint}");
        if (plan.BatchSize is { } batch)
        {
            output.WriteLine($"batch    {batch}{(batch.InTokens ? " (thresholds in tokens)" : "")}, stages from steps {string.Join(", ", batch.StageStarts)}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"consumed {batch.SamplesAt(horizon)} samples by step {horizon}") +
                             (plan.TokensPerSample is { } n ? string.Create(CultureInfo.InvariantCulture, $", {batch.TokensAt(horizon, n)} tokens") : ""));
        }
        if (plan.Rescale != LearningRateRescale.None) output.WriteLine($"rescale  learning rates × {(plan.Rescale == LearningRateRescale.Sqrt ? "√" : "")}(batch / {plan.BatchSize!.InitialBatchSize})");
        foreach (var entry in plan.Entries)
        {
            output.WriteLine();
            output.WriteLine($"== {entry.Key}{(entry.Unit == PlanUnit.Steps ? "" : $" (its recipe counts {entry.Unit.ToString().ToLowerInvariant()}; shown per step)")}");
            output.Write(ScheduleReport.Of(Curve(plan, entry), horizon).Render());
        }
        return CliApp.Ok;
    }

    /// <summary>Every entry as a series on one step axis: learning rates on the left, the other fields on the right.</summary>
    public static List<Series> Series(TrainingPlan plan) =>
        plan.Entries.Select(e => new Series(e.Key, Curve(plan, e), RightAxis: e.Field != PlanField.LearningRate && plan.Fields.Contains(PlanField.LearningRate))).ToList();
}
