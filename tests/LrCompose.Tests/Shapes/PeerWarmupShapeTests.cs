using static LrCompose.Schedules;

namespace LrCompose.Tests.Shapes;

/// <summary>
/// The warmup shapes the peers have: DeepSpeed's log warmup (<c>WarmupLR</c>'s default <c>warmup_type="log"</c>) and
/// Hugging Face WSD's <c>warmup_type</c>s <c>cosine</c> and <c>1-sqrt</c>, each against the peer's formula computed
/// here from its definition, then the laws every warmup keeps.
/// </summary>
public class PeerWarmupShapeTests
{
    /// <summary>
    /// The rate DeepSpeed's <c>WarmupLR</c> leaves in the optimizer for update <paramref name="update"/> (0-based). Its
    /// constructor sets the optimizer to <c>get_lr()</c> at <c>last_batch_iteration = -1</c>, which is the minimum;
    /// the engine calls <c>step()</c> after each update, so update u ≥ 1 runs at iteration u − 1, where the rate is
    /// <c>min + (max − min)·ln(i + 1)/ln(W)</c> with <c>W = max(2, warmup_num_steps)</c>, and <c>max</c> from W on.
    /// Updates 0 and 1 therefore share the minimum.
    /// </summary>
    private static double DeepSpeedWarmupLr(long update, double min, double max, long warmupNumSteps)
    {
        long w = Math.Max(2, warmupNumSteps);
        if (update == 0) return min;
        long iteration = update - 1;
        double gamma = iteration < w ? 1.0 / Math.Log(w) * Math.Log(iteration + 1) : 1.0;
        return min + (max - min) * gamma;
    }

    /// <summary>DeepSpeed's warmup as an LrCompose recipe: the log ramp reaches the maximum at iteration W − 1 (counted
    /// from one), and the one-update lag of its <c>step()</c> is a shift by one.</summary>
    private static Schedule AsDeepSpeed(double min, double max, long w) =>
        (Warmup(w, from: min, shape: WarmupShape.Log, count: WarmupCount.FromOne) >> Constant(max)).Shift(1);

    [Theory]
    [InlineData(0.0, 1e-3, 1000)]
    [InlineData(1e-5, 3e-4, 10)]
    [InlineData(0.0, 0.1, 2)]
    [InlineData(2e-4, 2e-4, 7)]
    public void Log_warmup_follows_DeepSpeed_WarmupLR_update_by_update(double min, double max, long w)
    {
        var s = AsDeepSpeed(min, max, w);
        for (long u = 0; u < w + 5; u++)
            Assert.Equal(DeepSpeedWarmupLr(u, min, max, w), s.Rate(u), 1e-15 * Math.Max(max, 1e-300));
    }

    [Fact]
    public void DeepSpeed_s_first_two_updates_share_the_start_rate_and_the_third_is_ln2_over_lnW_of_the_way()
    {
        var s = AsDeepSpeed(0, 1e-3, 1000);
        Assert.Equal(0, s.Rate(0));
        Assert.Equal(0, s.Rate(1));
        // ln 2 / ln 1000 = 0.6931471805599453 / 6.907755278982137 = 0.10034333188799373.
        Assert.Equal(1.0034333188799373e-4, s.Rate(2), 1e-18);
        Assert.Equal(1e-3, s.Rate(1000));
    }

    [Fact]
    public void Log_warmup_counted_from_zero_starts_at_from_and_reaches_the_target_at_W()
    {
        var s = Warmup(9, from: 0.01, shape: WarmupShape.Log) >> Constant(0.1);
        Assert.Equal(0.01, s.Rate(0));
        // ln 4 / ln 10 of the way at step 3.
        Assert.Equal(0.01 + 0.09 * (Math.Log(4) / Math.Log(10)), s.Rate(3), 1e-16);
        Assert.Equal(0.1, s.Rate(9));
    }

