using System.Collections.Immutable;
using System.Globalization;

namespace LrCompose.Configs;

/// <summary>What a configuration value is: JSON's kinds, and <see cref="Word"/> for a command-line or TOML value whose
/// type is decided by the key that reads it.</summary>
internal enum ConfigKind { Object, Array, Number, String, Bool, Null, Word }

/// <summary>
/// One value of a configuration with where it was written: its dotted key path (<c>scheduler.params.warmup_type</c>,
/// or the flag <c>--lr</c>) and its 1-based line and column. Objects keep their members in file order.
/// </summary>
internal sealed record ConfigValue(ConfigKind Kind, string Path, int Line, int Column, string Text,
    ImmutableArray<KeyValuePair<string, ConfigValue>> Members, ImmutableArray<ConfigValue> Items)
{
    public static ConfigValue Scalar(ConfigKind kind, string path, int line, int column, string text) =>
        new(kind, path, line, column, text, [], []);

    /// <summary>The member called <paramref name="name"/>, or null.</summary>
    public ConfigValue? Member(string name)
    {
        foreach (var member in Members)
            if (member.Key == name) return member.Value;
        return null;
    }

    /// <summary>How the value reads in a message: strings quoted, numbers as written.</summary>
    public string Shown => Kind switch
    {
        ConfigKind.String => $"\"{Text}\"",
        ConfigKind.Object => "an object",
        ConfigKind.Array => "a list",
        ConfigKind.Null => "null",
        _ => Text,
    };

    /// <summary>The value as a number, if it is one (a JSON number, or a word that spells one).</summary>
    public bool TryNumber(out double value)
    {
        value = 0;
        return Kind is ConfigKind.Number or ConfigKind.Word
               && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
