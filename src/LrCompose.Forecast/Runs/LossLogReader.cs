using System.Globalization;
using System.Text.Json;

namespace LrCompose.Forecast;

/// <summary>
/// Reads loss logs: CSV with a header (<c>step,lr,loss</c>, other names by <see cref="LossLogColumns"/>), Hugging Face
/// <c>trainer_state.json</c> (<c>log_history</c> entries with <c>step</c>, <c>loss</c>, <c>learning_rate</c>) and JSON
/// lines (one object per line). Every problem is a <see cref="LossLogException"/> naming the file and the line.
/// </summary>
public static class LossLogReader
{
    /// <summary>Reads a log, choosing the format by its name: <c>.jsonl</c> JSON lines, <c>.json</c> a trainer state,
    /// anything else CSV.</summary>
    /// <exception cref="LossLogException">The file is missing or a line is not a usable point.</exception>
    public static LossCurve Read(string path, LossLogColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => ReadJsonLines(path, columns),
            ".json" => ReadTrainerState(path),
            _ => ReadCsv(path, columns),
        };
    }

    /// <summary>Reads a CSV log whose header names the step and loss columns (and optionally the rate).</summary>
    /// <exception cref="LossLogException">The file is missing, a column is missing, or a row is not a usable point.</exception>
    public static LossCurve ReadCsv(string path, LossLogColumns? columns = null)
    {
        columns ??= LossLogColumns.Default;
        string[] lines = ReadLines(path);
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0) throw new LossLogException(path, 0, $"the file is empty: expected a header naming the columns {columns.Step} and {columns.Loss}");
        var header = lines[headerLine].Split(',').Select(h => h.Trim().Trim('"')).ToList();
        int step = Column(header, columns.Step), loss = Column(header, columns.Loss), rate = Column(header, columns.Rate);
        if (step < 0 || loss < 0)
            throw new LossLogException(path, headerLine + 1,
                $"the header must name the columns {columns.Step} and {columns.Loss}, not '{lines[headerLine].Trim()}'");
        var points = new Points(path);
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            string text = lines[i].Trim();
            if (text.Length == 0) continue;
            var cells = text.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length != header.Count)
                throw new LossLogException(path, i + 1, $"{cells.Length} columns, and the header has {header.Count}");
            points.Add(i + 1, cells[step], cells[loss], rate >= 0 ? cells[rate] : null, columns);
        }
        return points.Curve();
    }

    /// <summary>Reads JSON lines: each non-empty line an object with the step and loss (and optionally the rate,
    /// as <c>lr</c> or <c>learning_rate</c>).</summary>
    /// <exception cref="LossLogException">The file is missing or a line is not a usable point.</exception>
    public static LossCurve ReadJsonLines(string path, LossLogColumns? columns = null)
    {
        columns ??= LossLogColumns.Default;
        string[] lines = ReadLines(path);
        var points = new Points(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            JsonDocument entry;
            try { entry = JsonDocument.Parse(lines[i]); }
            catch (JsonException)
            {
                // Python's json module writes NaN and Infinity bare, which is not JSON: say what the line holds.
                var bare = System.Text.RegularExpressions.Regex.Match(lines[i], $"\"{System.Text.RegularExpressions.Regex.Escape(columns.Loss)}\"\\s*:\\s*(-?Infinity|NaN)");
                throw new LossLogException(path, i + 1, bare.Success
                    ? $"{columns.Loss} is {(bare.Groups[1].Value == "NaN" ? "NaN" : "infinite")}"
                    : "not a JSON object");
            }
            using (entry)
            {
                if (entry.RootElement.ValueKind != JsonValueKind.Object) throw new LossLogException(path, i + 1, "not a JSON object");
                // A line without a loss (an evaluation record, say) is not a training point.
                if (!entry.RootElement.TryGetProperty(columns.Loss, out _)) continue;
                points.Add(i + 1, entry.RootElement, columns.Step, columns.Loss, columns.Rate, "learning_rate", columns);
            }
        }
        return points.Curve();
    }

    /// <summary>Reads a Hugging Face <c>trainer_state.json</c>: the <c>log_history</c> entries that have a
    /// <c>loss</c> (evaluation entries are skipped).</summary>
    /// <exception cref="LossLogException">The file is missing, is not a trainer state, or an entry is not a usable point.</exception>
    public static LossCurve ReadTrainerState(string path)
    {
        byte[] bytes = ReadBytes(path);
        using var document = JsonPositions.Parse(path, bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("log_history", out var history)
            || history.ValueKind != JsonValueKind.Array)
            throw new LossLogException(path, 1, "a trainer state must be an object with a log_history array");
        var lines = JsonPositions.ElementLines(bytes, "log_history");
        var points = new Points(path);
        int index = 0;
        foreach (var entry in history.EnumerateArray())
        {
            int line = index < lines.Count ? lines[index] : 0;
            index++;
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("loss", out _)) continue;
            points.Add(line, entry, "step", "loss", "learning_rate", "lr", LossLogColumns.Default);
        }
        return points.Curve();
    }

    private static int Column(List<string> header, string name) =>
        header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    private static string[] ReadLines(string path) => JsonPositions.Text(ReadBytes(path)).Replace("\r\n", "\n").Split('\n');

    private static byte[] ReadBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new LossLogException(path, 0, "no such file");
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new LossLogException(path, 0, "cannot be read: " + e.Message); }
    }

    /// <summary>Points as they are read, checked one line at a time.</summary>
    private sealed class Points(string path)
    {
        private readonly List<long> _steps = [];
        private readonly List<double> _losses = [];
        private readonly List<double> _rates = [];
        private readonly List<int> _lines = [];
        private bool _anyRate = true;

        public void Add(int line, string stepText, string lossText, string? rateText, LossLogColumns columns)
        {
            if (!long.TryParse(stepText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long step)
                && !(double.TryParse(stepText, NumberStyles.Float, CultureInfo.InvariantCulture, out double whole) && whole == Math.Floor(whole) && Math.Abs(whole) < 1e15 && (step = (long)whole) == whole))
                throw new LossLogException(path, line, $"{columns.Step} must be a whole number, not '{stepText}'");
            double loss = Number(line, lossText, columns.Loss);
            double? rate = rateText is null ? null : Number(line, rateText, columns.Rate);
            Add(line, step, loss, rate, columns);
        }

        public void Add(int line, JsonElement entry, string stepName, string lossName, string rateName, string otherRateName, LossLogColumns columns)
        {
            if (!entry.TryGetProperty(stepName, out var stepValue))
                throw new LossLogException(path, line, $"the entry has no {stepName}");
            if (stepValue.ValueKind != JsonValueKind.Number || !stepValue.TryGetInt64(out long step))
                throw new LossLogException(path, line, $"{stepName} must be a whole number, not {stepValue.GetRawText()}");
            double loss = JsonNumber(line, entry.GetProperty(lossName), lossName);
            double? rate = entry.TryGetProperty(rateName, out var r) || entry.TryGetProperty(otherRateName, out r) ? JsonNumber(line, r, rateName) : null;
            Add(line, step, loss, rate, columns);
        }

        private void Add(int line, long step, double loss, double? rate, LossLogColumns columns)
        {
            if (step < 0) throw new LossLogException(path, line, $"{columns.Step} must be 0 or more, not {step}");
            if (_steps.Count > 0 && step <= _steps[^1])
                throw new LossLogException(path, line, $"{columns.Step} {step} does not increase (the line before has {_steps[^1]})");
            if (double.IsNaN(loss)) throw new LossLogException(path, line, $"{columns.Loss} is NaN");
            if (double.IsInfinity(loss)) throw new LossLogException(path, line, $"{columns.Loss} is infinite");
            if (loss <= 0) throw new LossLogException(path, line, $"{columns.Loss} must be above 0, not {Checks.Show(loss)}");
            _steps.Add(step);
            _losses.Add(loss);
            _lines.Add(line);
            if (rate is { } value) _rates.Add(value); else _anyRate = false;
        }

        private double Number(int line, string text, string column)
        {
            string t = text.Trim();
            if (t.Equals("nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
            if (t.TrimStart('+').Equals("inf", StringComparison.OrdinalIgnoreCase) || t.TrimStart('+').Equals("infinity", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
            if (t.Equals("-inf", StringComparison.OrdinalIgnoreCase) || t.Equals("-infinity", StringComparison.OrdinalIgnoreCase)) return double.NegativeInfinity;
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
                : throw new LossLogException(path, line, $"{column} is not a number: '{text}'");
        }

        private double JsonNumber(int line, JsonElement value, string name) => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            // Python's json writes NaN and Infinity bare; some writers quote them.
            JsonValueKind.String => Number(line, value.GetString()!, name),
            _ => throw new LossLogException(path, line, $"{name} must be a number, not {value.GetRawText()}"),
        };

        public LossCurve Curve()
        {
            if (_steps.Count == 0) throw new LossLogException(path, 0, "the log has no loss points");
            return new LossCurve(path, _steps, _losses, _lines, _anyRate ? _rates : null);
        }
    }
}
