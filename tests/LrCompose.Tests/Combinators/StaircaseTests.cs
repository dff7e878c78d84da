using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using LrCompose.Text;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>
/// <c>Staircase</c>, sample and hold: against DeepSpeed's one-cycle stairs and range-test staircase computed here from
/// DeepSpeed's own formulas, then its laws, its text and JSON forms.
/// </summary>
public class StaircaseTests
{
    /// <summary>
    /// DeepSpeed's <c>OneCycle._get_scale_factor</c> within the cycle, with stair counts: for batch iteration b (its
    /// <c>last_batch_iteration + 1</c>) and c = b mod (first + second), the scale is ⌊c·n₁/first⌋/n₁ on the way up
    /// (c ≤ first) and ⌊(total − c)·n₂/second⌋/n₂ on the way down; the rate is <c>min + (max − min)·scale</c>.
    /// </summary>
    private static double DeepSpeedOneCycle(long b, double min, double max, long first, long second, long n1, long n2)
    {
        long total = first + second;
        long c = b % total;
        double position = c <= first ? (double)c * n1 / first : (double)(total - c) * n2 / second;
        long count = c <= first ? n1 : n2;
        return min + (max - min) * (Math.Floor(position) / count);
    }

    /// <summary>DeepSpeed's <c>LRRangeTest</c> with <c>lr_range_test_staircase=True</c>:
    /// <c>min·(1 + rate·⌊b/size⌋)</c>, b its <c>last_batch_iteration + 1</c>.</summary>
    private static double DeepSpeedRangeTest(long b, double min, double rate, long size) => min * (1 + rate * Math.Floor((double)b / size));

    [Theory]
    [InlineData(1e-4, 1e-3, 2000L, 2000L, 4L, 4L)]
    [InlineData(1e-4, 1e-3, 2000L, 1000L, 7L, 3L)]
    [InlineData(3e-5, 3e-4, 10L, 25L, 3L, 5L)]
    [InlineData(0.01, 0.1, 9L, 9L, 9L, 1L)]
    public void One_cycle_stairs_follow_DeepSpeed(double min, double max, long first, long second, long n1, long n2)
    {
        // Up at the start of each stair, down at the end of each: DeepSpeed's two half-cycles.
        var cycle = Linear(first, min, max).Staircase(n1) >> Linear(second, max, min).Staircase(n2, StairSample.End);
        for (long b = 0; b < first + second; b++)
            Assert.Equal(DeepSpeedOneCycle(b, min, max, first, second, n1, n2), cycle.Rate(b), 1e-14 * max);
        Assert.Equal(max, cycle.Rate(first));
        Assert.Equal(min, cycle.Rate(first + second));
    }

    [Theory]
    [InlineData(1e-5, 0.5, 10L, 1000L)]
    [InlineData(1e-4, 2.0, 7L, 500L)]
    public void The_range_test_staircase_follows_DeepSpeed(double min, double rate, long size, long run)
    {
        // The continuous line min·(1 + rate·b/size) over the run, held over each size steps.
        var line = Linear(run, min, min * (1 + rate * run / size)).Staircase(1, span: size);
        for (long b = 0; b <= run; b++)
            Assert.Equal(DeepSpeedRangeTest(b, min, rate, size), line.Rate(b), 1e-13 * DeepSpeedRangeTest(run, min, rate, size));
    }

    [Fact]
    public void One_stair_per_span_of_a_continuous_exponential_is_the_staircase_exponential()
    {
        // Exponential(…, staircase: true) is PyTorch's StepLR: the same sample-and-hold, written in the shape.
        var held = Exponential(0.1, 0.5, every: 25).Staircase(1, span: 25);
        var stepped = Exponential(0.1, 0.5, every: 25, staircase: true);
        foreach (long t in new long[] { 0, 1, 24, 25, 26, 49, 50, 51, 999, 1_000_000 })
            Assert.Equal(stepped.Rate(t), held.Rate(t), 1e-15 * 0.1);
    }

