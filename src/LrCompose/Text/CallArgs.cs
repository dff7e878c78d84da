using System.Globalization;

namespace LrCompose.Text;

/// <summary>
/// The arguments of one application, read by position and by name. Every read marks the argument used, so that
/// <see cref="EnsureAllUsed"/> can point at anything the schedule does not take.
/// </summary>
internal sealed class CallArgs(Application call, string text, Func<RecipeExpr, object> bind, Core.VocabularyEntry? entry = null,
    Core.WordParameter[]? parameters = null)
{
    /// <summary>The parameter list defaults are read from: the one given (the plateau policy's), else the word's.</summary>
    private readonly Core.WordParameter[]? _parameters = parameters ?? (entry is null ? null : Core.WordParameters.Of(entry.Kind));

    private readonly HashSet<RecipeArg> _used = [];
    private readonly List<NumberArg> _numbers = call.Args.OfType<NumberArg>().ToList();
    private readonly List<ScheduleArg> _schedules = call.Args.OfType<ScheduleArg>().ToList();

    public Application Call => call;

    public RecipeFormatException Error(int offset, string problem) => new(text, offset, problem);

    public double Number(int index, string what)
    {
        if (index >= _numbers.Count) throw Error(EndOffset, $"{call.Name} expects {what} (a number) as argument {index + 1}");
        _used.Add(_numbers[index]);
        return Representable(_numbers[index].Value, _numbers[index].Text, _numbers[index].Offset, what);
    }

    public bool HasNumber(int index) => index < _numbers.Count;

    public long Whole(int index, string what) => AsWhole(Number(index, what), _numbers[index].Text, _numbers[index].Offset, what);

    public Schedule Input(int index)
    {
        if (index >= _schedules.Count) throw Error(EndOffset, $"{call.Name} expects a schedule in parentheses as input {index + 1}");
        _used.Add(_schedules[index]);
        return bind(_schedules[index].Expr) as Schedule
               ?? throw Error(_schedules[index].Offset, "a warmup or hold must be followed (>>) by the phase it leads into");
    }

    public int InputCount => _schedules.Count;

    /// <summary>Every schedule argument, in order.</summary>
    public Schedule[] Inputs() => Enumerable.Range(0, _schedules.Count).Select(Input).ToArray();

    /// <summary>A named option, or the word's default for it.</summary>
    public T Option<T>(string key) where T : struct, Enum => Option(key, Default<T>(key, "<word>"));

    /// <summary>A named option of one of the shared enums, written as the kebab-case of its member (<c>from-one</c>).</summary>
    public T Option<T>(string key, T fallback) where T : struct, Enum =>
        Choice(key, fallback, Enum.GetValues<T>().Select(v => (Core.Vocabulary.Kebab(v.ToString()), v)).ToArray());

    public string Text(int index, string what)
    {
        var strings = call.Args.OfType<StringArg>().ToList();
        if (index >= strings.Count) throw Error(EndOffset, $"{call.Name} expects {what} in quotes");
        _used.Add(strings[index]);
        return strings[index].Value;
    }

    /// <summary>A named number; when it is left out, the word's default from <see cref="Core.WordParameters"/>, or an
    /// error when it has none.</summary>
    public double Named(string key) => NamedNumber(key) ?? Default<double>(key, "<number>");

    public double Named(string key, double fallback) => NamedNumber(key) ?? fallback;

    public double? NamedOrNull(string key) => NamedNumber(key);

    /// <inheritdoc cref="Named(string)"/>
    public long NamedWhole(string key) => NamedWholeOrNull(key) ?? Default<long>(key, "<whole number>");

    public long NamedWhole(string key, long fallback) => NamedWholeOrNull(key) ?? fallback;

    public long? NamedWholeOrNull(string key) =>
        Find(key) is { } arg ? AsWhole(NamedNumber(key)!.Value, (arg.Value as NumberValue)?.Text, arg.Value.Offset, key) : null;

    private long? NamedCountOrNull(string key) =>
        Find(key) is { } arg ? AsWhole(NamedNumber(key)!.Value, (arg.Value as NumberValue)?.Text, arg.Value.Offset, key, unit: "") : null;

    /// <summary>A whole number that a C# <c>int</c> parameter takes (a cycle limit, a model width): refused past
    /// <see cref="int.MaxValue"/> at the number, never narrowed.</summary>
    public int? NamedIntOrNull(string key) => NamedCountOrNull(key) is not { } whole ? null
        : whole is >= int.MinValue and <= int.MaxValue ? (int)whole
        : throw Error(Find(key)!.Value.Offset, $"{key} must be at most {int.MaxValue}, not {whole}");

    /// <inheritdoc cref="NamedIntOrNull"/>
    public int NamedInt(string key) => NamedIntOrNull(key) ?? Default<int>(key, "<whole number>");

    /// <summary>A named flag, or the word's default for it.</summary>
    public bool NamedBool(string key) => NamedBool(key, Default<bool>(key, "true|false"));

    public bool NamedBool(string key, bool fallback) => NamedWord(key, null) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw Error(Find(key)!.Value.Offset, $"{key} must be true or false, not '{other}'"),
    };

    public string? NamedWord(string key, string? fallback)
    {
        if (Find(key) is not { } arg) return fallback;
        _used.Add(arg);
        return arg.Value is WordValue w ? w.Word : throw Error(arg.Value.Offset, $"{key} expects a word");
    }

    public T Choice<T>(string key, T fallback, params (string Word, T Value)[] choices)
    {
        string? word = NamedWord(key, null);
        if (word is null) return fallback;
        foreach (var (w, v) in choices) if (w == word) return v;
        throw Error(Find(key)!.Value.Offset, $"{key} must be one of {string.Join(", ", choices.Select(c => c.Word))}, not '{word}'");
    }

    public double[] NamedList(string key) => List(key).Select(i => i.At).ToArray();

    public long[] NamedWholes(string key)
    {
        var items = List(key);
        var arg = Find(key)!;
        var texts = (arg.Value as ListValue)?.AtTexts;
        return items.Select((i, n) => AsWhole(i.At, texts?[n], arg.Value.Offset, key)).ToArray();
    }

    public Knot[] NamedKnots(string key)
    {
        var arg = Find(key);
        return List(key).Select(i => i.Value is { } v ? new Knot(i.At, v) : throw Error(arg!.Value.Offset, $"{key} expects knots written step:value")).ToArray();
    }

    /// <summary>Fails at the first argument that nothing read.</summary>
    public void EnsureAllUsed()
    {
        foreach (var arg in call.Args)
            if (!_used.Contains(arg))
                throw Error(arg.Offset, arg is NamedArg n ? $"{call.Name} takes no parameter '{n.Key}'" : $"{call.Name} takes no such argument");
    }

    private IReadOnlyList<(double At, double? Value)> List(string key)
    {
        var arg = Find(key) ?? throw Missing(key, "[...]");
        _used.Add(arg);
        return arg.Value is ListValue l ? l.Items : throw Error(arg.Value.Offset, $"{key} expects a list in brackets");
    }

    /// <summary>The default the word's parameter list gives <paramref name="key"/>; a parameter with none is missing.</summary>
    private T Default<T>(string key, string form)
    {
        var parameter = _parameters is null ? null : Core.WordParameters.ByText(_parameters, key);
        if (parameter is null || parameter.Required || parameter.Default is null) throw Missing(key, form);
        return (T)parameter.Default;
    }

    private double? NamedNumber(string key)
    {
        if (Find(key) is not { } arg) return null;
        _used.Add(arg);
        return arg.Value is NumberValue n ? Representable(n.Value, n.Text, n.Offset, key) : throw Error(arg.Value.Offset, $"{key} expects a number");
    }

    /// <summary>The argument named <paramref name="key"/> (its long name) or by one of the word's short aliases; a
    /// parameter given twice is an error at its second place, never one value silently winning.</summary>
    private NamedArg? Find(string key)
    {
        var matches = call.Args.OfType<NamedArg>().Where(a => a.Key == key || (entry is not null && entry.LongParameter(a.Key) == key)).ToList();
        if (matches.Count > 1) throw Error(matches[1].Offset, $"{call.Name} is given {key} twice");
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>A required parameter that is not there. When a parameter nothing has read is spelled like it (a typo:
    /// <c>peek=</c> for <c>peak=</c>), that unknown word is the error, not the missing one.</summary>
    private RecipeFormatException Missing(string key, string form)
    {
        var typo = call.Args.OfType<NamedArg>().FirstOrDefault(a => !_used.Contains(a) && a.Key != key && IsMisspelling(a.Key, key));
        return typo is not null
            ? Error(typo.Offset, $"{call.Name} takes no parameter '{typo.Key}' (did you mean {key}?)")
            : Error(EndOffset, $"{call.Name} needs {key}={form}");
    }

    /// <summary>Whether <paramref name="written"/> is close enough to <paramref name="meant"/> to be a misspelling of it:
    /// at most a third of its letters (at least one) changed, added or dropped.</summary>
    internal static bool IsMisspelling(string written, string meant) => EditDistance(written, meant) <= Math.Max(1, meant.Length / 3);

    internal static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>A whole number of steps, read from the digits as written when there are any (a double holds whole
    /// numbers exactly only up to 2^53, and 9007199254740993 must stay itself), refused when it has a fraction or does
    /// not fit in a long.</summary>
    private long AsWhole(double value, string? text, int offset, string what, string unit = " of steps")
    {
        string shown = text ?? value.ToString("R", CultureInfo.InvariantCulture);
        if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
        {
            if (exact != decimal.Truncate(exact)) throw Error(offset, $"{what} must be a whole number{unit}, not {shown}");
            return exact is >= long.MinValue and <= long.MaxValue
                ? (long)exact
                : throw Error(offset, $"{what} must be at most {long.MaxValue}, not {shown}");
        }
        if (value != Math.Floor(value)) throw Error(offset, $"{what} must be a whole number{unit}, not {shown}");
        return Math.Abs(value) < 9.2e18 ? (long)value : throw Error(offset, $"{what} must be at most {long.MaxValue}, not {shown}");
    }

    /// <summary>A number whose digits a double can hold at least roughly: 1e-400 would silently become 0, so it is
    /// refused (a value too large becomes infinity, which every constructor refuses by name).</summary>
    private double Representable(double value, string text, int offset, string what) =>
        value == 0 && text.Split('e', 'E')[0].Any(c => c is >= '1' and <= '9')
            ? throw Error(offset, $"{what} {text} is too small for a double (below 5e-324): write 0 for zero")
            : value;

    private int EndOffset => call.Args.Count > 0 ? call.Args[^1].Offset : call.Offset;
}
