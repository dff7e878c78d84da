using LrCompose.Core;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>
/// Combinators whose check or value depends on the right bound of the right input: a sum or product is refused by its
/// largest value (not its smallest), a mirror in a sequence mirrors between the bounds of the phase in force, and the
/// last step a function can be asked for is long.MaxValue itself.
/// </summary>
public class BoundEdgeTests
{
    [Fact]
    public void A_sum_is_refused_by_the_sum_of_the_largest_values()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Sum(Linear(10, 6e99, 0), Constant(6e99)));
        Assert.Equal("b", e.ParamName);
        Assert.Equal("b was constant 6E+99: it makes the largest value 1.2E+100, which must be a finite number between 0 and 1e100.", e.Message);
        Assert.ThrowsAny<ArgumentException>(() => Sum(Constant(6e99), Linear(10, 6e99, 0)));
        Assert.Equal(1e100, Sum(Constant(5e99), Linear(10, 5e99, 0)).Max);
    }

    [Fact]
    public void A_product_is_refused_by_the_product_of_the_largest_values()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Linear(10, 1e60, 0).Scale(Linear(10, 1e50, 0)));
        Assert.Equal("by", e.ParamName);
        Assert.Equal("by was linear 10 from=1E+50 to=0: it makes the largest value 1E+110, which must be a finite number between 0 and 1e100.", e.Message);
        Assert.Equal(1e100, Linear(10, 1e60, 0).Scale(Linear(10, 1e40, 0)).Max);
    }

    [Fact]
    public void A_negative_factor_is_refused_as_a_factor_before_its_product_is_looked_at() =>
        Assert.Equal("factor was -0.5: it must be a finite number between 0 and 1e100.", Assert.ThrowsAny<ArgumentException>(() => Constant(1).Scale(-0.5)).Message);

    [Fact]
    public void A_mirror_over_a_sequence_uses_the_bounds_of_the_phase_in_force()
    {
        var mirrored = (Linear(10, 0.1, 0.2) >> Linear(10, 0.5, 0.9)).Mirror(0.85, 0.95);
        // At step 15 the second phase is at 0.7, half way between its bounds 0.5 and 0.9: half way down from 0.95.
        Assert.Equal(0.9, mirrored.Rate(15), 12);
        // At step 5 the first phase is half way between 0.1 and 0.2.
        Assert.Equal(0.9, mirrored.Rate(5), 12);
    }

    [Fact]
    public void A_function_is_asked_for_step_long_MaxValue_itself()
    {
        var f = FromFunction(step => step == long.MaxValue ? 0.5 : 0.25, "last");
        Assert.Equal(0.5, f.Rate(long.MaxValue));
        Assert.Equal(0.25, f.Rate(1L << 52));
    }

    [Fact]
    public void Tanh_prints_its_default_bounds_by_leaving_them_out()
    {
        Assert.Equal("tanh 10 from=1 to=0", Tanh(10, 1, 0).ToString());
        Assert.Equal("tanh 10 from=1 to=0 lb=-6 ub=2", Tanh(10, 1, 0, lb: -6, ub: 2).ToString());
    }

    [Fact]
    public void A_kind_outside_the_vocabulary_is_refused() =>
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Of((ScheduleKind)999)).ParamName);
}
