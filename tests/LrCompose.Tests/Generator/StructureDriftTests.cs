using Microsoft.CodeAnalysis;

namespace LrCompose.Tests.Generator;

/// <summary>
/// The structure rules the runtime and the generator once wrote separately, and where they drifted (issue 20): each
/// recipe here is refused by the runtime, and the generator must refuse it too, with the runtime's own words, at the
/// argument the rule names.
/// </summary>
public class StructureDriftTests
{
    private static (Diagnostic Diagnostic, string At) Compile(string recipe)
    {
        string source = GeneratorHarness.Usings + "public static partial class R\n{\n[CompiledSchedule] public static Schedule A => " + recipe + ";\n}\n";
        var d = Assert.Single(GeneratorHarness.Generate(source).GeneratorDiagnostics);
        return (d, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_join_whose_end_is_past_long_MaxValue_is_refused_by_both_at_the_boundaries()
    {
        var runtime = Assert.ThrowsAny<ArgumentException>(() =>
            Schedules.Join([Schedules.Constant(1), Schedules.Linear(100, 1, 0)], [9223372036854775800]));
        Assert.Equal("boundaries was [9223372036854775800]: it must keep the schedule within long.MaxValue (9223372036854775807) steps.", runtime.Message);

        var (d, at) = Compile("Join([Constant(1), Linear(100, 1, 0)], [9223372036854775800])");
        Assert.Equal("LRC010", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("[9223372036854775800]", at);
        Assert.Equal(runtime.Message, d.GetMessage());
    }

    [Fact]
    public void A_join_that_ends_exactly_at_long_MaxValue_is_taken_by_both()
    {
        var runtime = Schedules.Join([Schedules.Constant(1), Schedules.Linear(7, 1, 0)], [9223372036854775800]);
        Assert.Equal(long.MaxValue, runtime.Length);
        string source = GeneratorHarness.Usings + "public static partial class R\n{\n[CompiledSchedule] public static Schedule A => Join([Constant(1), Linear(7, 1, 0)], [9223372036854775800]);\n}\n";
        Assert.Empty(GeneratorHarness.Generate(source).GeneratorDiagnostics);
    }

    [Fact]
    public void Shifts_that_add_up_past_long_MaxValue_are_refused_by_both_at_the_second_shift()
    {
        var runtime = Assert.ThrowsAny<ArgumentException>(() => Schedules.Constant(1).Shift(long.MaxValue).Shift(1));
        Assert.Equal("steps was 1: it must keep the schedule within long.MaxValue (9223372036854775807) steps.", runtime.Message);

        var (d, at) = Compile("Constant(1).Shift(long.MaxValue).Shift(1)");
        Assert.Equal("LRC010", d.Id);
        Assert.Equal("1", at);
        Assert.Equal(runtime.Message, d.GetMessage());
    }

    /// <summary>Every combinator that needs the end of a schedule, given one that never ends: the runtime's recipe (the
    /// runtime names the schedule by its recipe text), the same in C# for the generator (which names it by its word),
    /// and the words both must say after the name.</summary>
    public static TheoryData<string, string, string> Unending() => new()
    {
        { "Then", "Constant(1).Then(Linear(10, 1, 0))", ", so nothing can follow it; make it finite with .Take(steps)" },
        { ">>", "Constant(1) >> Linear(10, 1, 0)", ", so nothing can follow it; make it finite with .Take(steps)" },
        { "Sequence", "Sequence(Constant(1), Linear(10, 1, 0))", ", so nothing can follow it; make it finite with .Take(steps)" },
        { "Cycle", "Constant(1).Cycle()", ", so it cannot be cycled; make it finite with .Take(steps)" },
        { "Retarget", "Constant(1).Retarget(0, 10)", ", so it has no end to re-target; make it finite with .Take(steps)" },
        { "Staircase", "Constant(1).Staircase(4)", ", so it has no length to cut into stairs; give the span, or make it finite with .Take(steps)" },
    };

    [Theory]
    [MemberData(nameof(Unending))]
    public void The_generator_refuses_an_unending_schedule_in_the_runtime_s_words(string combinator, string recipe, string words)
    {
        var build = Build(combinator);
        var runtime = Assert.Throws<InvalidOperationException>(build);
        Assert.Equal("constant 1 goes on for ever" + words, runtime.Message);

        var (d, _) = Compile(recipe);
        Assert.Equal("LRC012", d.Id);
        Assert.Equal("'constant' goes on for ever" + words, d.GetMessage());
        // Word for word, apart from how each front end names the schedule.
        Assert.Equal(runtime.Message["constant 1".Length..], d.GetMessage()["'constant'".Length..]);
    }

    private static Action Build(string combinator) => combinator switch
    {
        "Then" => () => Schedules.Constant(1).Then(Schedules.Linear(10, 1, 0)),
        ">>" => () => _ = Schedules.Constant(1) >> Schedules.Linear(10, 1, 0),
        "Sequence" => () => Schedules.Sequence(Schedules.Constant(1), Schedules.Linear(10, 1, 0)),
        "Cycle" => () => Schedules.Constant(1).Cycle(),
        "Retarget" => () => Schedules.Constant(1).Retarget(0, 10),
        "Staircase" => () => Schedules.Constant(1).Staircase(4),
        _ => throw new ArgumentOutOfRangeException(nameof(combinator)),
    };

    /// <summary>The use each row of <see cref="Unending"/> is about, and the uses only the runtime has (a compiled
    /// struct has no <c>EndValue</c> and no live stages).</summary>
    private static readonly Dictionary<string, LrCompose.Validation.UnendingUse> UseOf = new()
    {
        ["Then"] = LrCompose.Validation.UnendingUse.Followed, [">>"] = LrCompose.Validation.UnendingUse.Followed,
        ["Sequence"] = LrCompose.Validation.UnendingUse.Followed, ["Cycle"] = LrCompose.Validation.UnendingUse.Cycled,
        ["Retarget"] = LrCompose.Validation.UnendingUse.Retargeted, ["Staircase"] = LrCompose.Validation.UnendingUse.Staircased,
    };

    public static TheoryData<string, string, string> RuntimeOnly() => new()
    {
        { nameof(LrCompose.Validation.UnendingUse.Ended), "EndValue", "constant 1 goes on for ever, so it has no end value; make it finite with .Take(steps)" },
        { nameof(LrCompose.Validation.UnendingUse.FollowedLive), "LiveSchedule",
            "constant 1 goes on for ever, so no stage can follow it without an end condition; give it one (until-metric, until-plateau), or make it finite with .Take(steps)" },
    };

    [Fact]
    public void Every_use_of_an_unending_schedule_is_compared_or_runtime_only()
    {
        var compared = Unending().Select(row => UseOf[(string)row[0]]);
        var runtimeOnly = RuntimeOnly().Select(row => Enum.Parse<LrCompose.Validation.UnendingUse>((string)row[0]));
        Assert.Equal(Enum.GetValues<LrCompose.Validation.UnendingUse>().OrderBy(u => u), compared.Concat(runtimeOnly).Distinct().OrderBy(u => u));
    }

    [Theory]
    [MemberData(nameof(RuntimeOnly))]
    public void The_runtime_only_uses_speak_the_shared_sentence(string use, string where, string message)
    {
        Action build = where == "EndValue"
            ? () => _ = Schedules.Constant(1).EndValue
            : () => LiveSchedule.Of(LiveStage.Of(Schedules.Constant(1)), LiveStage.Of(Schedules.Constant(2)));
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(build).Message);
        Assert.Equal(message, LrCompose.Validation.ConstructorRules.NeverEnds("constant 1", Enum.Parse<LrCompose.Validation.UnendingUse>(use)));
    }

    [Fact]
    public void An_empty_sequence_and_a_lead_after_phases_are_refused_by_both_in_the_same_words()
    {
        var (empty, at) = Compile("Sequence()");
        Assert.Equal("LRC010", empty.Id);
        Assert.Equal("Sequence()", at);
        Assert.Equal("phases was []: it must not be empty.", empty.GetMessage());
        Assert.Equal(empty.GetMessage(), Assert.ThrowsAny<ArgumentException>(() => Schedules.Sequence()).Message);

        var (lead, leadAt) = Compile("Warmup(10).Then(Linear(5, 1, 0).Then(Hold(3))).Then(Constant(1))");
        Assert.Equal("LRC010", lead.Id);
        Assert.Equal("Linear(5, 1, 0).Then(Hold(3))", leadAt);
        string words = "more was a lead with phases before it: it must be a lead with no phases before it.";
        Assert.Equal(words, lead.GetMessage());
        Assert.Equal(words, Assert.ThrowsAny<ArgumentException>(() => Schedules.Warmup(10).Then(Schedules.Linear(5, 1, 0).Then(Schedules.Hold(3)))).Message);
    }

    /// <summary>Scale, shift and stretch fuse by one set of steps (<c>Core/Fusion.cs</c>) in the runtime and the model:
    /// what fuses away in one fuses away in the other, and what is left is one node with the same combined value.</summary>
    [Theory]
    [InlineData("Linear(100, 1, 0).Scale(0.5).Scale(2).Shift(5).Shift(-5).Stretch(4).Stretch(0.25)", "linear 100 from=1 to=0", null)]
    [InlineData("Linear(100, 1, 0).Scale(0.5).Scale(0.5)", "scale 0.25 (linear 100 from=1 to=0)", "return 0.25 * ")]
    [InlineData("Linear(100, 1, 0).Shift(7).Shift(-2)", "shift 5 (linear 100 from=1 to=0)", "ShiftTime(t, 5L)")]
    [InlineData("Linear(100, 1, 0).Stretch(2).Stretch(1.5)", "stretch 3 (linear 100 from=1 to=0)", "StretchTime(t, 3d)")]
    public void Scale_shift_and_stretch_fuse_alike_in_both(string recipe, string runtimeText, string? fusedNode)
    {
        var runtime = Fused(Schedules.Linear(100, 1, 0), recipe);
        Assert.Equal(runtimeText, runtime.ToString());
        string source = GeneratorHarness.Usings + "public static partial class R\n{\n[CompiledSchedule] public static Schedule A => " + recipe + ";\n}\n";
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        string emitted = run.Source(".A.g.cs");
        int methods = emitted.Split("private static double N").Length - 1;
        Assert.Equal(fusedNode is null ? 1 : 2, methods);   // the linear, and at most the one fused node over it
        if (fusedNode is not null) Assert.Contains(fusedNode, emitted);
    }

    /// <summary>The recipe's chain of <c>.Scale</c>, <c>.Shift</c> and <c>.Stretch</c> calls, applied at run time.</summary>
    private static Schedule Fused(Schedule schedule, string recipe)
    {
        foreach (var call in recipe.Split(").")[1..])
        {
            string name = call[..call.IndexOf('(')];
            string argument = call[(call.IndexOf('(') + 1)..].TrimEnd(')');
            double value = double.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);
            schedule = name switch
            {
                "Scale" => schedule.Scale(value),
                "Shift" => schedule.Shift((long)value),
                _ => schedule.Stretch(value),
            };
        }
        return schedule;
    }
}
