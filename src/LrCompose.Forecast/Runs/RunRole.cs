namespace LrCompose.Forecast;

/// <summary>What a run is for: fitting the law, or checking its predictions.</summary>
public enum RunRole
{
    /// <summary>The law is fitted to this run.</summary>
    Train,
    /// <summary>The law predicts this run without having seen it.</summary>
    Test,
}
