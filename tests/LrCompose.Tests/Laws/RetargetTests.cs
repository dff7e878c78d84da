using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Laws;

/// <summary>
/// Laws of the two re-targetings of a running schedule. <c>DecayAt</c>: nothing before the step changes, the decay
/// starts exactly at the schedule's own value there, and it reaches its target. <c>Retarget</c>: nothing before the
/// step changes, the value there is the schedule's own, the old end is reached exactly at the new total, re-targeting
/// twice from one step is re-targeting once, and re-targeting from step 0 is stretching.
/// </summary>
public class RetargetTests
{
    private static readonly Gen<(Schedule S, long K, long N, double To, DecayShape Shape, long T)> Decays =
        from s in ScheduleGen.Composed from k in Gen.Choose(1, 500) from n in ScheduleGen.Length from to in ScheduleGen.Rate
        from shape in Gen.Elements(DecayShape.Linear, DecayShape.Cosine, DecayShape.OneMinusSqrt) from t in Gen.Choose(0, 2_000)
        // A decay starts before a finite schedule ends (the rule DecayAt shares with Retarget).
        select (s, s.Length is { } length ? (length > 1 ? 1 + (k - 1) % (length - 1) : 0L) : k, n, to, shape, (long)t);

    [Fact]
    public void Decay_from_here_keeps_the_past_joins_on_the_schedules_own_value_and_ends_at_its_target() =>
        Law.Holds(Decays, x =>
        {
            var d = x.S.DecayAt(x.K, x.N, x.To, x.Shape);
            if (x.T < x.K) Assert.Equal(x.S.Rate(x.T), d.Rate(x.T));
            Assert.Equal(x.S.Rate(x.K), d.Rate(x.K));
            // Continuity at k: the first step of the decay moves no more than the decay's own largest step.
            Assert.True(Math.Abs(d.Rate(x.K + 1) - d.Rate(x.K)) <= Math.Abs(x.S.Rate(x.K) - x.To) + 1e-15);
            Assert.Equal(x.To, d.Rate(x.K + x.N));
            Assert.Equal(x.To, d.Rate(x.K + x.N + x.T));
            Assert.Equal(x.K + x.N, d.Length);
        });

    private static readonly Gen<(Schedule S, long K, long Total, long T)> Retargets =
        from s in ScheduleGen.FinitePhase from f in Gen.Choose(0, 99) from extra in Gen.Choose(1, 2_000) from t in Gen.Choose(0, 3_000)
        let k = (long)(f / 100.0 * s.Length!.Value)
        select (s, k, k + extra, (long)t);

    [Fact]
    public void A_new_horizon_keeps_the_past_and_reaches_the_old_end_exactly_at_the_new_total() =>
        Law.Holds(Retargets, x =>
        {
            var r = x.S.Retarget(x.K, x.Total);
            if (x.T < x.K) Assert.Equal(x.S.Rate(x.T), r.Rate(x.T));
            Assert.Equal(x.S.Rate(x.K), r.Rate(x.K));
            Assert.Equal(x.S.EndValue, r.Rate(x.Total));
            Assert.Equal(x.S.EndValue, r.Rate(x.Total + x.T));
            Assert.Equal(x.Total, r.Length);
        });

    [Fact]
    public void Retargeting_twice_from_one_step_is_retargeting_once() =>
        Law.Holds(from x in Retargets from other in Gen.Choose(1, 2_000) select (x, other), p =>
        {
            var (x, other) = p;
            var twice = x.S.Retarget(x.K, x.K + other).Retarget(x.K, x.Total);
            var once = x.S.Retarget(x.K, x.Total);
            Assert.True(Law.Close(once.Rate(x.T), twice.Rate(x.T), 1e-9), $"{once.Rate(x.T)} vs {twice.Rate(x.T)}");
        });

    [Fact]
    public void Retargeting_from_step_zero_is_stretching_the_whole_schedule() =>
        Law.Holds(Retargets, x =>
        {
            long length = x.S.Length!.Value;
            var retargeted = x.S.Retarget(0, x.Total);
            if (x.Total == length) return;
            var stretched = x.S.Stretch(x.Total / (double)length);
            // The two compute the inner time as t·L/N and t·(L/N): where that lands on a phase boundary, rounding may put
            // them on either side, so they may differ by the schedule's own change around t, and by nothing more.
            double v = stretched.Rate(x.T), around = x.T == 0 ? 0 : Math.Abs(stretched.Rate(x.T + 1) - stretched.Rate(x.T - 1));
            Assert.True(Math.Abs(v - retargeted.Rate(x.T)) <= 1e-9 * Math.Max(1, Math.Abs(v)) + around, $"{v} vs {retargeted.Rate(x.T)}");
        });

    [Theory]
    [InlineData("warmup 100 >> hold 900 >> constant 0.001 |> take 1000 |> decay-at 600 length=200 to=1e-05 shape=one-minus-sqrt",
        "decay-at 600 length=200 to=1E-05 shape=one-minus-sqrt (take 1000 (warmup 100 >> hold 900 >> constant 0.001))")]
    [InlineData("warmup 100 >> cosine 900 peak=0.001 |> retarget at=400 total=2000", "retarget at=400 total=2000 (warmup 100 >> cosine 900 peak=0.001)")]
    public void The_text_forms_parse_and_print_back(string recipe, string printed)
    {
        var schedule = Schedule.Parse(recipe);
        Assert.Equal(printed, schedule.ToString());
        var back = Schedule.Parse(printed);
        for (long t = 0; t < 2_100; t += 7) Assert.Equal(schedule.Rate(t), back.Rate(t));
    }

    [Fact]
    public void Refusals_name_the_rule()
    {
        var cosine = Schedules.Cosine(100, peak: 0.1);
        Assert.Contains("must be before the end of the 100-step schedule", Assert.ThrowsAny<ArgumentException>(() => cosine.Retarget(100, 200)).Message);
        Assert.Contains("must be after the step it re-targets from (50)", Assert.ThrowsAny<ArgumentException>(() => cosine.Retarget(50, 50)).Message);
        Assert.Contains("goes on for ever", Assert.Throws<InvalidOperationException>(() => Schedules.Constant(1).Retarget(5, 10)).Message);
        Assert.Contains("length was 0", Assert.ThrowsAny<ArgumentException>(() => cosine.DecayAt(10, 0)).Message);
    }
}
