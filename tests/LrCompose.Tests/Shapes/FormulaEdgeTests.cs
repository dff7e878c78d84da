using LrCompose.Core;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Shapes;

/// <summary>
/// The formulas where floating point bites: the ulps a clamp exists for, a logarithm that lands one cycle off, a 0·∞,
/// and the option branches (shapes, modes, bounds) that the laws treat alike. Each expected value is worked out by
/// hand or by exact arithmetic in the test, never read off our own output.
/// </summary>
public class FormulaEdgeTests
{
    [Fact]
    public void Lerp_never_leaves_its_two_ends_even_where_the_arithmetic_rounds_out()
    {
        // 0.9·(1 − w) + 0.9·w rounds to 0.9000000000000001 for this w, and to 0.8999999999999999 for the next.
        Assert.Equal(0.9, ScheduleFormulas.Lerp(0.9, 0.9, 0.35021275508999217));
        Assert.Equal(0.9, ScheduleFormulas.Lerp(0.9, 0.9, 0.11419064569200998));
    }

    [Fact]
    public void An_exponential_warmup_ends_exactly_on_its_target()
    {
        // 0.3·(0.7/0.3)¹ is 0.7000000000000001: the end is the target itself, not the formula at p = 1.
        Assert.Equal(0.7, ScheduleFormulas.Warmup(10, 10, 0.3, 0.7, WarmupShape.Exponential, WarmupCount.FromZero));
    }

    [Fact]
    public void Warmup_shapes_meet_at_their_midpoints_as_their_formulas_say()
    {
        var exponential = Warmup(10, from: 0.01, shape: WarmupShape.Exponential).Then(Constant(1));
        Assert.Equal(0.1, exponential.Rate(5), 15);   // 0.01·(1/0.01)^½
        var cosine = Warmup(10, from: 0.2, shape: WarmupShape.Cosine).Then(Constant(0.6));
        Assert.Equal(0.4, cosine.Rate(5), 15);        // (1 − cos ½π)/2 = ½ of the way
    }

    [Fact]
    public void A_growing_exponential_from_zero_stays_zero_where_the_power_overflows()
    {
        // 2^5000 is ∞ and 0·∞ is NaN: a zero start must stay exactly zero.
        Assert.Equal(0, Exponential(0, 2, end: 1).Rate(5000));
    }

    [Fact]
    public void Exponential_bounds_follow_the_direction_and_the_clamp()
    {
        Assert.Equal((0.0, 0.5), (Exponential(0.5, 0.5).Min, Exponential(0.5, 0.5).Max));               // decays towards 0
        Assert.Equal((0.1, 0.5), (Exponential(0.5, 0.5, end: 0.1).Min, Exponential(0.5, 0.5, end: 0.1).Max));
        Assert.Equal((0.5, 4.0), (Exponential(0.5, 2, end: 4).Min, Exponential(0.5, 2, end: 4).Max));    // grows up to its end
        Assert.Equal((0.5, 0.5), (Exponential(0.5, 1).Min, Exponential(0.5, 1).Max));                   // rate 1 holds
    }

    [Fact]
    public void The_cycle_found_by_the_logarithm_is_corrected_when_it_lands_one_late()
    {
        // Periods 1, 2, 4, …: cycle 47 spans [2^47 − 1, 2^48 − 1). log₂(1 + t) rounds up to 48 at t = 2^48 − 2.
        long t = (1L << 48) - 2;
        double start = (1L << 47) - 1, length = 1L << 47;
        var cycled = Linear(1, 1, 0).Cycle(multiplier: 2);
        Assert.Equal(1 - (t - start) / length, cycled.Rate(t));
    }

    [Fact]
    public void The_cycle_found_by_the_logarithm_is_corrected_when_it_lands_one_early()
    {
        // Periods 1, 3, 9, …: cycle 5 starts at (3^5 − 1)/2 = 121, where log₃(1 + 2·121) rounds down to 4.
        var cycled = Linear(1, 1, 0).Cycle(multiplier: 3);
        Assert.Equal(1, cycled.Rate(121));
        Assert.Equal(1 - 80.0 / 81, cycled.Rate(120), 15);   // the last step of cycle 4 (81 steps from 40)
    }

    [Fact]
    public void A_cycle_declares_its_lowest_value_from_its_decay_and_limit()
    {
        var phase = Linear(10, 1, 0.2);
        Assert.Equal(0.2, phase.Cycle().Min);                                  // no decay: the phase's own lowest
        Assert.Equal(0.2 * 0.125, phase.Cycle(decay: 0.5, limit: 4).Min);      // the fourth cycle is scaled by 0.5³
        Assert.Equal(0, phase.Cycle(decay: 0.5).Min);                          // endless decay reaches towards 0
        Assert.Equal(10 * (1 + 2 + 4), phase.Cycle(multiplier: 2, limit: 3).Length);
    }

