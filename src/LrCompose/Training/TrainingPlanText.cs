using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LrCompose;

public sealed partial class TrainingPlan
{
    /// <summary>
    /// Reads the text form: one <c>KEY: VALUE</c> per line (or separated by <c>;</c> on one line), <c>#</c> starting a
    /// comment line. Keys are the options <c>batch-size</c> (Megatron's <c>"0:768 250B:1536"</c>; <c>batch-size@tokens</c>
    /// when the thresholds count tokens), <c>tokens-per-sample</c> and <c>lr-rescale</c> (<c>none</c>, <c>sqrt</c>,
    /// <c>linear</c>), and entries <c>[GROUP/]FIELD[@samples|@tokens]</c> whose value is a recipe.
    /// </summary>
    /// <exception cref="RecipeFormatException">A line that is not <c>KEY: VALUE</c>, an unknown option value, a recipe
    /// that does not parse, or a plan a rule refuses; the exception's recipe is the line, its position where.</exception>
    public static TrainingPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        string? batchText = null;
        bool batchInTokens = false;
        long? tokensPerSample = null;
        var rescale = LearningRateRescale.None;
        var entries = new List<(string Line, int ValueAt, Match Key, string Value)>();
        var seen = new HashSet<string>();
        foreach (string line in lines)
        {
            var key = Key().Match(line);
            if (!key.Success)
                throw new RecipeFormatException(line, 0, "a plan line is KEY: VALUE (lr: cosine 1000 peak=0.1, embeddings/lr: …, batch-size: 0:768 250B:1536)");
            // One line per option and per group's field: a second one would silently replace the first.
            string what = key.Groups["group"].Value + "/" + key.Groups["field"].Value;
            if (!seen.Add(what))
                throw new RecipeFormatException(line, 0, $"{line[..line.IndexOf(':')].Trim()} is given twice: a plan has one line per option and per field of a group");
            int valueAt = key.Length;
            string value = line[valueAt..].Trim();
            valueAt += line[valueAt..].Length - line[valueAt..].TrimStart().Length;
            string name = key.Groups["field"].Value;
            bool isOption = PlanField.Reserved.Contains(name);
            if (isOption && key.Groups["group"].Success)
                throw new RecipeFormatException(line, 0, $"{name} is a plan option: it has no group");
            switch (name)
            {
                case "batch-size":
                    batchText = value;
                    batchInTokens = key.Groups["unit"].Value switch
                    {
                        "" or "samples" => false,
                        "tokens" => true,
                        var u => throw new RecipeFormatException(line, key.Groups["unit"].Index, $"batch-size thresholds count samples or tokens, not {u}"),
                    };
                    break;
                case "tokens-per-sample":
                    tokensPerSample = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n >= 1 ? n
                        : throw new RecipeFormatException(line, valueAt, $"tokens-per-sample must be a whole number of at least 1, not '{value}'");
                    break;
                case "lr-rescale":
                    rescale = value switch
                    {
                        "none" => LearningRateRescale.None,
                        "sqrt" => LearningRateRescale.Sqrt,
                        "linear" => LearningRateRescale.Linear,
                        _ => throw new RecipeFormatException(line, valueAt, $"lr-rescale is none, sqrt or linear, not '{value}'"),
                    };
                    break;
                default:
                    entries.Add((line, valueAt, key, value));
                    break;
            }
        }

        BatchSizeSchedule? batch = null;
        if (batchText is not null)
        {
            string line = lines.First(l => l.StartsWith("batch-size", StringComparison.Ordinal));
            if (batchInTokens && tokensPerSample is null)
                throw new RecipeFormatException(line, 0, "batch-size@tokens counts tokens: give tokens-per-sample too");
            batch = Refused(line, () => BatchSizeSchedule.Parse(batchText, batchInTokens ? tokensPerSample : null));
        }
        var plan = Refused(lines.FirstOrDefault() ?? "", () => new TrainingPlan(batch, tokensPerSample, LearningRateRescale.None));
        foreach (var (line, valueAt, key, value) in entries)
        {
            var unit = key.Groups["unit"].Value switch
            {
                "" => PlanUnit.Steps,
                "samples" => PlanUnit.Samples,
                "tokens" => PlanUnit.Tokens,
                var u => throw new RecipeFormatException(line, key.Groups["unit"].Index, $"an entry counts steps, @samples or @tokens, not @{u}"),
            };
            Schedule schedule;
            try
            {
                schedule = Schedule.Parse(value);
            }
            catch (RecipeFormatException e)
            {
                throw new RecipeFormatException(line, valueAt + e.Position, e.Problem);
            }
            string field = key.Groups["field"].Value;
            plan = Refused(line, () => key.Groups["group"].Success
                ? plan.Group(key.Groups["group"].Value, field, schedule, unit)
                : plan.With(field, schedule, unit));
        }
        return rescale == LearningRateRescale.None ? plan : Refused(lines.First(l => l.StartsWith("lr-rescale", StringComparison.Ordinal)), () => plan.WithRescale(rescale));
    }

    /// <summary>True when <paramref name="text"/> is written as a plan (its first line is <c>KEY: …</c>), not as one recipe.</summary>
    public static bool LooksLikePlan(string text) => text is not null && Lines(text) is [var first, ..] && Key().IsMatch(first);

    private string Print()
    {
        var w = new StringBuilder();
        if (BatchSize is { } b) w.Append(b.InTokens ? "batch-size@tokens: " : "batch-size: ").Append(b).Append('\n');
        if (TokensPerSample is { } n) w.Append("tokens-per-sample: ").Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (Rescale != LearningRateRescale.None) w.Append("lr-rescale: ").Append(Rescale.ToString().ToLowerInvariant()).Append('\n');
        foreach (var e in Entries) w.Append(e.Key).Append(": ").Append(e.Schedule).Append('\n');
        return w.ToString().TrimEnd('\n');
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split(['\n', ';'], StringSplitOptions.TrimEntries)
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static T Refused<T>(string line, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is ArgumentException or FormatException and not RecipeFormatException)
        {
            throw new RecipeFormatException(line, 0, e.Message);
        }
    }

    [GeneratedRegex(@"^((?<group>[A-Za-z0-9_.-]+)/)?(?<field>[a-z][a-z0-9-]*)(@(?<unit>[a-z]+))?\s*:")]
    private static partial Regex Key();
}
