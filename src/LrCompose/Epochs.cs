using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// Converts epochs to steps for a given data loader, so that recipes stay in one unit (steps):
/// <c>var epochs = new Epochs(stepsPerEpoch: 5005); Warmup(epochs.Steps(5))</c>.
/// </summary>
public readonly record struct Epochs
{
    /// <summary>Creates the converter.</summary>
    /// <param name="stepsPerEpoch">Optimizer steps in one epoch (≥ 1).</param>
    public Epochs(long stepsPerEpoch) => StepsPerEpoch = Guard.Length(stepsPerEpoch);

    /// <summary>Optimizer steps in one epoch.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>The number of steps in <paramref name="epochs"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or that many epochs
    /// have more steps than a long holds.</exception>
    public long Steps(long epochs)
    {
        // Refused by name rather than overflowed (a default(Epochs) has no steps per epoch, and no steps).
        Guard.Check(epochs, Rules.NonNegativeSteps(epochs) ?? Rules.StepProduct(epochs, StepsPerEpoch));
        return epochs * StepsPerEpoch;
    }
}