    [Fact]
    public void A_function_is_asked_for_the_last_step_itself_not_an_overflowed_one()
    {
        var f = FromFunction(step => step == long.MaxValue ? 0.5 : 0.1, "ends");
        Assert.Equal(0.5, f.Rate(long.MaxValue));
        Assert.Equal("lambda \"ends\"", f.ToString());
    }

    [Fact]
    public void Triangular_mode_ignores_gamma_which_only_exp_range_applies()
    {
        var plain = Triangular(0.1, 0.5, 10, mode: TriangularMode.Triangular, gamma: 0.9);
        Assert.Equal(0.5, plain.Rate(10), 15);
        Assert.Equal(0.5, plain.Rate(30), 15);
        var exp = Triangular(0.1, 0.5, 10, mode: TriangularMode.ExpRange, gamma: 0.9);
        Assert.Equal(0.1 + 0.4 * Math.Pow(0.9, 10), exp.Rate(10), 15);
    }

    [Theory]
    [InlineData(DecayShape.Linear, 0.5, 0.35)]          // half way: 0.2 + 0.3·½
    [InlineData(DecayShape.Cosine, 0.5, 0.35)]          // the half cosine is half way at its middle too
    [InlineData(DecayShape.Cosine, 0.25, 0.2 + 0.3 * 0.8535533905932737)]   // ½(1 + cos ¼π)
    [InlineData(DecayShape.OneMinusSqrt, 0.25, 0.35)]   // 1 − √¼ = ½
    public void A_decay_from_a_step_follows_its_shape(DecayShape shape, double fraction, double expected)
    {
        var decayed = Constant(0.5).DecayAt(100, 40, to: 0.2, shape: shape);
        Assert.Equal(0.5, decayed.Rate(100));
        Assert.Equal(expected, decayed.Rate(100 + (long)(40 * fraction)), 12);
        Assert.Equal(0.2, decayed.Rate(140));
    }

    [Theory]
    [InlineData(Anneal.Cosine, 0.04 + 0.96 * 0.5)]   // half way up a half cosine from max/25 to max
    [InlineData(Anneal.Linear, 0.04 + 0.96 * 0.5)]
    public void One_cycle_anneals_half_way_at_the_middle_of_its_rise(Anneal anneal, double expected)
    {
        var (rate, _) = Recipes.OneCycle(1, 100, pctStart: 0.2, anneal: anneal);
        Assert.Equal(expected, rate.Rate(10), 12);
    }

    [Fact]
    public void One_cycle_anneals_its_rise_as_asked()
    {
        // A quarter of the way up: cosine ½(1 − cos ¼π) = 0.1464…, linear ¼.
        var (cosineRate, _) = Recipes.OneCycle(1, 100, pctStart: 0.2, anneal: Anneal.Cosine);
        var (linearRate, _) = Recipes.OneCycle(1, 100, pctStart: 0.2, anneal: Anneal.Linear);
        double cosine = cosineRate.Rate(5), linear = linearRate.Rate(5);
        Assert.Equal(0.04 + 0.96 * (1 - Math.Cos(Math.PI / 4)) / 2, cosine, 12);
        Assert.Equal(0.04 + 0.96 * 0.25, linear, 12);
    }

    [Fact]
    public void Three_phase_one_cycle_comes_back_down_before_annihilating()
    {
        var (rate, _) = Recipes.OneCycle(1, 100, pctStart: 0.2, threePhase: true, anneal: Anneal.Linear);
        Assert.Equal(new long[] { 0, 20, 40 }, rate.Phases.Select(p => p.Start));
        Assert.Equal(0.04, rate.Rate(40), 12);              // back at max/25 after the second phase
        Assert.Equal(0.04 + (0.04 / 1e4 - 0.04) * 59 / 60, rate.Rate(99), 12);   // the last step of the 60-step annihilation
    }

    [Theory]
    [InlineData(DecayShape.Linear, 0.55)]
    [InlineData(DecayShape.Cosine, 0.55)]
    [InlineData(DecayShape.OneMinusSqrt, 0.1 + 0.9 * 0.5)]   // a quarter of the decay: 1 − √¼
    public void Warmup_stable_decay_decays_in_its_shape(DecayShape shape, double expectedAtMiddle)
    {
        var wsd = Recipes.WarmupStableDecay(1, 10, 0, 40, floor: 0.1, decay: shape);
        Assert.Equal(new long[] { 0, 10 }, wsd.Phases.Select(p => p.Start));   // no stable phase when it has 0 steps
        long at = shape == DecayShape.OneMinusSqrt ? 20 : 30;                    // a quarter / a half into the decay
        Assert.Equal(expectedAtMiddle, wsd.Rate(at), 12);
    }
}
