using LrCompose.Core;
using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose.Text;

/// <summary>
/// Turns a parsed recipe into a schedule: each name is the shape or combinator of the same name in the C# API, with
/// the same parameters and the same validation. A constructor's <see cref="ArgumentException"/> becomes a
/// <see cref="RecipeFormatException"/> at the offending application.
/// </summary>
internal sealed class RecipeBinder(string text)
{
    /// <summary>When not null, problems are collected here and binding goes on with the other parts of the recipe.</summary>
    private List<RecipeFormatException>? _problems;

    /// <summary>Inputs already bound while collecting, so each is bound (and reported) once.</summary>
    private readonly Dictionary<RecipeExpr, object?> _bound = new(ReferenceEqualityComparer.Instance);

    /// <summary>Thrown past a part whose problem was already collected.</summary>
    private sealed class AlreadyReported : Exception;

    /// <summary>Binds the whole recipe and returns every problem found in it, not just the first: each phase of a chain
    /// and each schedule argument is bound on its own, so independent mistakes are all reported.</summary>
    public IReadOnlyList<RecipeFormatException> Problems(RecipeExpr expr, out Schedule? schedule)
    {
        _problems = [];
        schedule = null;
        try
        {
            schedule = BindSchedule(expr);
        }
        catch (RecipeFormatException e)
        {
            Record(e);
        }
        catch (AlreadyReported)
        {
        }
        return _problems;
    }

    private void Record(RecipeFormatException e)
    {
        if (!_problems!.Any(p => p.Position == e.Position && p.Problem == e.Problem)) _problems!.Add(e);
    }

    /// <summary>Binds a part; while collecting, a failing part is recorded and null is returned.</summary>
    private object? Attempt(RecipeExpr expr)
    {
        if (_problems is null) return Bind(expr);
        if (_bound.TryGetValue(expr, out var known)) return known;
        object? result = null;
        try
        {
            result = Bind(expr);
        }
        catch (RecipeFormatException e)
        {
            Record(e);
        }
        catch (AlreadyReported)
        {
        }
        _bound[expr] = result;
        return result;
    }
    /// <summary>The names a recipe may use: the vocabulary's text names (kebab-case of the C# names).</summary>
    public static IReadOnlyList<string> Vocabulary { get; } =
        Core.Vocabulary.All.Where(e => e.Kind is not ScheduleKind.Map).Select(e => e.Text).ToArray();

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
        var parts = chain.Parts.Select(Attempt).ToList();
        if (parts.Any(p => p is null)) throw new AlreadyReported();
        object current = parts[0]!;
        foreach (var (part, next) in chain.Parts.Zip(parts).Skip(1))
        {
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
        var entry = Core.Vocabulary.ByText(app.Name);
        if (_problems is not null)
        {
            var inputs = app.Args.OfType<ScheduleArg>().Select(a => Attempt(a.Expr)).ToList();
            if (inputs.Any(i => i is null)) throw new AlreadyReported();
        }
        var args = new CallArgs(app, text, e => Attempt(e) ?? throw new AlreadyReported(), entry);
        object result = Guarded(app, () => Build(entry, app.Name, args));
        args.EnsureAllUsed();
        return result;
    }

