using System.Globalization;

namespace LrCompose;

/// <summary>
/// Writes a plan's values as CSV, one row per step and one column per entry (<c>lr</c>, <c>weight-decay</c>,
/// <c>embeddings/lr</c>, …), after <c>step</c> and, when the plan has a batch-size schedule, <c>batch-size</c>,
/// <c>samples</c> (and <c>tokens</c>). Numbers round-trip (<c>R</c>). <see cref="Write"/> fits a per-step callback.
/// </summary>
public sealed class PlanCsvWriter
{
    private readonly TextWriter _writer;
    private readonly TrainingPlan _plan;

    /// <summary>Writes the header of <paramref name="plan"/>'s columns to <paramref name="writer"/>.</summary>
    public PlanCsvWriter(TextWriter writer, TrainingPlan plan)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _writer.WriteLine(string.Join(",", Columns(plan)));
    }

    /// <summary>The column names of <paramref name="plan"/>'s rows.</summary>
    public static IReadOnlyList<string> Columns(TrainingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var columns = new List<string> { "step" };
        if (plan.BatchSize is not null) columns.AddRange(["batch-size", "samples"]);
        if (plan.BatchSize is not null && plan.TokensPerSample is not null) columns.Add("tokens");
        columns.AddRange(plan.Entries.Select(e => e.Key));
        return columns;
    }

    /// <summary>One row: the values of one step of this writer's plan.</summary>
    /// <exception cref="ArgumentException">The values are of another plan (their entries differ).</exception>
    public void Write(PlanValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Values.Length != _plan.Entries.Length || values.Values.Where((v, i) => v.Entry != _plan.Entries[i]).Any())
            throw new ArgumentException("these values are of another plan than the one whose columns this writer wrote", nameof(values));
        var cells = new List<string> { N(values.Step) };
        if (values.BatchSize is { } b) cells.AddRange([N(b), N(values.Samples!.Value)]);
        if (values.Tokens is { } t) cells.Add(N(t));
        cells.AddRange(values.Values.Select(v => v.Value.ToString("R", CultureInfo.InvariantCulture)));
        _writer.WriteLine(string.Join(",", cells));
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
