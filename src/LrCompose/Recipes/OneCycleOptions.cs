namespace LrCompose;

/// <summary>
/// The optional settings of <see cref="Recipes.OneCycle(double, long, OneCycleOptions)"/>, by name, so a call that sets
/// two of seven does not line up seven positions: <c>Recipes.OneCycle(0.1, 10_000, new() { PctStart = 0.25, ThreePhase = true })</c>.
/// Each default is the one of <see cref="Recipes.OneCycle(double, long, double, double, double, Anneal, bool, double, double)"/>
/// (a test holds them together).
/// </summary>
public sealed record OneCycleOptions
{
    /// <summary>The share of the run spent rising to the peak (PyTorch's <c>pct_start</c>).</summary>
    public double PctStart { get; init; } = 0.3;

    /// <summary>The start rate is <c>maxRate/DivFactor</c>.</summary>
    public double DivFactor { get; init; } = 25;

    /// <summary>The end rate is <c>maxRate/(DivFactor·FinalDivFactor)</c>.</summary>
    public double FinalDivFactor { get; init; } = 1e4;

    /// <summary>Half cosines or straight lines between the phase ends.</summary>
    public Anneal Anneal { get; init; } = Anneal.Cosine;

    /// <summary>Back down to the start rate before the final anneal (PyTorch's <c>three_phase</c>).</summary>
    public bool ThreePhase { get; init; }

    /// <summary>The momentum at the peak rate.</summary>
    public double BaseMomentum { get; init; } = 0.85;

    /// <summary>The momentum at the lowest rates.</summary>
    public double MaxMomentum { get; init; } = 0.95;
}
