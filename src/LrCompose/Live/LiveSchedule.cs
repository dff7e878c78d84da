using System.Globalization;
using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>When a metric-driven phase ends: on a plateau by PyTorch's rules, or when the metric crosses a target.</summary>
public abstract record EndCondition
{
    private EndCondition() { }

    /// <summary>Ends at the observation where reduce-on-plateau with <paramref name="Policy"/> would reduce the rate
    /// (more than <c>patience</c> observations without improvement, after any cooldown).</summary>
    public sealed record Plateau(PlateauPolicy Policy) : EndCondition;

    /// <summary>Ends at the first observation below <paramref name="Value"/>.</summary>
    public sealed record Below(double Value) : EndCondition;

    /// <summary>Ends at the first observation above <paramref name="Value"/>.</summary>
    public sealed record Above(double Value) : EndCondition;
}

/// <summary>
/// One stage of a <see cref="LiveSchedule"/>: a schedule (or a warmup/hold that leads into the next stage), which may
/// end on what training observes (<see cref="Until"/>) and may be reduced on plateaus while it runs
/// (<see cref="ReducedOnPlateau"/>). A stage without an end condition lasts its schedule's length.
/// </summary>
public sealed record LiveStage
{
    private LiveStage(Schedule? schedule, Lead? lead, EndCondition? until, PlateauPolicy? reduce)
    {
        Schedule = schedule;
        Lead = lead;
        Until = until;
        Reduce = reduce;
    }

    /// <summary>The stage's schedule, in its own steps (null for a lead).</summary>
    public Schedule? Schedule { get; }

    /// <summary>A warmup or hold leading into the next stage's start value (null for a schedule).</summary>
    public Lead? Lead { get; }

    /// <summary>What ends the stage, or null: it lasts its schedule's length.</summary>
    public EndCondition? Until { get; }

    /// <summary>Reduce-on-plateau applied inside the stage, or null.</summary>
    public PlateauPolicy? Reduce { get; }

    /// <summary>A stage of fixed length (the last stage may go on for ever).</summary>
    public static LiveStage Of(Schedule schedule) => new(schedule ?? throw new ArgumentNullException(nameof(schedule)), null, null, null);

    /// <summary>A warmup or hold into the next stage.</summary>
    public static LiveStage Of(Lead lead) => new(null, lead ?? throw new ArgumentNullException(nameof(lead)), null, null);

    /// <summary>A stage that lasts until <paramref name="condition"/> holds; the next stage then starts from its own step 0.</summary>
    public static LiveStage RunUntil(Schedule schedule, EndCondition condition) =>
        new(schedule ?? throw new ArgumentNullException(nameof(schedule)), null, condition ?? throw new ArgumentNullException(nameof(condition)), null);

    /// <summary>This stage with its rate reduced on plateaus by <paramref name="policy"/> while it runs.</summary>
    public LiveStage ReducedOnPlateau(PlateauPolicy policy) =>
        Lead is null ? new(Schedule, null, Until, policy ?? throw new ArgumentNullException(nameof(policy)))
                     : throw new InvalidOperationException("a warmup or hold takes its values from the next stage and cannot be reduced on its own");
}

/// <summary>Where a metric-driven stage ended, and why.</summary>
/// <param name="Stage">The stage's index.</param>
/// <param name="Start">The step it started at.</param>
/// <param name="End">The first step of the next stage.</param>
/// <param name="Reason">In words, e.g. <c>plateau: no improvement over 0.412 in 6 observations (patience 5)</c>.</param>
public sealed record StageEnding(int Stage, long Start, long End, string Reason);

