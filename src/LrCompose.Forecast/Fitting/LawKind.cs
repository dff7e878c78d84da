namespace LrCompose.Forecast;

/// <summary>Which law to fit.</summary>
public enum LawKind
{
    /// <summary><see cref="MultiPowerLaw"/>, the default.</summary>
    MultiPower,
    /// <summary><see cref="MomentumLaw"/>, the simpler baseline.</summary>
    Momentum,
}
