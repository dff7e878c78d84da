using static LrCompose.Schedules;

namespace LrCompose.Tests.Shapes;

/// <summary>Each shape against its formula at hand-checked points, and the numbers quoted in the seed material.</summary>
public class ShapeExampleTests
{
    [Fact]
    public void Step_decay_halves_every_ten_epochs_as_in_the_seed_table()
    {
        var s = StepDecay(0.05, 0.5, 10);
        Assert.Equal([0.05, 0.025, 0.0125, 0.00625], new[] { 0L, 10, 20, 30 }.Select(s.Rate));
        Assert.Equal(0.05, s.Rate(9));
    }

    [Fact]
    public void Warmup_counted_from_one_reaches_the_peak_on_its_last_step_as_in_the_seed_example()
    {
        var s = Warmup(5, count: WarmupCount.FromOne).Then(Cosine(45, 0.08, 0.001));
        double[] expected = [0.016, 0.032, 0.048, 0.064, 0.08];
        for (int t = 0; t < 5; t++) Assert.Equal(expected[t], s.Rate(t), 15);
        Assert.Equal(0.08, s.Rate(5));
    }

    [Fact]
    public void Warmup_counted_from_zero_starts_at_zero_and_reaches_the_peak_at_W()
    {
        var s = Warmup(4).Then(Constant(10));
        Assert.Equal([0.0, 2.5, 5.0, 7.5, 10.0, 10.0], Enumerable.Range(0, 6).Select(t => s.Rate(t)));
    }

    [Fact]
    public void Cosine_follows_the_half_cosine_and_holds_the_floor()
    {
        var s = Cosine(30, 0.05, 0.001);
        Assert.Equal(0.05, s.Rate(0));
        Assert.Equal(0.001 + (0.05 - 0.001) * 0.5 * (1 + Math.Cos(Math.PI * 14 / 30)), s.Rate(14), 15);
        Assert.Equal(0.001, s.Rate(30));
        Assert.Equal(0.001, s.Rate(1_000_000));
    }

    [Fact]
    public void Cosine_exponent_and_k_decay_bend_the_curve()
    {
        double c(double p) => 0.5 * (1 + Math.Cos(Math.PI * p));
        Assert.Equal(Math.Pow(c(0.25), 2), Cosine(100, 1, 0, exponent: 2).Rate(25), 15);
        Assert.Equal(c(Math.Pow(25, 2) / Math.Pow(100, 2)), Cosine(100, 1, 0, kDecay: 2).Rate(25), 15);
    }

    [Fact]
    public void Exponential_continuous_staircase_begin_and_end()
    {
        Assert.Equal(0.5 * Math.Pow(0.5, 0.7), Exponential(0.5, 0.5, every: 10).Rate(7), 15);
        Assert.Equal(0.5, Exponential(0.5, 0.5, every: 10, staircase: true).Rate(9));
        Assert.Equal(0.25, Exponential(0.5, 0.5, every: 10, staircase: true).Rate(10));
        Assert.Equal(0.5, Exponential(0.5, 0.5, begin: 3).Rate(3));
        Assert.Equal(0.02, Exponential(0.5, 0.5, end: 0.02).Rate(100));
        Assert.Equal(4.0, Exponential(1, 2, end: 4).Rate(50));
    }

    [Fact]
    public void Multistep_applies_gamma_twice_for_a_repeated_milestone()
    {
        var s = MultiStep(1, 0.5, 10, 10, 20);
        Assert.Equal(1.0, s.Rate(9));
        Assert.Equal(0.25, s.Rate(10));
        Assert.Equal(0.125, s.Rate(20));
    }

    [Fact]
    public void Piecewise_constant_and_interpolated()
    {
        var pc = PiecewiseConstant([1, 0.5, 0.1], [10, 25]);
        Assert.Equal([1.0, 0.5, 0.5, 0.1], new long[] { 9, 10, 24, 25 }.Select(pc.Rate));
        var lin = Interpolate(Interpolation.Linear, new Knot(0, 1), new Knot(10, 0.5), new Knot(30, 0.1));
        Assert.Equal(0.75, lin.Rate(5), 15);
        Assert.Equal(0.3, lin.Rate(20), 15);
        Assert.Equal(0.1, lin.Rate(31));
        var cos = Interpolate(Interpolation.Cosine, new Knot(0, 1), new Knot(10, 0.5));
        Assert.Equal(0.75, cos.Rate(5), 15);
    }

    [Fact]
    public void Noam_is_the_transformer_formula()
    {
        var s = Recipes.Noam(512, 4000);
        foreach (long step in new long[] { 1, 100, 3999, 4000, 4001, 10_000, 100_000 })
        {
            double expected = Math.Pow(512, -0.5) * Math.Min(Math.Pow(step, -0.5), step * Math.Pow(4000, -1.5));
            Assert.Equal(expected, s.Rate(step), 1e-15);
        }
        Assert.Equal(0.0, s.Rate(0));
    }

    [Fact]
    public void Inverse_sqrt_halves_after_three_timescales()
    {
        Assert.Equal(0.5, InverseSqrt(1, 100).Rate(300), 15);
    }

    [Fact]
    public void Tanh_and_one_minus_sqrt_follow_their_formulas()
    {
        Assert.Equal(1e-5 + 0.5 * (0.1 - 1e-5) * (1 - Math.Tanh(-7 * 0.75 + 3 * 0.25)), Tanh(40, 0.1, 1e-5).Rate(10), 15);
        Assert.Equal(0.1 + 0.9 * (1 - Math.Sqrt(0.25)), OneMinusSqrt(100, 1, 0.1).Rate(25), 15);
    }

    [Fact]
    public void Triangular_modes()
    {
        var tri = Triangular(0.001, 0.006, 10);
        Assert.Equal(0.001, tri.Rate(0));
        Assert.Equal(0.006, tri.Rate(10), 15);
        Assert.Equal(0.001, tri.Rate(20), 15);
        var tri2 = Triangular(0, 1, 5, mode: TriangularMode.Triangular2);
        Assert.Equal(1.0, tri2.Rate(5));
        Assert.Equal(0.5, tri2.Rate(15));
        var exp = Triangular(0, 1, 5, mode: TriangularMode.ExpRange, gamma: 0.9);
        Assert.Equal(Math.Pow(0.9, 5), exp.Rate(5), 15);
    }

    [Fact]
    public void Negative_steps_throw_and_name_the_step()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Constant(1).Rate(-1));
        Assert.Equal("step", e.ParamName);
        Assert.Contains("-1", e.Message);
    }

    [Fact]
    public void A_function_that_returns_nan_fails_loudly_instead_of_leaking_it()
    {
        var s = Schedule.FromFunction(t => t < 3 ? 0.1 : double.NaN, "broken");
        Assert.Equal(0.1, s.Rate(2));
        var e = Assert.Throws<InvalidOperationException>(() => s.Rate(3));
        Assert.Contains("broken", e.Message);
        Assert.Throws<InvalidOperationException>(() => Constant(1).Map(v => double.PositiveInfinity).Rate(0));
    }

    [Fact]
    public void Schedules_convert_to_and_from_plain_functions()
    {
        Func<long, double> f = Cosine(10, 1);
        Assert.Equal(Cosine(10, 1).Rate(3), f(3));
        Assert.Equal(0.3, Schedule.FromFunction(t => t / 10.0).Rate(3));
    }
}