/// <summary>
/// A schedule whose phases may end on what training observes, and whose rate may be reduced on plateaus — kept pure:
/// the recipe plus the <see cref="ObservationLog"/> determines every rate. <see cref="Resolve"/> turns the two into an
/// ordinary <see cref="Schedule"/> (allocation-free to evaluate, printable); after a new observation, resolve again.
/// Text form: stages joined by <c>&gt;&gt;</c>, with <c>until-plateau …</c>, <c>until-metric below=…|above=…</c> and
/// <c>reduce-on-plateau …</c> around a stage: <c>warmup 500 &gt;&gt; until-plateau patience=5 (constant 0.1) &gt;&gt; linear 2000 from=0.1 to=0</c>.
/// </summary>
public sealed class LiveSchedule
{
    private readonly LiveStage[] _stages;

    private LiveSchedule(LiveStage[] stages) => _stages = stages;

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<LiveStage> Stages => _stages;

    /// <summary>A live schedule from its stages; every stage but the last must end (by its length or a condition).</summary>
    public static LiveSchedule Of(params LiveStage[] stages)
    {
        if (stages.Length == 0) throw Guard.Fail(nameof(stages), "[]", Rules.NotEmptyRule);
        for (int i = 0; i < stages.Length; i++)
        {
            var s = stages[i];
            if (s.Lead is not null && i == stages.Length - 1) throw Guard.Fail(nameof(stages), s.Lead.ToString(), "must not end with a warmup or hold: it leads into the next stage");
            if (i < stages.Length - 1 && s.Until is null && s.Schedule is { Length: null })
                throw new InvalidOperationException(ConstructorRules.NeverEnds(s.Schedule.ToString(), UnendingUse.FollowedLive));
        }
        return new LiveSchedule(stages.ToArray());
    }

    /// <summary>The ordinary schedule this live schedule is, given what has been observed so far. A stage whose
    /// condition has not held yet is the last phase: the stages after it are not in force yet.</summary>
    public Schedule Resolve(ObservationLog log) => Walk(log, out _);

    /// <summary>The rate at <paramref name="step"/> given the observations (resolves each call; cache <see cref="Resolve"/> in a loop).</summary>
    public double Rate(long step, ObservationLog log) => Resolve(log).Rate(step);

    /// <summary>Where each metric-driven stage ended so far, and why.</summary>
    public IReadOnlyList<StageEnding> Endings(ObservationLog log)
    {
        Walk(log, out var endings);
        return endings;
    }

    private Schedule Walk(ObservationLog log, out List<StageEnding> endings)
    {
        ArgumentNullException.ThrowIfNull(log);
        endings = [];
        var phases = new List<Schedule>();
        long start = 0;
        for (int i = 0; i < _stages.Length; i++)
        {
            var stage = _stages[i];
            if (stage.Lead is { } lead)
            {
                // The leads up to the next schedule stage ramp, each into the start of what follows it, as Lead.Then
                // does (a warmup before a hold ramps into the hold's value, the hold holds the next stage's start).
                int j = i + 1;
                while (_stages[j].Lead is { } more)
                {
                    lead = lead.Then(more);
                    j++;
                }
                var resolved = lead.Then(Schedules.Constant(_stages[j].Schedule!.StartValue));
                long length = resolved.Phases[^1].Start;
                phases.Add(resolved.Take(length));
                start += length;
                i = j - 1;
                continue;
            }
            var schedule = stage.Schedule!;
            long? end = start + schedule.Length;
            if (stage.Until is { } until)
            {
                (end, string reason) = EndOf(until, log, start);
                if (end is { } stageEnd) endings.Add(new StageEnding(i, start, stageEnd, reason));
            }
            if (stage.Reduce is { } policy) schedule = Reduced(schedule, policy, log, start, end);
            if (end is not { } stop)
            {
                phases.Add(schedule);
                break;
            }
            phases.Add(stop - start == schedule.Length ? schedule : schedule.Take(stop - start));
            start = stop;
        }
        return phases.Count == 1 ? phases[0] : Schedules.Sequence(phases.ToArray());
    }

