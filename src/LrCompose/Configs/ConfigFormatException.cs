namespace LrCompose.Configs;

/// <summary>
/// A training configuration that could not be read as a schedule: which file, where in it (1-based line and column),
/// which key, and what is wrong. The message is one line, <c>ds_config.json:7:28: scheduler.params.warmup_num_steps: …</c>.
/// </summary>
public sealed class ConfigFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="source">The file (or other source) the configuration came from.</param>
    /// <param name="key">The framework's own key or flag the problem is about (empty for the document as a whole).</param>
    /// <param name="line">1-based line of the key or value.</param>
    /// <param name="column">1-based column of the key or value.</param>
    /// <param name="problem">What is wrong, in words.</param>
    public ConfigFormatException(string source, string key, int line, int column, string problem)
        : base($"{source}:{line}:{column}: {(string.IsNullOrEmpty(key) ? "" : key + ": ")}{problem}")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        File = source;
        Key = key;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or other source) the configuration came from.</summary>
    public string File { get; }

    /// <summary>The key or flag the problem is about, as the framework spells it (dotted for nested JSON keys).</summary>
    public string Key { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }
}
