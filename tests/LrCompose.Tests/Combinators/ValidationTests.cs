using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>Every constructor refuses bad input with an ArgumentException naming the parameter, the value and the rule.</summary>
public class ValidationTests
{
    public static TheoryData<string, Action, string, string, string> BadInputs => new()
    {
        { "negative rate", () => Constant(-0.1), "value", "-0.1", "between 0 and 1e100" },
        { "NaN rate", () => Linear(10, double.NaN, 0), "from", "NaN", "finite" },
        { "infinite rate", () => Cosine(10, double.PositiveInfinity), "peak", "Infinity", "finite" },
        { "zero length", () => Cosine(0, 1), "steps", "0", "at least 1 step" },
        { "negative length", () => Linear(-5, 0, 1), "steps", "-5", "at least 1 step" },
        { "gamma zero", () => StepDecay(0.1, 0, 10), "gamma", "0", "greater than 0" },
        { "negative gamma", () => MultiStep(0.1, -0.5, 10), "gamma", "-0.5", "greater than 0" },
        { "growing step decay", () => StepDecay(0.1, 1.5, 10), "gamma", "1.5", "at most 1" },
        { "unsorted milestones", () => MultiStep(0.1, 0.1, 60, 30), "milestones", "[60, 30]", "ascending" },
        { "negative milestone", () => MultiStep(0.1, 0.1, -1, 30), "milestones", "[-1, 30]", "0 or more" },
        { "growth without end", () => Exponential(0.1, 1.1), "rate", "1.1", "end value to clamp at" },
        { "warmup longer than run", () => Recipes.WarmupCosine(1e-3, 1000, 500), "warmupSteps", "1000", "shorter than the whole run" },
        { "warmup as long as run", () => Recipes.WarmupCosine(1e-3, 500, 500), "warmupSteps", "500", "shorter than the whole run" },
        { "zero warmup steps", () => Warmup(0), "steps", "0", "at least 1 step" },
        { "exponential warmup from zero", () => Warmup(10, shape: WarmupShape.Exponential), "from", "0", "greater than 0" },
        { "stretch zero", () => Constant(1).Stretch(0), "factor", "0", "greater than 0" },
        { "stretch below a step", () => Linear(10, 1, 0).Stretch(0.05), "factor", "0.05", "between 1 and 1e15 steps long" },
        { "shift past the end", () => Linear(10, 1, 0).Shift(-10), "steps", "-10", "skips past the end of a 10-step phase" },
        { "phases past long.MaxValue", () => Cosine(1L << 62, 0.1).Then(Cosine(1L << 62, 0.1)).Then(Constant(0.01)), "next",
            "a phase of 4611686018427387904 steps after 4611686018427387904 steps", "within long.MaxValue" },
        { "sequence length past long.MaxValue", () => Cosine(1L << 62, 0.1).Then(Cosine(1L << 62, 0.1)), "next",
            "4611686018427387904", "within long.MaxValue" },
        { "per epoch past long.MaxValue", () => Linear(1L << 40, 1, 0).PerEpoch(1L << 30), "stepsPerEpoch", "1073741824", "within long.MaxValue" },
        { "shift past long.MaxValue", () => Linear(10, 1, 0).Shift(long.MaxValue), "steps", "9223372036854775807", "within long.MaxValue" },
        { "cycles past long.MaxValue", () => Linear(1L << 60, 1, 0).Cycle(limit: 100), "limit", "100", "within long.MaxValue" },
        { "exponential warmup into zero", () => Warmup(10, from: 0.01, shape: WarmupShape.Exponential).Then(Linear(100, 0, 1)), "target", "0",
            "the value the exponential warmup ramps into" },
        { "join boundaries", () => Join([Constant(1), Constant(2)], [5, 6]), "boundaries", "[5, 6]", "one fewer boundary" },
        { "join order", () => Join([Constant(1), Constant(2), Constant(3)], [6, 5]), "boundaries", "[6, 5]", "strictly ascending" },
        { "cycle decay above one", () => Linear(10, 1, 0).Cycle(decay: 2), "decay", "2", "at most 1" },
        { "clamp inverted", () => Constant(1).Clamp(0.5, 0.1), "low", "0.5", "not be greater than the upper bound" },
        { "scale overflow", () => Constant(1e99).Scale(100), "factor", "100", "between 0 and 1e100" },
        { "piecewise counts", () => PiecewiseConstant([1, 2], [1, 2]), "values", "[1, 2]", "one more value" },
        { "split fractions", () => Split(100, new Portion(0.5, n => Constant(1).Take(n))), "portions", "[0.5]", "add up to 1" },
        { "scale of a range overflowing at its top", () => Linear(10, 1, 1e99).Scale(100), "factor", "100", "between 0 and 1e100" },
        { "negative scale", () => Constant(1).Scale(-2), "factor", "-2", "" },
        { "scale by a schedule overflowing", () => Constant(1e60).Scale(Linear(10, 0, 1e60)), "by", "linear", "between 0 and 1e100" },
        { "sum overflowing at the top", () => Sum(Linear(10, 0, 6e99), Linear(10, 6e99, 0)), "b", "linear", "between 0 and 1e100" },
        { "mirror inverted", () => Linear(10, 1, 0).Mirror(0.95, 0.85), "low", "0.95", "not be greater than the upper bound" },
        { "mirror negative", () => Linear(10, 1, 0).Mirror(-0.1, 0.85), "low", "-0.1", "between 0 and 1e100" },
        { "take zero", () => Constant(1).Take(0), "steps", "0", "at least 1 step" },
        { "hold zero", () => Hold(0), "steps", "0", "at least 1 step" },
        { "empty sequence", () => Sequence(), "phases", "[]", "must not be empty" },
        { "split of no steps", () => Split(0, new Portion(1, n => Constant(1).Take(n))), "totalSteps", "0", "at least 1 step" },
        { "split of nothing", () => Split(100), "portions", "[]", "must not be empty" },
        { "split fraction above one", () => Split(100, new Portion(1.5, n => Constant(1).Take(n)), new Portion(-0.5, n => Constant(1).Take(n))),
            "portions", "1.5", "" },
        { "split phase of no steps", () => Split(10, new Portion(0.01, n => Constant(1).Take(n)), new Portion(0.99, n => Constant(1).Take(n))),
            "portions", "0.01", "gives phase 0 no steps of a 10-step run" },
        { "split builder of the wrong length", () => Split(10, new Portion(1, n => Constant(1).Take(n + 1))), "portions", "take 11",
            "must build a phase of exactly 10 steps" },
        { "lead after a lead with phases before it", () => Warmup(5).Then(Constant(1).Take(3).Then(Warmup(5))), "more", "a lead with phases before it", "must be a lead with no phases before it" },
        { "join past long.MaxValue", () => Join([Constant(1), Constant(1).Take(11)], [long.MaxValue - 10]), "boundaries", "9223372036854775797",
            "within long.MaxValue" },
        { "shift back past long.MinValue", () => Linear(10, 1, 0).Shift(-5).Shift(long.MinValue + 4), "steps", "-9223372036854775804",
            "within long.MaxValue" },
        { "decay-at past long.MaxValue", () => Constant(1).DecayAt(long.MaxValue - 5, 10), "length", "10", "within long.MaxValue" },
        { "warmup-stable-decay stable past long.MaxValue", () => Recipes.WarmupStableDecay(1, long.MaxValue - 5, 10, 10), "stableSteps", "10",
            "within long.MaxValue" },
        { "warmup-stable-decay decay past long.MaxValue", () => Recipes.WarmupStableDecay(1, 10, 10, long.MaxValue - 15), "decaySteps",
            "9223372036854775792", "within long.MaxValue" },
        { "retarget at the end", () => Linear(10, 1, 0).Retarget(10, 20), "at", "10", "before the end of the 10-step schedule" },
        { "retarget back", () => Linear(10, 1, 0).Retarget(5, 5), "total", "5", "after the step it re-targets from" },
        { "stretch past 1e15 steps", () => Linear(10, 1, 0).Stretch(2e14), "factor", "200000000000000", "between 1 and 1e15 steps long" },
        { "cycle multiplier above 1e6", () => Linear(10, 1, 0).Cycle(multiplier: 2e6), "multiplier", "2000000", "at most 1e6" },
        { "cycle multiplier below 1", () => Linear(10, 1, 0).Cycle(multiplier: 0.5), "multiplier", "0.5", "at least 1" },
        { "multi-step growing past the largest rate", () => MultiStep(1e99, 100, 1, 2), "gamma", "100", "makes the last value" },
        { "knots not ascending", () => Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(5, 1), new Knot(5, 0)), "knots", "[0, 5, 5]", "strictly ascending" },
        { "knots of a bad rate", () => Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(5, -1)), "knots", "-1", "between 0 and 1e100" },
        { "tanh bounds inverted", () => Tanh(10, 1, 0, lb: 3, ub: -7), "lb", "3", "not be greater than the upper bound" },
        { "one-cycle with no room to fall", () => Recipes.OneCycle(1, 10, pctStart: 0.5, threePhase: true), "pctStart", "0.5", "at least one step" },
        { "one-cycle momentum inverted", () => Recipes.OneCycle(1, 10, baseMomentum: 0.95, maxMomentum: 0.85), "baseMomentum", "0.95", "not be greater than the upper bound" },
        { "plateau factor", () => new PlateauPolicy(factor: 1.5), "factor", "1.5", "between 0 and 1" },
        { "per epoch zero", () => Constant(1).PerEpoch(0), "stepsPerEpoch", "0", "at least 1" },
        { "power law with no knee", () => PowerLaw(0.02, 0, 0.5), "knee", "0", "greater than 0" },
        { "power law that does not fall", () => PowerLaw(0.02, 100, 0), "exponent", "0", "greater than 0" },
        { "power law starting before the run", () => PowerLaw(0.02, 100, 0.5, start: -1), "start", "-1", "0 or more steps" },
        { "staircase of no stairs", () => Linear(10, 1, 0).Staircase(0), "stairs", "0", "at least 1" },
        { "staircase over no steps", () => Constant(1).Staircase(3, span: 0), "span", "0", "at least 1 step" },
    };

    /// <summary>A problem with the receiver (not with an argument) is an InvalidOperationException saying what is wrong.</summary>
    public static TheoryData<string, Action> BadReceivers => new()
    {
        { "cycle unbounded", () => Constant(1).Cycle() },
        { "then after unbounded", () => Constant(1).Then(Constant(2)) },
        { "sequence after unbounded", () => Sequence(Exponential(1, 0.5), Constant(2)) },
        { "staircase of unbounded with no span", () => Constant(1).Staircase(4) },
    };

    [Theory]
    [MemberData(nameof(BadReceivers))]
    public void A_schedule_that_never_ends_cannot_be_followed_or_cycled(string what, Action build)
    {
        var e = Assert.Throws<InvalidOperationException>(build);
        Assert.True(e.Message.Contains("goes on for ever") && e.Message.Contains(".Take(steps)"), $"{what}: {e.Message}");
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_names_parameter_value_and_rule(string what, Action build, string parameter, string value, string rule)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.True(e.ParamName == parameter, $"{what}: parameter was {e.ParamName}");
        Assert.Contains(value, e.Message);
        Assert.Contains(rule, e.Message);
    }
}
