using System.Collections.Immutable;

namespace LrCompose;

/// <summary>One entry's value at a step.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Value">Its value (rescaled, for a learning rate under a rescaling rule).</param>
public readonly record struct PlanValue(PlanEntry Entry, double Value);

/// <summary>Every value a plan gives at one step (<see cref="TrainingPlan.ValuesAt"/>): what a logger records and an
/// optimizer binding applies.</summary>
public sealed record PlanValues
{
    internal PlanValues(long step, long? batchSize, long? samples, long? tokens, ImmutableArray<PlanValue> values) =>
        (Step, BatchSize, Samples, Tokens, Values) = (step, batchSize, samples, tokens, values);

    /// <summary>The optimizer step.</summary>
    public long Step { get; }

    /// <summary>The batch size of this update, if the plan has a batch-size schedule.</summary>
    public long? BatchSize { get; }

    /// <summary>Samples consumed before this update, if the plan has a batch-size schedule.</summary>
    public long? Samples { get; }

    /// <summary>Tokens consumed before this update, if the plan counts tokens.</summary>
    public long? Tokens { get; }

    /// <summary>Each entry's value, in the plan's order.</summary>
    public ImmutableArray<PlanValue> Values { get; }

    /// <summary>The value of <paramref name="field"/> for <paramref name="group"/> (its own entry, else the default), or null.</summary>
    public double? Of(string field, string? group = null)
    {
        if (group is not null)
            foreach (var v in Values) if (v.Entry.Group == group && v.Entry.Field == field) return v.Value;
        foreach (var v in Values) if (v.Entry.Group is null && v.Entry.Field == field) return v.Value;
        return null;
    }
}
