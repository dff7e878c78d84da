using LrCompose.Combinators;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>
/// The combinators at the edges the laws do not reach on their own: exact declared bounds (not just "within"), the
/// last valid value of every range check, and what prints.
/// </summary>
public class EdgeCaseTests
{
    [Fact]
    public void Min_and_max_of_two_schedules_declare_the_tightest_bounds()
    {
        var low = Linear(10, 0.1, 0.3);
        var high = Linear(10, 0.2, 0.5);
        Assert.Equal((0.2, 0.5), (Max(low, high).Min, Max(low, high).Max));
        Assert.Equal((0.1, 0.3), (Min(low, high).Min, Min(low, high).Max));
    }

    [Fact]
    public void A_warmup_declares_its_two_ends_as_bounds_whichever_way_it_ramps()
    {
        var up = Warmup(10, from: 0.1).Then(Constant(0.5)).Phases[0].Schedule;
        var down = Warmup(10, from: 0.5).Then(Constant(0.1)).Phases[0].Schedule;
        Assert.Equal((0.1, 0.5), (up.Min, up.Max));
        Assert.Equal((0.1, 0.5), (down.Min, down.Max));
    }

    [Fact]
    public void A_join_ending_exactly_at_long_MaxValue_is_accepted()
    {
        var joined = Join([Constant(1), Constant(0.5).Take(10)], [long.MaxValue - 10]);
        Assert.Equal(long.MaxValue, joined.Length);
        Assert.Equal(0.5, joined.Rate(long.MaxValue - 1));
    }

    [Fact]
    public void A_join_reports_each_part_as_a_phase()
    {
        var joined = Join([Linear(100, 1, 0), Constant(0.5), Constant(0.25)], [5, 20]);
        Assert.Equal(new long[] { 0, 5, 20 }, joined.Phases.Select(p => p.Start));
        Assert.Equal(new long?[] { 5, 15, null }, joined.Phases.Select(p => p.Length));
        Assert.Equal(0.25, joined.Phases[2].Schedule.Rate(0));
    }

    [Fact]
    public void A_null_element_is_refused_naming_the_array_and_the_position()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Sequence(Constant(1).Take(5), null!));
        Assert.Equal("phases", e.ParamName);
        Assert.Contains("phases[1]", e.Message);
        Assert.Equal("schedules", Assert.Throws<ArgumentNullException>(() => Join([null!, Constant(1)], [5])).ParamName);
    }

    [Fact]
    public void Shifts_reaching_exactly_the_ends_of_long_are_accepted()
    {
        var forward = Constant(0.5).Shift(long.MaxValue - 5).Shift(5);
        Assert.Equal(long.MaxValue, Assert.IsType<ShiftNode>(forward).Offset);
        var back = Constant(0.5).Shift(-5).Shift(long.MinValue + 5);
        Assert.Equal(long.MinValue, Assert.IsType<ShiftNode>(back).Offset);
    }

    [Fact]
    public void A_split_lasts_exactly_the_total_even_when_rounding_would_lose_the_last_steps()
    {
        // The fractions add up to 1 within the 1e-9 the rule allows, but 1e10·(Σ fractions) rounds to 1e10 − 2.
        long total = 10_000_000_000;
        var split = Split(total, new Portion(0.5 - 2.5e-10, n => Constant(1).Take(n)), new Portion(0.5, n => Constant(0.5).Take(n)));
        Assert.Equal(total, split.Length);
        Assert.Equal(total, split.Phases.Sum(p => p.Length));
    }

    [Fact]
    public void A_split_phase_of_a_single_step_is_accepted()
    {
        var split = Split(10, new Portion(0.1, n => Constant(1).Take(n)), new Portion(0.9, n => Constant(0.5).Take(n)));
        Assert.Equal(new long?[] { 1, 9 }, split.Phases.Select(p => p.Length));
    }

    [Fact]
    public void A_sequence_of_one_phase_is_that_phase()
    {
        var only = Cosine(10, 1);
        Assert.Same(only, Sequence(only));
    }

    [Fact]
    public void A_map_prints_its_name_and_what_it_maps()
    {
        Assert.Equal("map \"half\" (constant 1)", Constant(1).Map(x => x / 2, "half").ToString());
    }

    [Fact]
    public void A_lead_prints_what_comes_before_it_and_its_phases()
    {
        Assert.Equal("warmup 10 >> hold 5", (Warmup(10) >> Hold(5)).ToString());
        Assert.Equal("linear 10 from=1 to=0 >> warmup 10", Linear(10, 1, 0).Then(Warmup(10)).ToString());
    }

    [Fact]
    public void A_lead_keeps_the_phases_before_it_when_it_follows_another_schedule()
    {
        var first = Constant(0.1).Take(3);
        var second = Constant(0.2).Take(4);
        var whole = first.Then(second.Then(Warmup(5))).Then(Constant(1));
        Assert.Equal(new[] { 0.1, 0.2, 0.2, 1.0 }, new long[] { 0, 3, 6, 12 }.Select(whole.Rate));
        Assert.Equal(new long[] { 0, 3, 7, 12 }, whole.Phases.Select(p => p.Start));
    }
}