    [Fact]
    public void As_many_stairs_as_steps_is_the_schedule_itself_at_every_step() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from sample in Gen.Elements(Enum.GetValues<StairSample>()) from t in Gen.Choose(0, 2_000)
            select (s, sample, t), x =>
        {
            var held = x.s.Staircase(x.s.Length!.Value, x.sample);
            Assert.Equal(x.s.Rate(x.t), held.Rate(x.t));
        });

    [Fact]
    public void Each_stair_holds_one_value_of_the_schedule_and_its_edges_are_the_schedule_s_own() =>
        Law.Holds(from s in ScheduleGen.Composed from n in Gen.Choose(1, 30) from span in Gen.Choose(1, 300)
            from sample in Gen.Elements(Enum.GetValues<StairSample>()) from t in Gen.Choose(0, 3_000) select (s, n, span, sample, t), x =>
        {
            var held = x.s.Staircase(x.n, x.sample, x.span);
            Assert.Equal(x.s.Length, held.Length);
            Assert.Equal(x.s.Min, held.Min);
            Assert.Equal(x.s.Max, held.Max);
            double v = held.Rate(x.t);
            Assert.InRange(v, held.Min, held.Max);
            // A whole step that is a stair's edge (t·n a multiple of the span) keeps the schedule's value.
            if ((long)x.t * x.n % x.span == 0) Assert.Equal(x.s.Rate(x.t), v);
            // Within a stair the value does not change: the neighbour on the same stair has it too.
            double stair = Math.Floor((double)x.t * x.n / x.span);
            if (x.sample == StairSample.Start && Math.Floor((x.t + 1.0) * x.n / x.span) == stair) Assert.Equal(v, held.Rate(x.t + 1));
            if (x.sample == StairSample.End && x.t > 0 && Math.Ceiling((x.t - 1.0) * x.n / x.span) == Math.Ceiling((double)x.t * x.n / x.span))
                Assert.Equal(v, held.Rate(x.t - 1));
        });

    [Fact]
    public void A_rising_ramp_starts_each_stair_below_it_and_ends_above_it()
    {
        var ramp = Linear(100, 0.0, 1.0);
        var low = ramp.Staircase(6);
        var high = ramp.Staircase(6, StairSample.End);
        double previous = 0;
        for (long t = 0; t <= 120; t++)
        {
            Assert.True(low.Rate(t) <= ramp.Rate(t) && ramp.Rate(t) <= high.Rate(t), $"at {t}");
            Assert.True(low.Rate(t) >= previous, $"not monotone at {t}");
            previous = low.Rate(t);
        }
        Assert.Equal(1.0, low.Rate(100));
        Assert.Equal(1.0, high.Rate(99));
    }

    [Fact]
    public void An_unending_schedule_with_a_span_is_a_staircase_for_ever()
    {
        var held = InverseSqrt(0.1, 10).Staircase(2, span: 1_000);
        Assert.Null(held.Length);
        Assert.Equal(InverseSqrt(0.1, 10).Rate(1_000_000), held.Rate(1_000_250));
        double far = held.Rate(long.MaxValue);
        Assert.True(double.IsFinite(far) && far >= 0);
    }

    [Theory]
    [InlineData("staircase 4 (linear 100 from=1 to=0)", "staircase 4 (linear 100 from=1 to=0)")]
    [InlineData("linear 100 from=1 to=0 |> staircase 4 sample=end", "staircase 4 sample=end (linear 100 from=1 to=0)")]
    [InlineData("staircase 1 span=25 (exponential from=0.1 rate=0.5 every=25)", "staircase 1 span=25 (exponential from=0.1 rate=0.5 every=25)")]
    [InlineData("staircase 3 span=100 (cosine 100 peak=0.1)", "staircase 3 (cosine 100 peak=0.1)")]
    public void It_reads_and_prints_as_text_and_JSON(string recipe, string printed)
    {
        var s = Schedule.Parse(recipe);
        Assert.Equal(printed, s.ToString());
        var again = Schedule.Parse(s.ToString());
        var fromJson = ScheduleJson.Parse(ScheduleJson.Write(s));
        foreach (long t in new long[] { 0, 1, 24, 25, 26, 33, 34, 50, 74, 75, 99, 100, 1_000 })
        {
            Assert.Equal(s.Rate(t), again.Rate(t));
            Assert.Equal(s.Rate(t), fromJson.Rate(t));
        }
    }

    [Fact]
    public void Text_errors_name_the_argument_and_the_rule()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("staircase 0 (linear 100 from=1 to=0)"));
        Assert.Contains("stairs was 0: it must be at least 1", e.Message);
        e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("staircase 2 (constant 1)"));
        Assert.Contains("goes on for ever, so it has no length to cut into stairs; give the span, or make it finite with .Take(steps)", e.Message);
        var numbers = RecipeNumbers.Find("staircase 2 span=30 (constant 1)");
        Assert.True(numbers.Single(n => n.Key == "span").Whole);
        Assert.True(numbers.Single(n => n.Key is null && n.Of == "staircase").Whole);
    }
}
