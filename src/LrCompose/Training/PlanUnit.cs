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

/// <summary>How the learning rate follows the batch size when the batch grows: not at all, by √(batch / first batch)
/// (OLMo-core's rule for Adam), or in proportion (Goyal et al.'s linear rule for SGD).</summary>
public enum LearningRateRescale
{
    /// <summary>The learning rate is as the schedule says.</summary>
    None,

    /// <summary>Multiplied by √(batch at the step / first batch).</summary>
    Sqrt,

    /// <summary>Multiplied by batch at the step / first batch.</summary>
    Linear,
}
