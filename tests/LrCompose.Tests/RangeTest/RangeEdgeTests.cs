namespace LrCompose.Tests.RangeTest;

/// <summary>The range test's edges: the sweep's checks and shapes, what is kept when the loss turns NaN, the fewest
/// points that still give suggestions, and ties in the helpers.</summary>
public class RangeEdgeTests
{
    [Fact]
    public void A_linear_sweep_may_start_at_zero_an_exponential_one_may_not()
    {
        var linear = Recipes.RangeSweep(0, 1, 11, RangeTestRules.TorchLrFinder, exponential: false);
        Assert.Equal(new[] { 0, 0.5, 1 }, new long[] { 0, 5, 10 }.Select(linear.Rate));
        var e = Assert.ThrowsAny<ArgumentException>(() => Recipes.RangeSweep(0, 1, 11));
        Assert.Equal("start", e.ParamName);
    }

    [Fact]
    public void A_sweep_needs_an_end_above_its_start_and_two_iterations()
    {
        Assert.Equal("end", Assert.ThrowsAny<ArgumentException>(() => Recipes.RangeSweep(0.1, 0.1, 10)).ParamName);
        Assert.Equal("iterations", Assert.ThrowsAny<ArgumentException>(() => Recipes.RangeSweep(1e-5, 1, 1)).ParamName);
        Assert.Equal(2, Recipes.RangeSweep(1e-5, 1, 2).Length);
    }

    [Fact]
    public void Fastai_reaches_the_end_after_its_last_step_torch_lr_finder_at_it()
    {
        Assert.Equal(1e-5 * Math.Pow(1e5, 9.0 / 10), Recipes.RangeSweep(1e-5, 1, 10, RangeTestRules.Fastai).Rate(9), 15);
        Assert.Equal(1, Recipes.RangeSweep(1e-5, 1, 10, RangeTestRules.TorchLrFinder).Rate(9), 12);
    }

    [Fact]
    public void Fastai_keeps_the_points_before_the_first_NaN_torch_lr_finder_keeps_them_all()
    {
        static RangeTestRecorder Record(RangeTestRules rules)
        {
            var r = RangeTestRecorder.Start(rules, 100);
            for (int i = 0; i < 40; i++) r = r.Observe(1e-4 * (i + 1), i == 25 ? double.NaN : 1.0);
            return r;
        }
        Assert.Equal(25 - 10, Record(RangeTestRules.Fastai).Kept.Count);           // [num_it/10 : first NaN)
        Assert.Equal(40 - 5 - 10, Record(RangeTestRules.TorchLrFinder).Kept.Count);   // [10 : −5]
    }

    [Fact]
    public void Two_kept_points_are_enough_for_suggestions_one_is_not()
    {
        static RangeTestResult After(int points)
        {
            var r = RangeTestRecorder.Start(RangeTestRules.Fastai, 10);   // skips 1 at the start and 5 at the end
            for (int i = 0; i < points; i++) r = r.Observe(1e-4 * (i + 1), 1.0 - 0.01 * i);
            return r.Suggest();
        }
        Assert.Equal(2, After(8).Kept);
        // Valley on a two-point fall: fastai's index comes out −1, which Python reads as the last point.
        Assert.Equal(After(8).Points[2].Rate, After(8).Suggestions["valley"]);   // points 1 and 2 are kept
        Assert.False(After(8).Suggestions.ContainsKey("slide"));   // fastai's slide needs more than 15 points
        Assert.Empty(After(7).Suggestions);
    }

    [Fact]
    public void The_first_of_equal_minima_is_the_minimum()
    {
        Assert.Equal(1, RangeTestSuggestions.ArgMin([3, 1, 2, 1]));
    }

    [Fact]
    public void The_gradient_uses_one_sided_differences_at_the_ends_and_central_ones_inside()
    {
        // numpy.gradient of [1, 4, 9, 16]: [3, 4, 6, 7]
        Assert.Equal(new[] { 3.0, 4, 6, 7 }, RangeTestSuggestions.Gradient([1, 4, 9, 16]));
        Assert.Equal(new[] { 2.0, 2 }, RangeTestSuggestions.Gradient([1, 3]));
    }
}