    /// <summary>The first step after the observation at which the condition holds (null if it has not yet), and why.</summary>
    private static (long? End, string Reason) EndOf(EndCondition condition, ObservationLog log, long start)
    {
        PlateauState? plateau = condition is EndCondition.Plateau p ? p.Policy.Start(1) : null;
        foreach (var o in log.Observations)
        {
            if (o.Step < start) continue;
            string? reason = null;
            switch (condition)
            {
                case EndCondition.Below b when o.Metric < b.Value:
                    reason = Invariant($"metric {o.Metric:G6} below {b.Value:G6} after step {o.Step}");
                    break;
                case EndCondition.Above a when o.Metric > a.Value:
                    reason = Invariant($"metric {o.Metric:G6} above {a.Value:G6} after step {o.Step}");
                    break;
                case EndCondition.Plateau:
                    var before = plateau!;
                    plateau = plateau!.Observe(o.Metric);
                    if (plateau.Rate < before.Rate)
                        reason = Invariant($"plateau after step {o.Step}: no improvement on {before.Best:G6} for more than {before.Policy.Patience} observations");
                    break;
            }
            if (reason is not null) return (o.Step + 1, reason);
        }
        return (null, "");
    }

    /// <summary>The stage's schedule times the reduce-on-plateau factor of the observations made while it ran.</summary>
    private static Schedule Reduced(Schedule schedule, PlateauPolicy policy, ObservationLog log, long start, long? end)
    {
        var state = policy.Start(1);
        var values = new List<double> { 1 };
        var boundaries = new List<long>();
        foreach (var o in log.Observations)
        {
            // An observation after step s acts from step s + 1: those acting after the stage are not its own.
            if (o.Step < start) continue;
            if (end is { } e && o.Step + 1 >= e) break;
            var next = state.Observe(o.Metric);
            if (next.Rate < state.Rate)
            {
                long at = o.Step + 1 - start;
                if (boundaries.Count > 0 && boundaries[^1] == at) values[^1] = next.Rate;
                else
                {
                    boundaries.Add(at);
                    values.Add(next.Rate);
                }
            }
            state = next;
        }
        return boundaries.Count == 0 ? schedule : schedule.Scale(Schedules.PiecewiseConstant(values.ToArray(), boundaries.ToArray()));
    }

    /// <summary>The text form; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => string.Join(" >> ", _stages.Select(Print));

    private static string Print(LiveStage stage)
    {
        if (stage.Lead is { } lead) return lead.ToString();
        string body = stage.Schedule!.ToString();
        if (stage.Reduce is { } r) body = $"reduce-on-plateau {Policy(r)} ({body})";
        return stage.Until switch
        {
            EndCondition.Plateau p => $"until-plateau {Policy(p.Policy)} ({body})",
            EndCondition.Below b => Invariant($"until-metric below={b.Value:R} ({body})"),
            EndCondition.Above a => Invariant($"until-metric above={a.Value:R} ({body})"),
            _ => body,
        };
    }

    /// <summary>The policy's parameters that differ from the defaults of its parameter list, as <c>key=value</c>, in the
    /// list's order; the reader takes the same list, so what is left out reads back as the same default.</summary>
    private static string Policy(PlateauPolicy p)
    {
        object[] values = [p.Mode, p.Factor, p.Patience, p.Threshold, p.ThresholdMode, p.Cooldown, p.MinRate, p.Eps];
        var parts = new List<string>();
        foreach (var (parameter, value) in WordParameters.PlateauPolicy.Zip(values))
            if (!Equals(parameter.Default, value)) parts.Add(parameter.Text + "=" + PolicyValue(value));
        return string.Join(" ", parts);
    }

