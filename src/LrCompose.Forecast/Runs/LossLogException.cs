namespace LrCompose.Forecast;

/// <summary>
/// A loss log, a manifest or a run that cannot be used as it is: the file, the 1-based line and the problem, so one
/// line of output says where to look. Bad input is always this error, never a wrong fit.
/// </summary>
public sealed class LossLogException : FormatException
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/> (0 when no line applies).</summary>
    public LossLogException(string file, int line, string problem)
        : base(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file as it was named to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }
}