    /// <summary>Hugging Face's <c>_get_wsd_scheduler_lambda</c> in the warmup: progress <c>t/max(1, W)</c>, the factor
    /// by <c>warmup_type</c>, then <c>factor·(1 − min_lr_ratio) + min_lr_ratio</c>, at least 0; 1 after the warmup.</summary>
    private static double HuggingFaceWsdWarmup(long t, long w, string warmupType, double minLrRatio)
    {
        if (t >= w) return 1.0;
        double progress = (double)t / Math.Max(1, w);
        double factor = warmupType switch
        {
            "linear" => progress,
            "cosine" => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
            "1-sqrt" => 1.0 - Math.Sqrt(1.0 - progress),
            _ => throw new ArgumentOutOfRangeException(nameof(warmupType)),
        };
        return Math.Max(0.0, factor * (1.0 - minLrRatio) + minLrRatio);
    }

    [Theory]
    [InlineData("1-sqrt", WarmupShape.OneMinusSqrt, 100, 0.0)]
    [InlineData("1-sqrt", WarmupShape.OneMinusSqrt, 7, 0.1)]
    [InlineData("cosine", WarmupShape.Cosine, 100, 0.0)]
    [InlineData("cosine", WarmupShape.Cosine, 13, 0.25)]
    [InlineData("linear", WarmupShape.Linear, 50, 0.0)]
    public void Warmup_shapes_follow_Hugging_Face_WSD_warmup_types(string warmupType, WarmupShape shape, long w, double minLrRatio)
    {
        const double lr = 3e-4;
        var s = Warmup(w, from: minLrRatio * lr, shape: shape) >> Constant(lr);
        for (long t = 0; t <= w + 3; t++)
            Assert.Equal(lr * HuggingFaceWsdWarmup(t, w, warmupType, minLrRatio), s.Rate(t), 1e-15 * lr);
    }

    public static TheoryData<WarmupShape, WarmupCount> NewShapes() => new()
    {
        { WarmupShape.Log, WarmupCount.FromZero }, { WarmupShape.Log, WarmupCount.FromOne },
        { WarmupShape.OneMinusSqrt, WarmupCount.FromZero }, { WarmupShape.OneMinusSqrt, WarmupCount.FromOne },
    };

    [Theory]
    [MemberData(nameof(NewShapes))]
    public void New_warmups_rise_monotonically_within_their_ends_and_join_what_follows(WarmupShape shape, WarmupCount count)
    {
        foreach (long w in new long[] { 1, 2, 3, 10, 1000 })
        foreach (var (from, to) in new[] { (0.0, 0.1), (1e-5, 1e-3), (0.2, 0.2), (0.3, 0.1) })
        {
            var s = Warmup(w, from, shape, count) >> Constant(to);
            double previous = s.Rate(0);
            // Counting from zero starts at from; counting from one, only the log ramp does (ln 1 = 0), the others are
            // already 1/W of the way.
            if (count == WarmupCount.FromZero || (shape == WarmupShape.Log && w > 1)) Assert.Equal(from, previous);
            for (long t = 0; t <= w + 2; t++)
            {
                double v = s.Rate(t);
                Assert.True(double.IsFinite(v), $"{s} at {t} is {v}");
                Assert.InRange(v, Math.Min(from, to), Math.Max(from, to));
                Assert.True(from <= to ? v >= previous : v <= previous, $"{s} is not monotone at {t}");
                previous = v;
            }
            long end = count == WarmupCount.FromZero ? w : w - 1;
            Assert.Equal(to, s.Rate(end));
            // Continuous into what follows: a stretched (real-valued) clock just before the end is close to the target.
            if (end > 0) Assert.Equal(to, s.Stretch(1000).Rate(end * 1000 - 1), Math.Abs(to - from) * 0.05 + 1e-300);
        }
    }

    [Theory]
    [InlineData("warmup 100 shape=log >> constant 0.1")]
    [InlineData("warmup 100 from=0.001 shape=one-minus-sqrt count=from-one >> cosine 900 peak=0.1")]
    public void The_new_shapes_read_and_print_as_text_and_JSON(string recipe)
    {
        var s = Schedule.Parse(recipe);
        Assert.Equal(recipe, s.ToString());
        var fromJson = ScheduleJson.Parse(ScheduleJson.Write(s));
        foreach (long t in new long[] { 0, 1, 37, 99, 100, 500, 2000 })
        {
            Assert.Equal(s.Rate(t), Schedule.Parse(s.ToString()).Rate(t));
            Assert.Equal(s.Rate(t), fromJson.Rate(t));
        }
    }
}
