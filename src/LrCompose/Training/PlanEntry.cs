namespace LrCompose;

/// <summary>One schedule of a <see cref="TrainingPlan"/>: the field it drives, the param group it is for (null: every
/// group without one of its own), and what its argument counts.</summary>
/// <param name="Field">The hyperparameter (<see cref="PlanField"/>).</param>
/// <param name="Group">The param group, or null for the default entry.</param>
/// <param name="Unit">What the schedule's argument counts.</param>
/// <param name="Schedule">The schedule.</param>
public sealed record PlanEntry(string Field, string? Group, PlanUnit Unit, Schedule Schedule)
{
    /// <summary>The entry's name in the text form and the logs: <c>lr</c>, <c>embeddings/lr</c>, <c>lr@tokens</c>.</summary>
    public string Key => (Group is null ? "" : Group + "/") + Field + Unit switch
    {
        PlanUnit.Samples => "@samples",
        PlanUnit.Tokens => "@tokens",
        _ => "",
    };
}
