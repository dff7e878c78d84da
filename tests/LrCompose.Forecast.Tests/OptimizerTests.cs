using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>The optimizer with the authors' parameters, 24,000 steps, peak 3e-4 and the 2,160-step warmup.</summary>
public sealed class OptimizerTests
{
    private static readonly Lazy<OptimizedSchedule> LazyFound = new(() => ScheduleOptimizer.Optimize(Shared.ReferenceLaw, 24_000, 3e-4, 2_160));

    /// <summary>What the authors' optimizer reaches (optimized-by-authors.csv, README of the loss curves).</summary>
    private const double Authors = 3.25795;

    [Fact]
    public void The_per_step_schedule_ends_at_least_as_low_as_the_authors()
    {
        var found = LazyFound.Value;
        Assert.True(found.PerStepFinalLoss <= Authors, $"{found.PerStepFinalLoss}");
        // The reported loss is the exact law's at step 23999 for these rates.
        double exact = Shared.ReferenceLaw.PredictExact(found.PerStep, [23_999])[0];
        Assert.Equal(exact, found.PerStepFinalLoss, 1e-9);
    }

    [Fact]
    public void The_per_step_schedule_keeps_the_warmup_and_never_rises_after_it()
    {
        var rates = LazyFound.Value.Rates;
        Assert.Equal(24_000, rates.Length);
        for (int i = 0; i < 2_160; i++) Assert.Equal(3e-4 * i / 2159, rates[i], 1e-18);
        for (int k = 2_160; k < rates.Length; k++)
        {
            Assert.True(rates[k] <= rates[k - 1], $"step {k} rises");
            Assert.True(rates[k] > 0);
        }
    }

    [Fact]
    public void The_short_recipe_is_within_0_002_of_the_per_step_schedule()
    {
        var found = LazyFound.Value;
        Assert.True(found.RecipeFinalLoss - found.PerStepFinalLoss <= 0.002, $"{found.RecipeFinalLoss} vs {found.PerStepFinalLoss}");
        Assert.Equal(24_000, found.Recipe.Length);
        Assert.StartsWith("warmup 2159 >> ", found.Recipe.ToString());
        Assert.Equal(Shared.ReferenceLaw.PredictExact(found.Recipe, [23_999])[0], found.RecipeFinalLoss, 1e-9);
        // The recipe's text is a recipe: it parses back to the same rates.
        var again = Schedule.Parse(found.Recipe.ToString());
        for (long k = 0; k < 24_000; k += 97) Assert.Equal(found.Recipe.Rate(k), again.Rate(k));
    }

    [Fact]
    public void The_gradient_by_each_rate_is_the_finite_difference()
    {
        var law = Shared.ReferenceLaw;
        var eta = Enumerable.Range(0, 3000).Select(i => i < 500 ? 3e-4 * i / 499 : 3e-4 * Math.Exp(-(i - 500) / 1500.0)).ToArray();
        var gradient = new double[eta.Length];
        law.FinalLossWithGradient(eta, gradient);
        var scratch = new double[eta.Length];
        foreach (int m in new[] { 0, 1, 250, 499, 500, 1700, 2998, 2999 })
        {
            const double h = 1e-9;
            var up = (double[])eta.Clone();
            up[m] += h;
            var down = (double[])eta.Clone();
            down[m] -= h;
            double numeric = (law.FinalLossWithGradient(up, scratch) - law.FinalLossWithGradient(down, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[m]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"step {m}: {gradient[m]} vs {numeric}");
        }
    }

    [Fact]
    public void Ranking_puts_the_lower_predicted_loss_first_with_its_band()
    {
        var cosine = Schedule.Parse("warmup 2159 >> hold 1 >> cosine 21840 peak=3e-4 floor=3e-5");
        var wsd = Schedule.Parse("warmup 2159 >> hold 17841 >> linear 4000 from=3e-4 to=3e-5");
        var band = new[] { new MultiPowerLaw(3.05, 0.52, 0.5, 360, 2, 0.58, 0.64) };
        var ranked = ScheduleRanking.Rank(Shared.ReferenceLaw, band, [cosine, wsd]);
        Assert.Same(wsd, ranked[0].Schedule);
        Assert.Equal(23_999, ranked[0].Step);
        // The README's predicted final losses: 3.26539 (linear cooldown) and 3.31519 (cosine).
        Assert.Equal(3.26539, ranked[0].Loss, 5e-6);
        Assert.Equal(3.31519, ranked[1].Loss, 5e-6);
        Assert.All(ranked, r => Assert.True(r.Low <= r.Loss && r.Loss <= r.High && r.High > r.Low));
    }
}
