using System.Globalization;
using System.Text.Json;

namespace LrCompose.Cli.Conformance;

/// <summary>The outcome of one reference case.</summary>
/// <param name="Id">The case id from the file.</param>
/// <param name="Schedule">The peer's schedule name.</param>
/// <param name="MaxAbsoluteError">Largest |ours − theirs| over every listed step (rates and momenta).</param>
/// <param name="MaxRelativeError">Largest |ours − theirs| / |theirs| where theirs ≠ 0.</param>
/// <param name="Passed">Every value within <c>1e-12 + 1e-9·|theirs|</c>.</param>
/// <param name="Error">Why the case could not be evaluated, if it could not.</param>
internal sealed record ConformanceResult(string Id, string Schedule, double MaxAbsoluteError, double MaxRelativeError, bool Passed, string? Error = null)
{
    /// <summary>One line: id, errors, PASS/FAIL.</summary>
    public override string ToString() => Error is not null
        ? $"FAIL {Id}: {Error}"
        : string.Create(CultureInfo.InvariantCulture, $"{(Passed ? "PASS" : "FAIL")} {Id}  max_abs={MaxAbsoluteError:E2}  max_rel={MaxRelativeError:E2}");
}

/// <summary>All results of a run, with the closing count.</summary>
/// <param name="Results">One per case, in file order.</param>
internal sealed record ConformanceReport(IReadOnlyList<ConformanceResult> Results)
{
    /// <summary>Cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Cases that failed.</summary>
    public int Failed => Results.Count - Passed;

    /// <summary>The closing line, <c>N passed, M failed</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}

/// <summary>
/// Checks LrCompose's compat constructors against reference values produced by the peer libraries. The file format:
/// <c>{"cases": [{"id", "library", "schedule", "params" or "config", "steps", "lr", "momentum"?, "weight_decay"?, "metrics"?}]}</c>;
/// every case is mapped by its library and schedule name and its parameters alone (a training framework's through the
/// configuration importer).
/// </summary>
internal static class ConformanceRunner
{
    /// <summary>The absolute part of the tolerance.</summary>
    public const double AbsoluteTolerance = 1e-12;

    /// <summary>The relative part of the tolerance.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Runs every case of the file at <paramref name="path"/>.</summary>
    public static ConformanceReport RunFile(string path) => Run(File.ReadAllText(path));

    /// <summary>Runs every case of a reference document.</summary>
    public static ConformanceReport Run(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException("it has none at the top level");
        var results = cases.EnumerateArray().Select(RunCase).ToList();
        return new ConformanceReport(results);
    }

    private static ConformanceResult RunCase(JsonElement c)
    {
        string id = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("id", out var idElement) ? idElement.ToString() : "?";
        string schedule = "?";
        try
        {
            schedule = c.GetProperty("schedule").GetString() ?? "";
            string library = c.GetProperty("library").GetString() ?? "";
            var peer = ConfigCases.TryBuild(library, c) ?? PeerCatalogue.Build(library, schedule, new PeerParams(c.GetProperty("params")));
            long[] steps = c.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var expected = Doubles(c, "lr");
            var actual = peer.Plateau is { } plateau ? PlateauRates(plateau, Doubles(c, "metrics"), steps.Length) : Evaluate(peer.Rate!, steps);
            var errors = new Errors();
            errors.Add(actual, expected);
            if (c.TryGetProperty("momentum", out var momentum) && momentum.ValueKind == JsonValueKind.Array)
            {
                if (peer.Momentum is null) return new(id, schedule, double.NaN, double.NaN, false, "the reference has momentum but the schedule does not");
                errors.Add(Evaluate(peer.Momentum, steps), Doubles(c, "momentum"));
            }
            if (c.TryGetProperty("weight_decay", out var weightDecay) && weightDecay.ValueKind == JsonValueKind.Array)
            {
                if (peer.WeightDecay is null) return new(id, schedule, double.NaN, double.NaN, false, "the reference has weight decay but the schedule does not");
                errors.Add(Evaluate(peer.WeightDecay, steps), Doubles(c, "weight_decay"));
            }
            return new(id, schedule, errors.MaxAbsolute, errors.MaxRelative, errors.AllWithin);
        }
        catch (Exception e) when (e is ArgumentException or LrCompose.Configs.ConfigFormatException or NotSupportedException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new(id, schedule, double.NaN, double.NaN, false, e.Message);
        }
    }

    private static double[] Evaluate(Schedule schedule, long[] steps) => steps.Select(schedule.Rate).ToArray();

    /// <summary>The rate in force during each epoch: the initial one, then the one after each metric so far.</summary>
    private static double[] PlateauRates(PlateauState state, double[] metrics, int count)
    {
        var rates = new double[count];
        for (int i = 0; i < count; i++)
        {
            rates[i] = state.Rate;
            if (i < metrics.Length) state = state.Observe(metrics[i]);
        }
        return rates;
    }

    private static double[] Doubles(JsonElement c, string name) =>
        c.GetProperty(name).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    private sealed class Errors
    {
        public double MaxAbsolute { get; private set; }
        public double MaxRelative { get; private set; }
        public bool AllWithin { get; private set; } = true;

        public void Add(double[] actual, double[] expected)
        {
            if (actual.Length != expected.Length) { AllWithin = false; return; }
            for (int i = 0; i < actual.Length; i++)
            {
                double abs = Math.Abs(actual[i] - expected[i]);
                if (!(abs <= AbsoluteTolerance + RelativeTolerance * Math.Abs(expected[i]))) AllWithin = false;
                if (double.IsNaN(abs)) { MaxAbsolute = double.NaN; continue; }
                MaxAbsolute = Math.Max(MaxAbsolute, abs);
                if (expected[i] != 0) MaxRelative = Math.Max(MaxRelative, abs / Math.Abs(expected[i]));
            }
        }
    }
}
