using System.Text.Json;
using System.Text.Json.Nodes;

namespace LrCompose.Forecast;

/// <summary>One run of a manifest: the log's file name (relative to the manifest's folder), the schedule as a
/// recipe, the role, and the manifest line it is on.</summary>
public sealed record ManifestEntry(string Log, string Recipe, RunRole Role, int Line);

/// <summary>
/// The list of runs a command line fits and checks, in a shape other tools can write:
/// <c>{"runs": [{"log": "cosine_24000.csv", "schedule": "&lt;recipe&gt;", "role": "train"}, …]}</c>.
/// </summary>
public sealed record RunManifest
{
    /// <summary>Creates a manifest.</summary>
    /// <exception cref="ArgumentException">There are no entries.</exception>
    public RunManifest(string path, IReadOnlyList<ManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) throw Checks.Fail(nameof(entries), "[]", "a manifest must list at least one run");
        Path = path;
        Entries = [.. entries];
    }

    /// <summary>Where the manifest was read from (logs are relative to its folder).</summary>
    public string Path { get; }

    /// <summary>The runs, in order.</summary>
    public IReadOnlyList<ManifestEntry> Entries { get; }

    /// <summary>Reads a manifest; every problem names the manifest's line.</summary>
    /// <exception cref="LossLogException">The file is missing, not JSON, or an entry is incomplete or its recipe does not read.</exception>
    public static RunManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new LossLogException(path, 0, "no such file");
        byte[] bytes = File.ReadAllBytes(path);
        using var document = JsonPositions.Parse(path, bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("runs", out var runs)
            || runs.ValueKind != JsonValueKind.Array)
            throw new LossLogException(path, 1, "a manifest must be an object with a runs array: {\"runs\": [{\"log\": …, \"schedule\": …, \"role\": \"train\"}]}");
        var lines = JsonPositions.ElementLines(bytes, "runs");
        var entries = new List<ManifestEntry>();
        int index = 0;
        foreach (var run in runs.EnumerateArray())
        {
            int line = index < lines.Count ? lines[index] : 0;
            index++;
            if (run.ValueKind != JsonValueKind.Object) throw new LossLogException(path, line, "each run must be an object with log, schedule and role");
            string log = Text(run, "log", path, line);
            string recipe = Text(run, "schedule", path, line);
            string role = Text(run, "role", path, line);
            var parsedRole = role switch
            {
                "train" => RunRole.Train,
                "test" => RunRole.Test,
                _ => throw new LossLogException(path, line, $"role must be train or test, not '{role}'"),
            };
            try { Schedule.Parse(recipe); }
            catch (RecipeFormatException e) { throw new LossLogException(path, line, $"schedule '{recipe}' does not read: {e.Problem} (at {e.Position + 1})"); }
            entries.Add(new ManifestEntry(log, recipe, parsedRole, line));
        }
        if (entries.Count == 0) throw new LossLogException(path, 1, "the manifest lists no runs");
        return new RunManifest(path, entries);
    }

    /// <summary>Reads every run's log, from <paramref name="logs"/> when given, otherwise from the manifest's folder.</summary>
    /// <exception cref="LossLogException">A log cannot be read, or does not fit its schedule (naming the log's line).</exception>
    public IReadOnlyList<Run> Load(string? logs = null, LossLogColumns? columns = null)
    {
        string folder = logs ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
        var result = new List<Run>();
        foreach (var entry in Entries)
        {
            string file = System.IO.Path.Combine(folder, entry.Log);
            if (!File.Exists(file)) throw new LossLogException(Path, entry.Line, $"the log {file} does not exist");
            var curve = LossLogReader.Read(file, columns);
            var schedule = Schedule.Parse(entry.Recipe);
            if (Run.Problem(schedule, curve) is { } problem) throw new LossLogException(file, problem.Line, problem.Text);
            result.Add(new Run(entry.Log, schedule, curve, entry.Role));
        }
        return result;
    }

    /// <summary>The manifest as JSON, in the documented shape.</summary>
    public string ToJson()
    {
        var runs = new JsonArray();
        foreach (var e in Entries)
            runs.Add(new JsonObject { ["log"] = e.Log, ["schedule"] = e.Recipe, ["role"] = e.Role == RunRole.Train ? "train" : "test" });
        return new JsonObject { ["runs"] = runs }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Text(JsonElement run, string name, string path, int line) =>
        run.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new LossLogException(path, line, $"the run has no {name} (a non-empty string)");
}
