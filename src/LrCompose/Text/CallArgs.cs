using System.Globalization;

namespace LrCompose.Text;

/// <summary>
/// The arguments of one application, read by position and by name. Every read marks the argument used, so that
/// <see cref="EnsureAllUsed"/> can point at anything the schedule does not take.
/// </summary>
internal sealed class CallArgs(Application call, string text, Func<RecipeExpr, object> bind, Core.VocabularyEntry? entry = null)
{
    private readonly HashSet<RecipeArg> _used = [];
    private readonly List<NumberArg> _numbers = call.Args.OfType<NumberArg>().ToList();
    private readonly List<ScheduleArg> _schedules = call.Args.OfType<ScheduleArg>().ToList();

    public Application Call => call;

    public RecipeFormatException Error(int offset, string problem) => new(text, offset, problem);

    public double Number(int index, string what)
    {
        if (index >= _numbers.Count) throw Error(EndOffset, $"{call.Name} expects {what} (a number) as argument {index + 1}");
        _used.Add(_numbers[index]);
        return _numbers[index].Value;
    }

    public bool HasNumber(int index) => index < _numbers.Count;

    public long Whole(int index, string what) => AsWhole(Number(index, what), _numbers[index].Offset, what);

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

    public double Named(string key) => NamedNumber(key) ?? throw Error(EndOffset, $"{call.Name} needs {key}=<number>");

    public double Named(string key, double fallback) => NamedNumber(key) ?? fallback;

    public double? NamedOrNull(string key) => NamedNumber(key);

    public long NamedWhole(string key) => NamedWholeOrNull(key) ?? throw Error(EndOffset, $"{call.Name} needs {key}=<whole number>");

    public long NamedWhole(string key, long fallback) => NamedWholeOrNull(key) ?? fallback;

    public long? NamedWholeOrNull(string key) =>
        Find(key) is { } arg ? AsWhole(NamedNumber(key)!.Value, arg.Value.Offset, key) : null;

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
        var arg = Find(key);
        return List(key).Select(i => AsWhole(i.At, arg!.Value.Offset, key)).ToArray();
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
        var arg = Find(key) ?? throw Error(EndOffset, $"{call.Name} needs {key}=[...]");
        _used.Add(arg);
        return arg.Value is ListValue l ? l.Items : throw Error(arg.Value.Offset, $"{key} expects a list in brackets");
    }

    private double? NamedNumber(string key)
    {
        if (Find(key) is not { } arg) return null;
        _used.Add(arg);
        return arg.Value is NumberValue n ? n.Value : throw Error(arg.Value.Offset, $"{key} expects a number");
    }

    /// <summary>The argument named <paramref name="key"/> (its long name) or by one of the word's short aliases.</summary>
    private NamedArg? Find(string key) =>
        call.Args.OfType<NamedArg>().LastOrDefault(a => a.Key == key || (entry is not null && entry.LongParameter(a.Key) == key));

    private long AsWhole(double value, int offset, string what) =>
        value == Math.Floor(value) && Math.Abs(value) < 9e18
            ? (long)value
            : throw Error(offset, $"{what} must be a whole number of steps, not {value.ToString("R", CultureInfo.InvariantCulture)}");

    private int EndOffset => call.Args.Count > 0 ? call.Args[^1].Offset : call.Offset;
}
