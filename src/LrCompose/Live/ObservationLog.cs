using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace LrCompose;

/// <summary>What training observed after a step: the metric (say, the validation loss) measured after step <paramref name="Step"/>.</summary>
/// <param name="Step">The optimizer step after which the metric was measured (0-based).</param>
/// <param name="Metric">The metric; NaN counts as no improvement and never satisfies a target.</param>
public readonly record struct Observation(long Step, double Metric);

/// <summary>
/// The observations of a run, in step order: plain data that goes into a checkpoint (<see cref="ToJson"/>) and back
/// (<see cref="FromJson"/>). With a <see cref="LiveSchedule"/> it determines every rate.
/// </summary>
public sealed record ObservationLog
{
    private ObservationLog(ImmutableArray<Observation> observations) => Observations = observations;

    /// <summary>No observations yet.</summary>
    public static ObservationLog Empty { get; } = new([]);

    /// <summary>The observations, in step order.</summary>
    public ImmutableArray<Observation> Observations { get; }

    /// <summary>The log with one more observation, at a step no earlier than the last one.</summary>
    public ObservationLog Add(long step, double metric)
    {
        if (step < 0) throw Validation.Guard.Fail(nameof(step), step.ToString(CultureInfo.InvariantCulture), Validation.Rules.NonNegativeStepsRule);
        if (Observations.Length > 0 && step < Observations[^1].Step)
            throw Validation.Guard.Fail(nameof(step), step.ToString(CultureInfo.InvariantCulture),
                $"must not come before the last observation's step ({Observations[^1].Step.ToString(CultureInfo.InvariantCulture)})");
        return new ObservationLog(Observations.Add(new Observation(step, metric)));
    }

    /// <summary>The observations made up to and including <paramref name="step"/> (what a run knew then).</summary>
    public ObservationLog UpTo(long step) => new(Observations.Where(o => o.Step <= step).ToImmutableArray());

    /// <summary>Builds a log from observations in step order.</summary>
    public static ObservationLog Of(IEnumerable<Observation> observations) =>
        observations.Aggregate(Empty, (log, o) => log.Add(o.Step, o.Metric));

    /// <summary><c>{"observations": [{"step": 15, "metric": 0.42}, …]}</c>; a NaN metric is written as null.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("observations");
            foreach (var o in Observations)
            {
                w.WriteStartObject();
                w.WriteNumber("step", o.Step);
                if (double.IsFinite(o.Metric)) w.WriteNumber("metric", o.Metric);
                else if (double.IsNaN(o.Metric)) w.WriteNull("metric");
                else w.WriteString("metric", o.Metric > 0 ? "inf" : "-inf");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads <see cref="ToJson"/>'s form back.</summary>
    /// <exception cref="RecipeFormatException">The text is not such a log.</exception>
    public static ObservationLog FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Of(doc.RootElement.GetProperty("observations").EnumerateArray().Select(e => new Observation(
                e.GetProperty("step").GetInt64(),
                e.GetProperty("metric") switch
                {
                    { ValueKind: JsonValueKind.Null } => double.NaN,
                    { ValueKind: JsonValueKind.String } s => s.GetString() == "-inf" ? double.NegativeInfinity : double.PositiveInfinity,
                    var n => n.GetDouble(),
                })));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new RecipeFormatException(json, 0, "not an observation log: " + e.Message);
        }
    }
}
