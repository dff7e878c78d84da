namespace LrCompose;

/// <summary>One schedule of a <see cref="TrainingPlan"/>: the field it drives, the param group it is for (null: every
/// group without one of its own), and what its argument counts. Made by the plan's <c>With</c> and <c>Group</c>,
/// which check each part.</summary>
public sealed record PlanEntry
{
    internal PlanEntry(string field, string? group, PlanUnit unit, Schedule schedule) =>
        (Field, Group, Unit, Schedule) = (field, group, unit, schedule);

    /// <summary>The hyperparameter (<see cref="PlanField"/>).</summary>
    public string Field { get; internal init; }

    /// <summary>The param group, or null for the default entry.</summary>
    public string? Group { get; internal init; }

    /// <summary>What the schedule's argument counts.</summary>
    public PlanUnit Unit { get; internal init; }

    /// <summary>The schedule.</summary>
    public Schedule Schedule { get; internal init; }

    /// <summary>The entry's name in the text form and the logs: <c>lr</c>, <c>embeddings/lr</c>, <c>lr@tokens</c>.</summary>
    public string Key => (Group is null ? "" : Group + "/") + Field + Unit switch
    {
        PlanUnit.Samples => "@samples",
        PlanUnit.Tokens => "@tokens",
        _ => "",
    };
}
