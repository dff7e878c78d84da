using static LrCompose.Schedules;

namespace LrCompose.Tests.Shapes;

/// <summary>
/// Megatron-LM's exponential WSD cooldown (<c>lr_wsd_decay_style="exponential"</c>) as <see cref="DecayShape.Exponential"/>,
/// usable by <c>DecayAt</c> and <c>WarmupStableDecay</c>: against Megatron's formula computed here from its definition,
/// then the laws of a cooldown.
/// </summary>
public class PeerCooldownShapeTests
{
    /// <summary>
    /// Megatron's <c>OptimizerParamScheduler.get_lr</c> with <c>lr_decay_style="WSD"</c>: a linear warmup
    /// <c>init + (max − init)·n/W</c> for n ≤ W; past <c>lr_decay_steps</c> the minimum; up to the anneal start
    /// (<c>lr_decay_steps − wsd_decay_steps</c>) the maximum; then <c>min + (2·0.5^r − 1)·(max − min)</c> with
    /// <c>r = (n − anneal start)/wsd_decay_steps</c>.
    /// </summary>
    private static double MegatronWsd(long n, double max, double min, long warmup, long decaySteps, long wsdDecaySteps)
    {
        if (warmup > 0 && n <= warmup) return max * n / warmup;
        if (n > decaySteps) return min;
        long annealStart = decaySteps - wsdDecaySteps;
        double coeff = n <= annealStart ? 1.0 : 2.0 * Math.Pow(0.5, (double)(n - annealStart) / wsdDecaySteps) - 1.0;
        return min + coeff * (max - min);
    }

    [Theory]
    [InlineData(3e-4, 3e-5, 100, 500, 200)]
    [InlineData(1e-3, 0.0, 10, 0, 7)]
    [InlineData(0.1, 0.001, 1, 30, 1)]
    public void Warmup_stable_decay_with_the_exponential_cooldown_follows_Megatron(double peak, double floor, long w, long stable, long decay)
    {
        var s = Recipes.WarmupStableDecay(peak, w, stable, decay, floor, DecayShape.Exponential);
        long total = w + stable + decay;
        for (long n = 0; n <= total + 5; n++)
            Assert.Equal(MegatronWsd(n, peak, floor, w, total, decay), s.Rate(n), 1e-15 * peak);
    }

    [Fact]
    public void Halfway_through_the_cooldown_the_coefficient_is_root_2_minus_1()
    {
        var s = Constant(0.1).DecayAt(50, 100, 0.001, DecayShape.Exponential);
        Assert.Equal(0.1, s.Rate(50));
        // 2·0.5^0.5 − 1 = √2 − 1 = 0.41421356237309515.
        Assert.Equal(0.001 + 0.099 * 0.41421356237309515, s.Rate(100), 1e-17);
        Assert.Equal(0.001, s.Rate(150));
        Assert.Equal(0.001, s.Rate(10_000));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(17L)]
    [InlineData(100_000L)]
    public void The_exponential_cooldown_falls_monotonically_between_its_ends_and_ends_exactly(long length)
    {
        foreach (var (from, to) in new[] { (0.1, 0.0), (3e-4, 3e-5), (0.2, 0.2), (1e-3, 0.1) })
        {
            var s = Constant(from).DecayAt(0, length, to, DecayShape.Exponential);
            Assert.Equal(from, s.Rate(0));
            Assert.Equal(to, s.Rate(length));
            double previous = from;
            foreach (long t in Enumerable.Range(0, 60).Select(i => i * length / 50))
            {
                double v = s.Rate(t);
                Assert.True(double.IsFinite(v));
                Assert.InRange(v, Math.Min(from, to), Math.Max(from, to));
                Assert.True(from >= to ? v <= previous : v >= previous, $"{s} is not monotone at {t}");
                previous = v;
            }
        }
    }

    [Fact]
    public void It_falls_faster_than_linear_at_first_and_slower_at_the_end()
    {
        var exponential = Constant(1).DecayAt(0, 100, 0, DecayShape.Exponential);
        var linear = Constant(1).DecayAt(0, 100, 0);
        for (long t = 1; t < 100; t++) Assert.True(exponential.Rate(t) < linear.Rate(t), $"at {t}");
    }

    [Theory]
    [InlineData("constant 0.1 |> decay-at 50 length=100 to=0.001 shape=exponential", "decay-at 50 length=100 to=0.001 shape=exponential (constant 0.1)")]
    [InlineData("warmup-stable-decay peak=0.001 warmup-steps=10 stable-steps=50 decay-steps=40 decay=exponential", null)]
    public void The_exponential_cooldown_reads_and_prints_as_text_and_JSON(string recipe, string? printed)
    {
        var s = Schedule.Parse(recipe);
        if (printed is not null) Assert.Equal(printed, s.ToString());
        Assert.Contains("shape=exponential", s.ToString());
        var again = Schedule.Parse(s.ToString());
        var fromJson = ScheduleJson.Parse(ScheduleJson.Write(s));
        foreach (long t in new long[] { 0, 10, 49, 60, 75, 99, 100, 150, 500 })
        {
            Assert.Equal(s.Rate(t), again.Rate(t));
            Assert.Equal(s.Rate(t), fromJson.Rate(t));
        }
    }
}
