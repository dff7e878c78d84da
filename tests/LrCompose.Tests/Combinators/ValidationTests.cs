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
        { "cycle unbounded", () => Constant(1).Cycle(), "schedule", "constant 1", "goes on for ever" },
        { "then after unbounded", () => Constant(1).Then(Constant(2)), "first", "constant 1", "goes on for ever" },
        { "cycle decay above one", () => Linear(10, 1, 0).Cycle(decay: 2), "decay", "2", "at most 1" },
        { "clamp inverted", () => Constant(1).Clamp(0.5, 0.1), "low", "0.5", "not be greater than the upper bound" },
        { "scale overflow", () => Constant(1e99).Scale(100), "factor", "100", "between 0 and 1e100" },
        { "piecewise counts", () => PiecewiseConstant([1, 2], [1, 2]), "values", "[1, 2]", "one more value" },
        { "split fractions", () => Split(100, new Portion(0.5, n => Constant(1).Take(n))), "portions", "[0.5]", "add up to 1" },
        { "plateau factor", () => new PlateauPolicy(factor: 1.5), "factor", "1.5", "between 0 and 1" },
        { "per epoch zero", () => Constant(1).PerEpoch(0), "stepsPerEpoch", "0", "at least 1" },
    };

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
