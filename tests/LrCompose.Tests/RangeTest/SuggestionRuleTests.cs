namespace LrCompose.Tests.RangeTest;

/// <summary>
/// The suggestion rules on small hand-worked curves, where each step of the peers' algorithms can be followed on
/// paper: which run counts as decreasing, where a third of the way down lands, which gradient is steepest per unit of
/// log rate, and when the slide's window fits.
/// </summary>
public class SuggestionRuleTests
{
    private static readonly double[] Rates = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

    [Fact]
    public void Valley_on_a_fall_from_the_first_point_takes_the_first_rate()
    {
        // lds = 1..5, the run ends at 4 and "starts" at −1; a third of 5 is 1, a sixth 0: index 0.
        Assert.Equal(1e-5, RangeTestSuggestions.Valley(Rates[..5], [5, 4, 3, 2, 1]));
    }

    [Fact]
    public void Valley_counts_only_strict_decreases()
    {
        // A flat curve has no decreasing run: every lds is 1 and the valley stays at the first point.
        Assert.Equal(1e-5, RangeTestSuggestions.Valley(Rates, [5, 5, 5, 5, 5, 5, 5]));
        // lds = 1, 1, 2, 3, 4, 4, 5 (9 > 5 > 4 > 2 > 1; the repeated 9 does not extend it): the longest run ends at 6,
        // maxStart = 6 − 5 = 1, a third of 5 steps is 1, a sixth 0: index 2.
        Assert.Equal(1e-3, RangeTestSuggestions.Valley(Rates, [9, 9, 5, 4, 2, 3, 1]));
    }

    [Fact]
    public void Steep_measures_the_fall_per_unit_of_log_rate()
    {
        // From 1 to 2 the loss falls 0.2 over ln 2 (−0.29 per unit); from 2 to 100 it falls 0.5 over ln 50 (−0.13):
        // the first is steeper per log unit, though smaller per step.
        Assert.Equal(1, RangeTestSuggestions.Steep([1, 2, 100], [1, 0.8, 0.3]));
    }

    [Fact]
    public void Steepest_is_numpys_gradient_with_one_sided_ends()
    {
        Assert.Equal([-1, -1.5, -1, 1, 2], RangeTestSuggestions.Gradient([4, 3, 1, 1, 3]));
        Assert.Equal(1e-4, RangeTestSuggestions.Steepest(Rates[..5], [4, 3, 1, 1, 3]));
    }

    [Fact]
    public void Slide_needs_more_points_than_its_window()
    {
        double[] losses = Enumerable.Range(0, 16).Select(i => 10.0 - i * i * 0.01).ToArray();
        double[] rates = Enumerable.Range(0, 16).Select(i => Math.Pow(10, i - 8.0)).ToArray();
        Assert.Null(RangeTestSuggestions.Slide(rates[..15], losses[..15]));
        Assert.NotNull(RangeTestSuggestions.Slide(rates, losses));
    }

    [Fact]
    public void A_sweep_of_no_iterations_is_refused()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => RangeTestRecorder.Start(RangeTestRules.TorchLrFinder, 0));
        Assert.Equal("plannedIterations", e.ParamName);
        Assert.Equal("plannedIterations was 0: it must be at least 1.", e.Message);
        Assert.Equal(1, RangeTestRecorder.Start(RangeTestRules.TorchLrFinder, 1).PlannedIterations);
    }
}
