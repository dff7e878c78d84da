using static LrCompose.Schedules;

namespace LrCompose.Text;

/// <summary>
/// Turns a parsed recipe into a schedule: each name is the shape or combinator of the same name in the C# API, with
/// the same parameters and the same validation. A constructor's <see cref="ArgumentException"/> becomes a
/// <see cref="RecipeFormatException"/> at the offending application.
/// </summary>
internal sealed class RecipeBinder(string text)
{
    /// <summary>The names a recipe may use, with a one-line description each (for errors and help).</summary>
    public static readonly IReadOnlyList<string> Vocabulary =
    [
        "constant", "linear", "cosine", "polynomial", "exponential", "step", "multistep", "piecewise", "interpolate", "invsqrt",
        "inverse-time", "tanh", "one-minus-sqrt", "triangular", "warmup", "hold", "scale", "sum", "min", "max", "cycle", "shift",
        "stretch", "clamp", "take", "mirror", "per-epoch",
    ];

    public Schedule BindSchedule(RecipeExpr expr) =>
        Bind(expr) as Schedule ?? throw new RecipeFormatException(text, expr.Offset, "a warmup or hold must be followed (>>) by the phase it leads into");

    /// <summary>A schedule, or a <see cref="Lead"/> (warmup / hold) that waits for what follows it.</summary>
    public object Bind(RecipeExpr expr) => expr switch
    {
        Chain chain => BindChain(chain),
        Application app => BindApplication(app),
        _ => throw new RecipeFormatException(text, expr.Offset, "unknown recipe form"),
    };

    private object BindChain(Chain chain)
    {
        object current = Bind(chain.Parts[0]);
        foreach (var part in chain.Parts.Skip(1))
        {
            object next = Bind(part);
            current = Guarded(part.Offset, () => (current, next) switch
            {
                (Schedule a, Schedule b) => (object)a.Then(b),
                (Schedule a, Lead b) => a.Then(b),
                (Lead a, Lead b) => a.Then(b),
                (Lead a, Schedule b) => a.Then(b),
                _ => throw new InvalidOperationException(),
            });
        }
        return current;
    }

    private object BindApplication(Application app)
    {
        var args = new CallArgs(app, text, Bind);
        object result = Guarded(app, () => Build(app.Name, args));
        args.EnsureAllUsed();
        return result;
    }

    private object Build(string name, CallArgs a) => name switch
    {
        "constant" => Constant(a.Number(0, "the value")),
        "linear" => Linear(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to")),
        "cosine" => Cosine(a.Whole(0, "the length in steps"), a.Named("peak"), a.Named("floor", 0), a.Named("exponent", 1), a.Named("kdecay", 1)),
        "polynomial" => Polynomial(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to"), a.Named("power", 1), a.Named("kdecay", 1)),
        "exponential" => Exponential(a.Named("from"), a.Named("rate"), a.NamedWhole("every", 1), a.NamedBool("staircase", false),
            a.NamedWhole("begin", 0), a.NamedOrNull("end")),
        "step" => StepDecay(a.Named("from"), a.Named("gamma"), a.NamedWhole("every")),
        "multistep" => MultiStep(a.Named("from"), a.Named("gamma"), a.NamedWholes("at")),
        "piecewise" => PiecewiseConstant(a.NamedList("values"), a.NamedWholes("at")),
        "interpolate" => Interpolate(a.Choice("kind", Interpolation.Linear, ("linear", Interpolation.Linear), ("cosine", Interpolation.Cosine)),
            a.NamedKnots("knots")),
        "invsqrt" => InverseSqrt(a.Named("peak"), a.NamedWhole("timescale")),
        "inverse-time" => InverseTime(a.Named("from"), a.Named("rate"), a.NamedWhole("every", 1), a.NamedBool("staircase", false)),
        "tanh" => Tanh(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to"), a.Named("lb", -7), a.Named("ub", 3)),
        "one-minus-sqrt" => OneMinusSqrt(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to")),
        "triangular" => Triangular(a.Named("low"), a.Named("high"), a.NamedWhole("up"), a.NamedWholeOrNull("down"),
            a.Choice("mode", TriangularMode.Triangular, ("triangular", TriangularMode.Triangular), ("triangular2", TriangularMode.Triangular2),
                ("exp-range", TriangularMode.ExpRange)), a.Named("gamma", 1)),
        "warmup" => Warmup(a.Whole(0, "the length in steps"), a.Named("from", 0),
            a.Choice("shape", WarmupShape.Linear, ("linear", WarmupShape.Linear), ("exponential", WarmupShape.Exponential), ("cosine", WarmupShape.Cosine)),
            a.Choice("count", WarmupCount.FromZero, ("from-zero", WarmupCount.FromZero), ("from-one", WarmupCount.FromOne))),
        "hold" => Hold(a.Whole(0, "the length in steps")),
        "scale" => a.HasNumber(0) ? a.Input(0).Scale(a.Number(0, "the factor")) : a.Input(1).Scale(a.Input(0)),
        "sum" => Sum(a.Input(0), a.Input(1)),
        "min" => Min(a.Input(0), a.Input(1)),
        "max" => Max(a.Input(0), a.Input(1)),
        "cycle" => a.Input(0).Cycle(a.Named("mult", 1), a.Named("decay", 1), (int?)a.NamedWholeOrNull("limit")),
        "shift" => a.Input(0).Shift(a.Whole(0, "the shift in steps")),
        "stretch" => a.Input(0).Stretch(a.Number(0, "the factor")),
        "clamp" => a.Input(0).Clamp(a.Named("low"), a.Named("high")),
        "take" => a.Input(0).Take(a.Whole(0, "the length in steps")),
        "mirror" => a.Input(0).Mirror(a.Named("low"), a.Named("high")),
        "per-epoch" => a.Input(0).PerEpoch(a.Whole(0, "the steps per epoch")),
        "lambda" or "map" => throw a.Error(a.Call.Offset, $"{name} \"{a.Text(0, "a name")}\" wraps a C# function, which a text recipe cannot rebuild"),
        _ when Presets.Find(name) is { } preset => preset.Schedule,
        _ => throw a.Error(a.Call.Offset, $"unknown schedule '{name}'; expected one of {string.Join(", ", Vocabulary)} or a preset ({string.Join(", ", Presets.All.Select(p => p.Name))})"),
    };

    private T Guarded<T>(int offset, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new RecipeFormatException(text, offset, Words(e));
        }
        catch (InvalidOperationException e)
        {
            throw new RecipeFormatException(text, offset, e.Message);
        }
    }

    /// <summary>As <see cref="Guarded{T}(int, Func{T})"/>, pointing at the named argument the rule is about when there is one.</summary>
    private T Guarded<T>(Application app, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            var argument = app.Args.OfType<NamedArg>().LastOrDefault(a => string.Equals(a.Key, e.ParamName, StringComparison.OrdinalIgnoreCase));
            throw new RecipeFormatException(text, argument?.Offset ?? app.Offset, Words(e));
        }
    }

    /// <summary>The constructor's own words: parameter, value and rule (without .NET's "(Parameter 'x')" suffix).</summary>
    private static string Words(ArgumentException e) =>
        e is ArgumentOutOfRangeException { ActualValue: null } ? e.Message.Split(" (Parameter")[0] : e.Message;
}
