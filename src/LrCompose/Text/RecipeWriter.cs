using System.Globalization;
using System.Text;

namespace LrCompose.Text;

/// <summary>
/// Prints schedules in LrCompose's F#-style recipe notation: <c>name positional key=value (schedule)</c>, phases
/// joined by <c>&gt;&gt;</c>. Numbers are printed in round-trip form so parsing the text gives back the same bits.
/// Parameters equal to their default are left out.
/// </summary>
internal sealed class RecipeWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>The word whose parameters are being written, for <see cref="Param(string, double)"/>'s defaults.</summary>
    private Core.ScheduleKind? _word;

    public static string Print(Schedule schedule)
    {
        var writer = new RecipeWriter();
        schedule.Write(writer);
        return writer._text.ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public RecipeWriter Word(string word)
    {
        if (_text.Length > 0 && _text[^1] != '(' && _text[^1] != ' ') _text.Append(' ');
        _text.Append(word);
        return this;
    }

    /// <summary>The text name of a vocabulary word (the one table every front end shares).</summary>
    public RecipeWriter Word(Core.ScheduleKind kind)
    {
        _word = kind;
        return Word(Core.Vocabulary.Of(kind).Text);
    }

    /// <summary>A parameter of the current word, left out when it is (bit for bit) the default of the word's parameter
    /// list (<see cref="Core.WordParameters"/>), the default the binder reads back.</summary>
    public RecipeWriter Param(string key, double value) =>
        Default(key) is double d && BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(value) ? this : Named(key, value);

    /// <inheritdoc cref="Param(string, double)"/>
    public RecipeWriter Param(string key, long value) => Default(key) is long d && d == value ? this : Named(key, value);

    /// <inheritdoc cref="Param(string, double)"/>
    public RecipeWriter Param(string key, bool value) => Default(key) is bool d && d == value ? this : Named(key, value);

    /// <inheritdoc cref="Param(string, double)"/>
    public RecipeWriter Param<T>(string key, T value) where T : struct, Enum =>
        Default(key) is T d && d.Equals(value) ? this : Named(key, Core.Vocabulary.Kebab(value.ToString()));

    private object? Default(string key)
    {
        var word = _word ?? throw new InvalidOperationException("a parameter written before its word");
        var parameter = Core.WordParameters.ByText(word, key) ?? throw new InvalidOperationException($"{word} has no parameter '{key}'");
        return parameter.Default;
    }

    public RecipeWriter Arg(double value) => Word(Number(value));

    public RecipeWriter Arg(long value) => Word(value.ToString(CultureInfo.InvariantCulture));

    public RecipeWriter Named(string key, double value) => Word(key + "=" + Number(value));

    /// <summary>A named number, left out only when it is bit for bit the default (so <c>floor=-0</c> prints, and the
    /// printed recipe evaluates exactly like the schedule).</summary>
    public RecipeWriter Named(string key, double value, double defaultValue) =>
        BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(defaultValue) ? this : Named(key, value);

    public RecipeWriter Named(string key, long value) => Word(key + "=" + value.ToString(CultureInfo.InvariantCulture));

    public RecipeWriter Named(string key, string word) => Word(key + "=" + word);

    /// <summary>An option of a shared enum, in the kebab-case the binder reads, left out when it is the default.</summary>
    public RecipeWriter Option<T>(string key, T value, T defaultValue) where T : struct, Enum =>
        value.Equals(defaultValue) ? this : Named(key, Core.Vocabulary.Kebab(value.ToString()));

    public RecipeWriter Named(string key, bool value) => Word(key + "=" + (value ? "true" : "false"));

    public RecipeWriter Named(string key, IEnumerable<double> values) =>
        Word(key + "=[" + string.Join(", ", values.Select(Number)) + "]");

    public RecipeWriter Named(string key, IEnumerable<long> values) =>
        Word(key + "=[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]");

    public RecipeWriter Quoted(string text) => Word("\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");

    /// <summary>A schedule argument, in parentheses unless it is a single word.</summary>
    public RecipeWriter Inner(Schedule schedule)
    {
        var word = _word;
        Word("(");
        schedule.Write(this);
        _text.Append(')');
        _word = word;
        return this;
    }

    public RecipeWriter Separator(string symbol) => Word(symbol);
}
