using System.Globalization;

namespace LrCompose.Configs;

/// <summary>
/// The keys of one object of a configuration, read by name with the framework's defaults. Every read marks the key
/// as used, so what is left over can be refused (an unknown key) or reported (a key the framework ignores): nothing
/// is dropped silently. Every error names the key and where it is.
/// </summary>
internal sealed class ConfigSection(string source, ConfigValue value, string prefix = "")
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Source => source;
    public ConfigValue Value => value;

    public bool Has(string key) => value.Member(key) is { Kind: not ConfigKind.Null };

    /// <summary>The value of <paramref name="key"/> (marked used), or null when absent or JSON null.</summary>
    public ConfigValue? Get(string key)
    {
        _used.Add(key);
        return value.Member(key) is { Kind: not ConfigKind.Null } v ? v : null;
    }

    /// <summary>Marks a key as read without reading it (one whose value only matters by its presence).</summary>
    public void Use(string key) => _used.Add(key);

    public double? Number(string key) => Get(key) is { } v ? NumberOf(v) : null;
    public double Number(string key, double fallback) => Number(key) ?? fallback;

    /// <summary>A whole number of at least <paramref name="least"/>.</summary>
    public long? Whole(string key, long least = 0) => Get(key) is { } v ? WholeOf(v, least) : null;
    public long Whole(string key, long fallback, long least) => Whole(key, least) ?? fallback;

    public string? Word(string key) => Get(key) is { } v
        ? v.Kind is ConfigKind.String or ConfigKind.Word ? v.Text : throw Fail(v, $"must be a word in quotes, not {v.Shown}")
        : null;

    public bool? Flag(string key) => Get(key) is { } v
        ? v.Text switch { "true" or "True" => true, "false" or "False" => false, _ => throw Fail(v, $"must be true or false, not {v.Shown}") }
        : null;

    /// <summary>A nested object, read as a section of its own.</summary>
    public ConfigSection? Section(string key) => Get(key) is { } v
        ? v.Kind == ConfigKind.Object ? new ConfigSection(source, v, prefix) : throw Fail(v, $"must be an object, not {v.Shown}")
        : null;

    /// <summary>The value of <paramref name="key"/> must be one of <paramref name="choices"/>.</summary>
    public string Choice(string key, string fallback, params string[] choices)
    {
        string? word = Word(key);
        if (word is null) return fallback;
        return Array.IndexOf(choices, word) >= 0 ? word : throw Fail(Get(key)!, $"is \"{word}\"; it must be one of {string.Join(", ", choices)}");
    }

    public double NumberOf(ConfigValue v) =>
        v.TryNumber(out double d) ? d : throw Fail(v, $"must be a number, not {v.Shown}");

    public long WholeOf(ConfigValue v, long least)
    {
        double d = NumberOf(v);
        if (d != Math.Floor(d) || d < least || d > 1e15)
            throw Fail(v, $"must be a whole number of at least {least} (and at most 1e15), not {v.Text}");
        return (long)d;
    }

    /// <summary>The keys present that no read asked for, in file order.</summary>
    public IEnumerable<ConfigValue> Unused() =>
        value.Members.Where(m => !_used.Contains(m.Key)).Select(m => m.Value);

    /// <summary>Refuses the first key no read asked for, naming the keys there are (and the nearest one).</summary>
    public void RefuseUnknown(string what, IReadOnlyCollection<string> known)
    {
        foreach (var member in value.Members)
        {
            if (_used.Contains(member.Key)) continue;
            string near = Nearest(member.Key, known) is { } guess ? $" (did you mean {guess}?)" : "";
            throw Fail(member.Value, $"is not a parameter of {what}{near}; it has {string.Join(", ", known)}");
        }
    }

    /// <summary>An error at <paramref name="at"/>, under its key.</summary>
    public ConfigFormatException Fail(ConfigValue at, string problem) => new(source, prefix + at.Path, at.Line, at.Column, problem);

    /// <summary>An error about a key that is missing from this object.</summary>
    public ConfigFormatException Missing(string key, string problem) =>
        new(source, prefix + (value.Path.Length == 0 ? key : value.Path + "." + key), value.Line, value.Column, problem);

    /// <summary>The known key a mistyped one most likely meant: the one sharing most of its words (<c>warmup_steps</c> →
    /// <c>warmup_num_steps</c>), else the one within three edits.</summary>
    internal static string? Nearest(string key, IEnumerable<string> known)
    {
        static string[] Words(string k) => k.Trim('-').Split('_', '-', '.');
        var words = Words(key);
        return known
            .Select(k => (Key: k, Shared: Words(k).Intersect(words).Count(), Edits: Distance(k, key)))
            .Where(c => c.Shared * 2 > words.Length || c.Edits <= 3)
            .OrderByDescending(c => c.Shared * 2 > words.Length ? c.Shared : 0).ThenBy(c => c.Edits)
            .Select(c => c.Key).FirstOrDefault();
    }

    /// <summary>Edits of one character between two keys (the recipe binder's measure, so typos are judged alike).</summary>
    internal static int Distance(string a, string b) => Text.CallArgs.EditDistance(a, b);

    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