    private static string PolicyValue(object value) => value switch
    {
        double d => RecipeWriter.Number(d),
        Enum e => Vocabulary.Kebab(e.ToString()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>Reads the text form: stages joined by <c>&gt;&gt;</c>, each a recipe, optionally wrapped in
    /// <c>until-plateau</c>, <c>until-metric</c> and/or <c>reduce-on-plateau</c>.</summary>
    /// <exception cref="RecipeFormatException">The text is not a live schedule.</exception>
    public static LiveSchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var expr = RecipeParser.Parse(text);
        var parts = expr is Chain chain ? chain.Parts : [expr];
        var binder = new RecipeBinder(text);
        var stages = parts.Select(p => Stage(p, text, binder)).ToArray();
        try
        {
            return Of(stages);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new RecipeFormatException(text, 0, e.Message);
        }
    }

    /// <summary>True when the text uses a live word (until-…, reduce-on-plateau), so it needs an observation log.</summary>
    public static bool IsLive(string text) => text.Contains("until-", StringComparison.Ordinal) || text.Contains("reduce-on-plateau", StringComparison.Ordinal);

    private static LiveStage Stage(RecipeExpr expr, string text, RecipeBinder binder)
    {
        if (expr is Application { Name: "until-plateau" or "until-metric" } until)
        {
            var body = Single(until, text);
            EndCondition condition = until.Name == "until-plateau"
                ? new EndCondition.Plateau(PolicyOf(until, text))
                : MetricCondition(until, text);
            var inner = Stage(body, text, binder);
            if (inner.Lead is not null || inner.Until is not null) throw new RecipeFormatException(text, body.Offset, "until-… wraps a schedule");
            var stage = LiveStage.RunUntil(inner.Schedule!, condition);
            return inner.Reduce is { } r ? stage.ReducedOnPlateau(r) : stage;
        }
        if (expr is Application { Name: "reduce-on-plateau" } reduce)
        {
            var inner = Stage(Single(reduce, text), text, binder);
            if (inner.Lead is not null) throw new RecipeFormatException(text, reduce.Offset, "a warmup or hold cannot be reduced on its own");
            return inner.ReducedOnPlateau(PolicyOf(reduce, text));
        }
        return binder.Bind(expr) switch
        {
            Schedule s => LiveStage.Of(s),
            Lead l => LiveStage.Of(l),
            _ => throw new RecipeFormatException(text, expr.Offset, "expected a schedule"),
        };
    }

    private static RecipeExpr Single(Application app, string text)
    {
        var inputs = app.Args.OfType<ScheduleArg>().ToList();
        return inputs.Count == 1 ? inputs[0].Expr : throw new RecipeFormatException(text, app.Offset, $"{app.Name} takes one schedule in parentheses");
    }

    private static EndCondition MetricCondition(Application app, string text)
    {
        var named = app.Args.OfType<NamedArg>().ToList();
        if (named.Count == 1 && named[0].Value is NumberValue n && named[0].Key is "below" or "above")
            return named[0].Key == "below" ? new EndCondition.Below(n.Value) : new EndCondition.Above(n.Value);
        throw new RecipeFormatException(text, app.Offset, "until-metric takes below=<number> or above=<number>");
    }

    private static PlateauPolicy PolicyOf(Application app, string text)
    {
        // The same argument reader as every recipe word, on the policy's parameter list: its defaults, whole numbers
        // kept exactly (patience=2.7 is refused, not 2), a parameter given twice refused, an unknown one named at its place.
        var a = new CallArgs(app, text, expr => throw new RecipeFormatException(text, expr.Offset, $"{app.Name} takes its schedule after its parameters"),
            parameters: WordParameters.PlateauPolicy);
        foreach (var arg in app.Args)
        {
            if (arg is ScheduleArg) continue;
            if (arg is not NamedArg named) throw new RecipeFormatException(text, arg.Offset, $"{app.Name} takes its parameters by name");
            if (WordParameters.ByText(WordParameters.PlateauPolicy, named.Key) is null)
                throw new RecipeFormatException(text, arg.Offset, $"{app.Name} takes no parameter '{named.Key}'");
        }
        try
        {
            return new PlateauPolicy(a.Option<PlateauMode>("mode"), a.Named("factor"), a.NamedInt("patience"), a.Named("threshold"),
                a.Option<ThresholdMode>("threshold-mode"), a.NamedInt("cooldown"), a.Named("min-rate"), a.Named("eps"));
        }
        catch (RuleViolationException e)
        {
            throw new RecipeFormatException(text, app.Offset, e.Violation.Message);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
