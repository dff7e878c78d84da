using System.Text;
using System.Text.Json;

namespace LrCompose;

public sealed partial class TrainingPlan
{
    /// <summary>
    /// The JSON form, for config files: the options under the words of the text form and one object per entry, its
    /// schedule in <see cref="ScheduleJson"/>'s form:
    /// <c>{"batch-size": "0:768 250B:1536", "entries": [{"field": "lr", "group": "embeddings", "per": "steps", "schedule": {…}}]}</c>.
    /// <see cref="FromJson"/> reads it back to an equal plan.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            if (BatchSize is { } b)
            {
                w.WriteString("batch-size", b.ToString());
                w.WriteString("batch-size-counts", b.InTokens ? "tokens" : "samples");
            }
            if (TokensPerSample is { } n) w.WriteNumber("tokens-per-sample", n);
            if (Rescale != LearningRateRescale.None) w.WriteString("lr-rescale", Rescale.ToString().ToLowerInvariant());
            w.WriteStartArray("entries");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("field", e.Field);
                if (e.Group is not null) w.WriteString("group", e.Group);
                w.WriteString("per", e.Unit.ToString().ToLowerInvariant());
                w.WritePropertyName("schedule");
                w.WriteRawValue(ScheduleJson.Write(e.Schedule));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the JSON form of <see cref="ToJson"/>.</summary>
    /// <exception cref="RecipeFormatException">Not JSON, a member of the wrong kind (the problem names its JSON path), or
    /// a plan a rule refuses.</exception>
    public static TrainingPlan FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1000 });
        }
        catch (JsonException e)
        {
            throw new RecipeFormatException(json, 0, $"not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(json, "$", "must be an object");
            Known(json, root, "$", RootMembers);
            // The JSON form says what the text form says: build that text, so both forms share one reader and its rules.
            var text = new StringBuilder();
            if (root.TryGetProperty("batch-size", out var batch))
            {
                string counts = root.TryGetProperty("batch-size-counts", out var c) ? String(json, c, "$.batch-size-counts") : "samples";
                text.Append(counts == "tokens" ? "batch-size@tokens: " : "batch-size: ").Append(String(json, batch, "$.batch-size")).Append('\n');
            }
            if (root.TryGetProperty("tokens-per-sample", out var tokens))
                text.Append("tokens-per-sample: ").Append(tokens.ValueKind == JsonValueKind.Number ? tokens.GetRawText() : throw Bad(json, "$.tokens-per-sample", "must be a number")).Append('\n');
            if (root.TryGetProperty("lr-rescale", out var rescale)) text.Append("lr-rescale: ").Append(String(json, rescale, "$.lr-rescale")).Append('\n');
            var plan = Parse(text.ToString());
            if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array) throw Bad(json, "$.entries", "must be an array of entries");
            int i = 0;
            var seen = new HashSet<(string Field, string? Group)>();
            foreach (var entry in entries.EnumerateArray())
            {
                string path = $"$.entries[{i++}]";
                if (entry.ValueKind != JsonValueKind.Object) throw Bad(json, path, "must be an object");
                Known(json, entry, path, EntryMembers);
                string field = entry.TryGetProperty("field", out var f) ? String(json, f, path + ".field") : throw Bad(json, path + ".field", "is missing");
                string? group = entry.TryGetProperty("group", out var g) ? String(json, g, path + ".group") : null;
                string per = entry.TryGetProperty("per", out var p) ? String(json, p, path + ".per") : "steps";
                var unit = per switch
                {
                    "steps" => PlanUnit.Steps,
                    "samples" => PlanUnit.Samples,
                    "tokens" => PlanUnit.Tokens,
                    _ => throw Bad(json, path + ".per", $"is steps, samples or tokens, not '{per}'"),
                };
                if (!entry.TryGetProperty("schedule", out var schedule)) throw Bad(json, path + ".schedule", "is missing");
                // As in the text form: one entry per field and group, never a silent "the last one wins".
                if (!seen.Add((field, group)))
                    throw Bad(json, path, $"gives {(group is null ? field : group + "/" + field)} a second time: a plan has one entry per field of a group");
                var parsed = ScheduleJson.Parse(schedule.GetRawText());
                try
                {
                    plan = group is null ? plan.With(field, parsed, unit) : plan.Group(group, field, parsed, unit);
                }
                catch (ArgumentException e)
                {
                    throw Bad(json, path, e.Message);
                }
            }
            return plan;
        }
    }

    private static readonly string[] RootMembers = ["batch-size", "batch-size-counts", "tokens-per-sample", "lr-rescale", "entries"];
    private static readonly string[] EntryMembers = ["field", "group", "per", "schedule"];

    // A misspelt member would otherwise be dropped without a word; name it, and what the object takes.
    private static void Known(string json, JsonElement element, string path, string[] members)
    {
        foreach (var member in element.EnumerateObject())
            if (Array.IndexOf(members, member.Name) < 0)
                throw Bad(json, $"{path}.{member.Name}", $"is not a member of a plan's {(path == "$" ? "document" : "entry")} (its members are {string.Join(", ", members)})");
    }

    private static string String(string json, JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Bad(json, path, "must be a string");

    private static RecipeFormatException Bad(string json, string path, string problem) => new(json, 0, $"{path} {problem}");
}
