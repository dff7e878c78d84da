using static LrCompose.Schedules;

namespace LrCompose.Tests.Rules;

/// <summary>
/// The structure rules (lengths that must fit in a long, phases that must last a step, counts that must match) at
/// their exact edges: the last input each accepts, the first it refuses, and the whole message the user reads.
/// </summary>
public class StructureRuleEdgeTests
{
    private const long Max = long.MaxValue;
    private const string StepRange = "it must keep the schedule within long.MaxValue (9223372036854775807) steps.";

    public static TheoryData<string, Func<Schedule>, long?> Accepted => new()
    {
        { "phases ending exactly at long.MaxValue", () => Linear(Max - 10, 1, 0).Then(Linear(10, 1, 0)), Max },
        { "epochs filling long.MaxValue exactly", () => Linear(7, 1, 0).PerEpoch(Max / 7), Max },
        { "a shift ending exactly at long.MaxValue", () => Linear(10, 1, 0).Shift(Max - 10), Max },
        { "a shift back leaving one step", () => Linear(10, 1, 0).Shift(-9), 1 },
        { "a stretch to exactly one step", () => Linear(10, 1, 0).Stretch(0.1), 1 },
        { "a stretch to exactly 1e15 steps", () => Linear(10, 1, 0).Stretch(1e14), 1_000_000_000_000_000 },
        { "a cycle multiplier of exactly 1", () => Linear(10, 1, 0).Cycle(multiplier: 1, limit: 2), 20 },
        { "a cycle multiplier of exactly 1e6", () => Linear(10, 1, 0).Cycle(multiplier: 1e6, limit: 2), 10 + 10_000_000 },
        { "a decay ending exactly at long.MaxValue", () => Constant(1).DecayAt(Max - 10, 10), Max },
        { "a decay of one step from step 0", () => Constant(1).DecayAt(0, 1), 1 },
        { "two-phase one-cycle at half", () => Recipes.OneCycle(0.1, 10, pctStart: 0.5).LearningRate, 10 },
        { "one-cycle with a one-step rise", () => Recipes.OneCycle(0.1, 10, pctStart: 0.1).LearningRate, 10 },
        { "one-cycle with a one-step fall", () => Recipes.OneCycle(0.1, 10, pctStart: 0.9).LearningRate, 10 },
        { "three-phase one-cycle leaving one step", () => Recipes.OneCycle(0.1, 11, pctStart: 0.45, threePhase: true).LearningRate, 11 },
        { "multi-step reaching exactly 1e100", () => MultiStep(1e98, 10, 1, 2).Take(3), 3 },
        { "a join with one schedule and no boundaries", () => Join([Linear(10, 1, 0)], []), 10 },
        { "a join starting its second schedule at step 0", () => Join([Constant(1), Linear(10, 1, 0)], [0]), 10 },
        { "a warmup-stable-decay ending at long.MaxValue", () => Recipes.WarmupStableDecay(1, 10, 10, Max - 20), Max },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_last_input_a_rule_accepts_builds_with_its_length(string why, Func<Schedule> build, long? length)
    {
        var schedule = build();
        Assert.True(schedule.Length == length, $"{why}: length {schedule.Length}, expected {length}");
    }

    public static TheoryData<string, Func<Schedule>, string, string> Refused => new()
    {
        { "a phase one step past long.MaxValue", () => Linear(Max - 10, 1, 0).Then(Linear(11, 1, 0)), "next",
            "next was a phase of 11 steps after 9223372036854775797 steps: " + StepRange },
        { "epochs one step past long.MaxValue", () => Linear(8, 1, 0).PerEpoch(Max / 7), "stepsPerEpoch",
            "stepsPerEpoch was 1317624576693539401: " + StepRange },
        { "a shift one step past long.MaxValue", () => Linear(10, 1, 0).Shift(Max - 9), "steps", "steps was 9223372036854775798: " + StepRange },
        { "a shift back past the end", () => Linear(10, 1, 0).Shift(-10), "steps", "steps was -10: it skips past the end of a 10-step phase." },
        { "a stretch below one step", () => Linear(10, 1, 0).Stretch(0.05), "factor", "factor was 0.05: it must keep the 10-step phase between 1 and 1e15 steps long." },
        { "a stretch past 1e15 steps", () => Linear(10, 1, 0).Stretch(1.0000000000000002e14), "factor",
            "factor was 100000000000000.02: it must keep the 10-step phase between 1 and 1e15 steps long." },
        { "a cycle multiplier an ulp above 1e6", () => Linear(10, 1, 0).Cycle(multiplier: Math.BitIncrement(1e6)), "multiplier",
            "multiplier was 1000000.0000000001: it must be a finite number of at least 1 (and at most 1e6)." },
        { "a cycle multiplier an ulp below 1", () => Linear(10, 1, 0).Cycle(multiplier: Math.BitDecrement(1)), "multiplier",
            "multiplier was 0.9999999999999999: it must be a finite number of at least 1 (and at most 1e6)." },
        { "a decay one step past long.MaxValue", () => Constant(1).DecayAt(Max, 1), "length", "length was 1: " + StepRange },
        { "three-phase one-cycle with no last phase", () => Recipes.OneCycle(0.1, 10, pctStart: 0.5, threePhase: true).LearningRate, "pctStart",
            "pctStart was 0.5: it must leave every phase of a 10-step one-cycle at least one step." },
        { "one-cycle with no rise", () => Recipes.OneCycle(0.1, 10, pctStart: 0.01).LearningRate, "pctStart",
            "pctStart was 0.01: it must leave every phase of a 10-step one-cycle at least one step." },
        { "one-cycle with no fall", () => Recipes.OneCycle(0.1, 10, pctStart: 1).LearningRate, "pctStart",
            "pctStart was 1: it must leave every phase of a 10-step one-cycle at least one step." },
        { "multi-step growing past 1e100", () => MultiStep(1e99, 100, 1, 2), "gamma",
            "gamma was 100: it makes the last value 1E+103, which must be a finite number between 0 and 1e100." },
        { "a scale past 1e100", () => Constant(1e99).Scale(100), "factor",
            "factor was 100: it makes the largest value 1E+101, which must be a finite number between 0 and 1e100." },
        { "a knot past long.MaxValue", () => Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(1e19, 0)), "knots", "knots was 1E+19: " + StepRange },
        { "no knots", () => Interpolate(Interpolation.Linear), "knots", "knots was []: it must not be empty." },
        { "knots out of order", () => Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(5.5, 1), new Knot(5.5, 0)), "knots",
            "knots was [0, 5.5, 5.5]: it must be strictly ascending." },
        { "a knot of a bad rate", () => Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(5, -0.5)), "knots",
            "knots was -0.5: it must be a finite number between 0 and 1e100." },
        { "no piecewise values", () => PiecewiseConstant([], []), "values", "values was []: it must not be empty." },
        { "piecewise values not matching", () => PiecewiseConstant([0.5, 0.25], [5, 6]), "values",
            "values was [0.5, 0.25]: it must have exactly one more value than there are boundaries." },
        { "a piecewise value of a bad rate", () => PiecewiseConstant([0.5, -0.25], [5]), "values", "values was -0.25: it must be a finite number between 0 and 1e100." },
        { "piecewise boundaries repeated", () => PiecewiseConstant([0.5, 0.25, 0.1], [5, 5]), "boundaries", "boundaries was [5, 5]: it must be strictly ascending." },
        { "a join of nothing", () => Join([], []), "schedules", "schedules was []: it must not be empty." },
        { "a join with too many boundaries", () => Join([Constant(1)], [5]), "boundaries",
            "boundaries was [5]: it must have exactly one fewer boundary than there are schedules (1)." },
        { "a join with a repeated boundary", () => Join([Constant(1), Constant(0.5), Constant(0.25)], [5, 5]), "boundaries",
            "boundaries was [5, 5]: it must be strictly ascending steps of 0 or more." },
        { "a join with a negative boundary", () => Join([Constant(1), Constant(0.5)], [-1]), "boundaries",
            "boundaries was [-1]: it must be strictly ascending steps of 0 or more." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_first_input_a_rule_refuses_is_named_in_full(string why, Func<Schedule> build, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.True(e.ParamName == parameter && e.Message == message, $"{why}: {e.ParamName}: {e.Message}");
    }
}
