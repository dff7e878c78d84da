using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using LrCompose.Text;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Shapes;

/// <summary>
/// Shen et al.'s power scheduler as <see cref="Schedules.PowerLaw"/>: against its authors' implementation (IBM's
/// lm-engine <c>PowerScheduler</c>) computed here from that code's formula, then the laws of a horizon-free decay.
/// </summary>
public class PeerPowerSchedulerTests
{
    /// <summary>
    /// lm-engine's <c>PowerScheduler._lr_lambda</c> times the optimizer's rate L: for a step n ≤ W (W &gt; 0) the linear
    /// warmup <c>n·m/W</c> to <c>m = min(1, (a/L)·(W·c)^b)</c>, afterwards <c>min(1, (a/L)·(n·c)^b)</c>, n counted from 0
    /// over the whole run and c the tokens per step.
    /// </summary>
    private static double LmEnginePower(long n, double lr, double a, double b, double c, long warmup)
    {
        double Power(double steps) => Math.Min(1, a / lr * Math.Pow(steps * c, b));
        double factor = warmup > 0 && n <= warmup ? Power(warmup) / warmup * n : Power(n);
        return lr * factor;
    }

    /// <summary>The knee of <c>min(1, (a/L)·(n·c)^b)</c>: where <c>(a/L)·(n·c)^b = 1</c>.</summary>
    private static double Knee(double lr, double a, double b, double c) => Math.Pow(a / lr * Math.Pow(c, b), -1 / b);

    [Theory]
    // The paper's a = 4, b = −0.51, η_max = 0.02, batch 1024 of 4096 tokens (a carries the batch size), 1B warmup tokens.
    [InlineData(0.02, 4 * 1024.0, -0.51, 1024 * 4096.0, 239L)]
    [InlineData(0.01, 3.0 * 512, -0.45, 512 * 2048.0, 100L)]
    [InlineData(0.02, 5.0 * 256, -0.6, 256 * 4096.0, 0L)]
    public void Warmup_then_the_power_law_follows_the_authors_implementation(double lr, double a, double b, double c, long warmup)
    {
        var law = PowerLaw(lr, Knee(lr, a, b, c), -b, start: warmup);
        var s = warmup > 0 ? Warmup(warmup).Then(law) : law;
        foreach (long n in Enumerable.Range(0, 400).Select(i => (long)i).Concat([1_000, 4_321, 6_000, 10_000, 123_456, 1_000_000, 1L << 40]))
        {
            double expected = LmEnginePower(n, lr, a, b, c, warmup);
            Assert.True(Math.Abs(expected - s.Rate(n)) <= 1e-12 * expected, $"step {n}: lm-engine {expected:R}, ours {s.Rate(n):R}");
        }
    }

    [Fact]
    public void It_holds_the_peak_up_to_the_knee_and_then_falls_as_a_power()
    {
        var s = PowerLaw(0.02, 1000, 0.5);
        Assert.Equal(0.02, s.Rate(0));
        Assert.Equal(0.02, s.Rate(1000));
        // Four times the knee is half the peak for exponent ½.
        Assert.Equal(0.01, s.Rate(4000), 1e-17);
        Assert.Null(s.Length);
        Assert.Equal(0, s.Min);
        Assert.Equal(0.02, s.Max);
    }

    [Fact]
    public void Start_counts_the_steps_that_came_before_and_the_law_never_rises() =>
        Law.Holds(from peak in Gen.Choose(1, 1000) from knee in Gen.Choose(1, 5000) from e in Gen.Elements(0.1, 0.5, 0.51, 1.0, 3.0)
            from start in Gen.Choose(0, 10_000) from t in Gen.Choose(0, 100_000) select (peak: peak / 1e4, knee: knee + 0.25, e, start, t), x =>
        {
            var shifted = PowerLaw(x.peak, x.knee, x.e, x.start);
            var fromZero = PowerLaw(x.peak, x.knee, x.e);
            Assert.Equal(fromZero.Rate(x.t + x.start), shifted.Rate(x.t));
            Assert.True(shifted.Rate(x.t + 1) <= shifted.Rate(x.t));
            Assert.InRange(shifted.Rate(x.t), 0, x.peak);
        });

    [Fact]
    public void Exponent_one_half_from_the_knee_is_the_inverse_square_root()
    {
        var law = PowerLaw(0.1, 400, 0.5, start: 400);
        var invSqrt = InverseSqrt(0.1, 400);
        foreach (long t in new long[] { 0, 1, 10, 399, 400, 1_200, 99_999, 1L << 50 })
            Assert.Equal(invSqrt.Rate(t), law.Rate(t), 1e-16 + 1e-15 * invSqrt.Rate(t));
    }

    [Fact]
    public void It_stays_finite_to_the_end_of_time()
    {
        foreach (var s in new[] { PowerLaw(1e100, 1e100, 1e-300), PowerLaw(0.1, 1e-300, 300), PowerLaw(0.1, 1, 1e300, long.MaxValue) })
            foreach (long t in new long[] { 0, 1, 2, long.MaxValue })
            {
                double v = s.Rate(t);
                Assert.True(double.IsFinite(v) && v >= 0 && v <= s.Max, $"{s} at {t}: {v}");
            }
    }

    [Theory]
    [InlineData("power-law peak=0.02 knee=6200.5 exponent=0.51", "power-law peak=0.02 knee=6200.5 exponent=0.51")]
    [InlineData("warmup 239 >> power-law peak=0.02 knee=6200.5 exponent=0.51 start=239", "warmup 239 >> power-law peak=0.02 knee=6200.5 exponent=0.51 start=239")]
    public void It_reads_and_prints_as_text_and_JSON(string recipe, string printed)
    {
        var s = Schedule.Parse(recipe);
        Assert.Equal(printed, s.ToString());
        var fromJson = ScheduleJson.Parse(ScheduleJson.Write(s));
        foreach (long t in new long[] { 0, 100, 239, 240, 6_200, 6_500, 100_000, long.MaxValue })
            Assert.Equal(s.Rate(t), fromJson.Rate(t));
        var numbers = RecipeNumbers.Find(recipe);
        Assert.False(numbers.Single(n => n.Key == "knee").Whole);
        Assert.Equal(recipe.Contains("start="), numbers.Any(n => n.Key == "start" && n.Whole));
    }
}
