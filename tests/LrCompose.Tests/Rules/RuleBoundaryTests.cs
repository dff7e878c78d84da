using LrCompose.Validation;

namespace LrCompose.Tests.Rules;

/// <summary>
/// Each parameter rule at its edges: the last value it accepts and the first it refuses, on both sides, and the
/// non-finite values. One table, so a rule that moves by an ulp or loses a clause fails here by name.
/// </summary>
public class RuleBoundaryTests
{
    private const double Max = LrCompose.Validation.Rules.MaxMagnitude;
    private static readonly double AboveMax = Math.BitIncrement(Max);

    public static TheoryData<string, double, bool> Doubles => new()
    {
        { "rate", 0, true }, { "rate", -double.Epsilon, false }, { "rate", Max, true }, { "rate", AboveMax, false },
        { "rate", double.NaN, false }, { "rate", double.PositiveInfinity, false },
        { "factor", 0, true }, { "factor", -double.Epsilon, false }, { "factor", Max, true }, { "factor", AboveMax, false },
        { "factor", double.NaN, false }, { "factor", double.PositiveInfinity, false },
        { "positive factor", double.Epsilon, true }, { "positive factor", 0, false }, { "positive factor", Max, true },
        { "positive factor", AboveMax, false }, { "positive factor", double.NaN, false },
        { "gamma", double.Epsilon, true }, { "gamma", 0, false }, { "gamma", 1e300, true }, { "gamma", double.PositiveInfinity, false },
        { "gamma", double.NaN, false },
        { "decay gamma", double.Epsilon, true }, { "decay gamma", 0, false }, { "decay gamma", 1, true },
        { "decay gamma", Math.BitIncrement(1), false }, { "decay gamma", double.NaN, false },
        { "power", double.Epsilon, true }, { "power", 0, false }, { "power", double.PositiveInfinity, false }, { "power", double.NaN, false },
        { "stretch", double.Epsilon, true }, { "stretch", 0, false }, { "stretch", double.PositiveInfinity, false },
        { "fraction", double.Epsilon, true }, { "fraction", 0, false }, { "fraction", 1, true }, { "fraction", Math.BitIncrement(1), false },
        { "fraction", double.NaN, false },
        { "finite", -Max, true }, { "finite", Max, true }, { "finite", -AboveMax, false }, { "finite", AboveMax, false },
        { "finite", double.NaN, false }, { "finite", double.NegativeInfinity, false },
    };

    private static string? Check(string rule, double v) => rule switch
    {
        "rate" => LrCompose.Validation.Rules.Rate(v),
        "factor" => LrCompose.Validation.Rules.Factor(v),
        "positive factor" => LrCompose.Validation.Rules.PositiveFactor(v),
        "gamma" => LrCompose.Validation.Rules.Gamma(v),
        "decay gamma" => LrCompose.Validation.Rules.DecayGamma(v),
        "power" => LrCompose.Validation.Rules.Power(v),
        "stretch" => LrCompose.Validation.Rules.Stretch(v),
        "fraction" => LrCompose.Validation.Rules.Fraction(v),
        "finite" => LrCompose.Validation.Rules.Finite(v),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    [Theory]
    [MemberData(nameof(Doubles))]
    public void A_number_rule_accepts_up_to_its_edge_and_not_an_ulp_beyond(string rule, double value, bool accepted)
    {
        Assert.True((Check(rule, value) is null) == accepted, $"{rule}({value:R}) should be {(accepted ? "accepted" : "refused")}");
    }

    [Fact]
    public void Step_rules_have_their_edges_at_zero_and_one()
    {
        Assert.Null(LrCompose.Validation.Rules.Length(1));
        Assert.NotNull(LrCompose.Validation.Rules.Length(0));
        Assert.Null(LrCompose.Validation.Rules.NonNegativeSteps(0));
        Assert.NotNull(LrCompose.Validation.Rules.NonNegativeSteps(-1));
        Assert.Null(LrCompose.Validation.Rules.Count(1));
        Assert.NotNull(LrCompose.Validation.Rules.Count(0));
        Assert.Null(LrCompose.Validation.Rules.Ordered(0.5, 0.5));
        Assert.NotNull(LrCompose.Validation.Rules.Ordered(Math.BitIncrement(0.5), 0.5));
        Assert.Null(LrCompose.Validation.Rules.WarmupWithinRun(9, 10));
        Assert.NotNull(LrCompose.Validation.Rules.WarmupWithinRun(10, 10));
    }

    [Fact]
    public void Milestones_may_repeat_but_not_go_back_or_below_zero()
    {
        Assert.Null(LrCompose.Validation.Rules.Milestones([0, 5, 5, 9]));
        Assert.Equal(LrCompose.Validation.Rules.SortedRule, LrCompose.Validation.Rules.Milestones([5, 4]));
        Assert.Equal(LrCompose.Validation.Rules.NonNegativeMilestoneRule, LrCompose.Validation.Rules.Milestones([-1, 4]));
        Assert.Equal(LrCompose.Validation.Rules.NonNegativeMilestoneRule, LrCompose.Validation.Rules.Milestones([4, -1]));
    }

    [Fact]
    public void Knot_positions_must_be_finite_non_negative_and_strictly_ascending()
    {
        Assert.Null(LrCompose.Validation.Rules.StrictlyAscending([0, 0.5, 7]));
        Assert.Equal("must be strictly ascending", LrCompose.Validation.Rules.StrictlyAscending([0, 5, 5]));
        Assert.Equal("must be strictly ascending", LrCompose.Validation.Rules.StrictlyAscending([0, 5, 4]));
        Assert.Equal(LrCompose.Validation.Rules.NonNegativeMilestoneRule, LrCompose.Validation.Rules.StrictlyAscending([0, -1]));
        Assert.Equal(LrCompose.Validation.Rules.NonNegativeMilestoneRule, LrCompose.Validation.Rules.StrictlyAscending([0, double.NaN]));
        Assert.Equal(LrCompose.Validation.Rules.NonNegativeMilestoneRule, LrCompose.Validation.Rules.StrictlyAscending([0, double.PositiveInfinity]));
    }
}
