namespace LrCompose;

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
