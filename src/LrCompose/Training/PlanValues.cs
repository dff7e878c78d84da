using System.Collections.Immutable;

namespace LrCompose;

/// <summary>One entry's value at a step.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Value">Its value (rescaled, for a learning rate under a rescaling rule).</param>
public readonly record struct PlanValue(PlanEntry Entry, double Value);

/// <summary>Every value a plan gives at one step: what a logger records and an optimizer binding applies.</summary>
/// <param name="Step">The optimizer step.</param>
/// <param name="BatchSize">The batch size of this update, if the plan has a batch-size schedule.</param>
/// <param name="Samples">Samples consumed before this update, if the plan has a batch-size schedule.</param>
/// <param name="Tokens">Tokens consumed before this update, if the plan counts tokens.</param>
/// <param name="Values">Each entry's value, in the plan's order.</param>
public sealed record PlanValues(long Step, long? BatchSize, long? Samples, long? Tokens, ImmutableArray<PlanValue> Values)
{
    /// <summary>The value of <paramref name="field"/> for <paramref name="group"/> (its own entry, else the default), or null.</summary>
    public double? Of(string field, string? group = null)
    {
        foreach (var v in Values) if (v.Entry.Group == group && group is not null && v.Entry.Field == field) return v.Value;
        foreach (var v in Values) if (v.Entry.Group is null && v.Entry.Field == field) return v.Value;
        return null;
    }
}
