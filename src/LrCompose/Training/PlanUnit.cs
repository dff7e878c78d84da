namespace LrCompose;

/// <summary>What a plan entry's schedule counts: optimizer steps (the default), samples consumed, or tokens consumed.
/// Samples and tokens come from the plan's <see cref="BatchSizeSchedule"/>, so a rate given per token stays put when the
/// batch grows.</summary>
public enum PlanUnit
{
    /// <summary>The schedule's argument is the optimizer step.</summary>
    Steps,

    /// <summary>The schedule's argument is the samples consumed before the step.</summary>
    Samples,

    /// <summary>The schedule's argument is the tokens consumed before the step.</summary>
    Tokens,
}