    /// <summary>One case per vocabulary word; each calls the C# member of the same name with the same parameters
    /// (their names in kebab-case), so validation and meaning are the C# ones.</summary>
    private object Build(VocabularyEntry? entry, string name, CallArgs a) => entry?.Kind switch
    {
        ScheduleKind.Constant => Constant(a.Number(0, "the value")),
        ScheduleKind.Linear => Linear(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to")),
        ScheduleKind.Cosine => Cosine(a.Whole(0, "the length in steps"), a.Named("peak"), a.Named("floor"), a.Named("exponent"), a.Named("k-decay")),
        ScheduleKind.Polynomial => Polynomial(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to"), a.Named("power"), a.Named("k-decay")),
        ScheduleKind.Exponential => Exponential(a.Named("from"), a.Named("rate"), a.NamedWhole("every"), a.NamedBool("staircase"),
            a.NamedWhole("begin"), a.NamedOrNull("end")),
        ScheduleKind.StepDecay => StepDecay(a.Named("from"), a.Named("gamma"), a.NamedWhole("every")),
        ScheduleKind.MultiStep => MultiStep(a.Named("from"), a.Named("gamma"), a.NamedWholes("milestones")),
        ScheduleKind.PiecewiseConstant => PiecewiseConstant(a.NamedList("values"), a.NamedWholes("boundaries")),
        ScheduleKind.Interpolate => Interpolate(a.Option<Interpolation>("kind"), a.NamedKnots("knots")),
        ScheduleKind.InverseSqrt => InverseSqrt(a.Named("peak"), a.NamedWhole("timescale")),
        ScheduleKind.InverseTime => InverseTime(a.Named("from"), a.Named("rate"), a.NamedWhole("every"), a.NamedBool("staircase")),
        ScheduleKind.Tanh => Tanh(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to"), a.Named("lb"), a.Named("ub")),
        ScheduleKind.OneMinusSqrt => OneMinusSqrt(a.Whole(0, "the length in steps"), a.Named("from"), a.Named("to")),
        ScheduleKind.Triangular => Triangular(a.Named("low"), a.Named("high"), a.NamedWhole("up"), a.NamedWholeOrNull("down"),
            a.Option<TriangularMode>("mode"), a.Named("gamma")),
        ScheduleKind.PowerLaw => PowerLaw(a.Named("peak"), a.Named("knee"), a.Named("exponent"), a.NamedWhole("start")),
        ScheduleKind.Warmup => Warmup(a.Whole(0, "the length in steps"), a.Named("from"), a.Option<WarmupShape>("shape"),
            a.Option<WarmupCount>("count")),
        ScheduleKind.Hold => Hold(a.Whole(0, "the length in steps")),
        ScheduleKind.Sequence => Sequence(a.Inputs()),
        ScheduleKind.Join => Join(a.Inputs(), a.NamedWholes("boundaries")),
        ScheduleKind.Scale => a.HasNumber(0) ? a.Input(0).Scale(a.Number(0, "the factor")) : a.Input(1).Scale(a.Input(0)),
        ScheduleKind.Sum => Sum(a.Input(0), a.Input(1)),
        ScheduleKind.Min => Min(a.Input(0), a.Input(1)),
        ScheduleKind.Max => Max(a.Input(0), a.Input(1)),
        ScheduleKind.Cycle => a.Input(0).Cycle(a.Named("multiplier"), a.Named("decay"), a.NamedIntOrNull("limit")),
        ScheduleKind.Shift => a.Input(0).Shift(a.Whole(0, "the shift in steps")),
        ScheduleKind.Stretch => a.Input(0).Stretch(a.Number(0, "the factor")),
        ScheduleKind.Clamp => a.Input(0).Clamp(a.Named("low"), a.Named("high")),
        ScheduleKind.Take => a.Input(0).Take(a.Whole(0, "the length in steps")),
        ScheduleKind.Mirror => a.Input(0).Mirror(a.Named("low"), a.Named("high")),
        ScheduleKind.PerEpoch => a.Input(0).PerEpoch(a.Whole(0, "the steps per epoch")),
        ScheduleKind.DecayAt => a.Input(0).DecayAt(a.Whole(0, "the step the decay starts at"), a.NamedWhole("length"), a.Named("to"),
            a.Option<DecayShape>("shape")),
        ScheduleKind.Retarget => a.Input(0).Retarget(a.NamedWhole("at"), a.NamedWhole("total")),
        ScheduleKind.Staircase => a.Input(0).Staircase(a.Whole(0, "the number of stairs"), a.Option<StairSample>("sample"), a.NamedWholeOrNull("span")),
        ScheduleKind.WarmupCosine => Recipes.WarmupCosine(a.Named("peak"), a.NamedWhole("warmup-steps"), a.NamedWhole("total-steps"), a.Named("floor"),
            a.Option<WarmupCount>("count")),
        ScheduleKind.OneCycle => Recipes.OneCycle(a.Named("max-rate"), a.NamedWhole("total-steps"), a.Named("pct-start"), a.Named("div-factor"),
            a.Named("final-div-factor"), a.Option<Anneal>("anneal"), a.NamedBool("three-phase")).LearningRate,
        ScheduleKind.Sgdr => Recipes.Sgdr(a.Named("peak"), a.NamedWhole("period"), a.Named("floor"), a.Named("multiplier"), a.Named("decay"),
            a.NamedIntOrNull("limit")),
        ScheduleKind.WarmupStableDecay => Recipes.WarmupStableDecay(a.Named("peak"), a.NamedWhole("warmup-steps"), a.NamedWhole("stable-steps"),
            a.NamedWhole("decay-steps"), a.Named("floor"), a.Option<DecayShape>("decay")),
        ScheduleKind.Noam => Recipes.Noam(a.NamedInt("d-model"), a.NamedWhole("warmup-steps"), a.Named("factor")),
        ScheduleKind.Map => throw a.Error(a.Call.Offset, $"{name} \"{a.Text(0, "a name")}\" wraps a C# function, which a text recipe cannot rebuild"),
        _ when Presets.Find(name) is { } preset => preset.Schedule,
        _ => throw a.Error(a.Call.Offset, $"unknown schedule '{name}'; expected one of {string.Join(", ", Vocabulary)} or a preset ({string.Join(", ", Presets.All.Select(p => p.Name))})"),
    };

    private T Guarded<T>(int offset, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RuleViolationException e)
        {
            throw new RecipeFormatException(text, offset, e.Violation.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new RecipeFormatException(text, offset, e.Message);
        }
    }

    /// <summary>As <see cref="Guarded{T}(int, Func{T})"/>, pointing at the named argument the broken rule is about when
    /// there is one (the rule's parameter is the C# name; the text names it in kebab-case).</summary>
    private T Guarded<T>(Application app, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RuleViolationException e)
        {
            string key = Core.Vocabulary.Kebab(e.Violation.Parameter);
            var entry = Core.Vocabulary.ByText(app.Name);
            var argument = app.Args.OfType<NamedArg>().LastOrDefault(a => (entry?.LongParameter(a.Key) ?? a.Key) == key);
            throw new RecipeFormatException(text, argument?.Offset ?? app.Offset, e.Violation.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new RecipeFormatException(text, app.Offset, e.Message);
        }
    }
}
