using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>The promises every schedule keeps and the algebraic laws of the combinators, over random compositions.</summary>
public class ScheduleLawsTests
{
    private static readonly Gen<(Schedule S, long[] Steps)> WithSteps =
        from s in ScheduleGen.Composed from steps in Gen.ArrayOf(ScheduleGen.Step, 12) select (s, steps);

    [Fact]
    public void Every_value_is_finite_and_within_the_declared_bounds() =>
        Law.Holds(WithSteps, c =>
        {
            foreach (var step in c.Steps)
            {
                double v = c.S.Rate(step);
                Assert.True(double.IsFinite(v), $"{c.S} gave {v} at {step}");
                double slack = 1e-9 * Math.Max(1, Math.Abs(c.S.Max));
                Assert.True(v >= c.S.Min - slack && v <= c.S.Max + slack, $"{c.S} gave {v} at {step}, outside [{c.S.Min}, {c.S.Max}]");
                Assert.True(c.S.Min >= 0 && c.S.Max <= 1e100);
            }
        });

    [Fact]
    public void A_finite_phase_holds_its_end_value_after_its_length() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from k in Gen.Choose(0, 1000) select (s, k), c =>
            c.s.Rate(c.s.Length!.Value + c.k) == c.s.EndValue);

    [Fact]
    public void Then_is_associative() =>
        Law.Holds(from a in ScheduleGen.FinitePhase from b in ScheduleGen.FinitePhase from c in ScheduleGen.Shape
                  from steps in Gen.ArrayOf(Gen.Choose(0, 1500), 20) select (a, b, c, steps), x =>
        {
            var left = x.a.Then(x.b).Then(x.c);
            var right = x.a.Then(x.b.Then(x.c));
            Assert.Equal(left.ToString(), right.ToString());
            foreach (var t in x.steps) Assert.Equal(left.Rate(t), right.Rate(t));
        });

    [Fact]
    public void Then_runs_the_next_phase_from_its_own_step_zero() =>
        Law.Holds(from a in ScheduleGen.FinitePhase from b in ScheduleGen.Shape from t in Gen.Choose(0, 1500) select (a, b, t), x =>
        {
            long n = x.a.Length!.Value;
            var seq = x.a.Then(x.b);
            return x.t < n ? seq.Rate(x.t) == x.a.Rate(x.t) : seq.Rate(x.t) == x.b.Rate(x.t - n);
        });

    [Fact]
    public void Scale_distributes_over_Then() =>
        Law.Holds(from a in ScheduleGen.FinitePhase from b in ScheduleGen.Shape from k in Gen.Choose(0, 400).Select(i => i / 100.0)
                  from t in Gen.Choose(0, 1500) select (a, b, k, t), x =>
            x.a.Then(x.b).Scale(x.k).Rate(x.t) == x.a.Scale(x.k).Then(x.b.Scale(x.k)).Rate(x.t));

    [Fact]
    public void Scale_of_a_scale_is_one_scale() =>
        Law.Holds(from s in ScheduleGen.Composed from a in Gen.Choose(1, 8) from b in Gen.Choose(1, 8) from t in ScheduleGen.Step select (s, a, b, t), x =>
        {
            double a = x.a / 4.0, b = x.b / 4.0;
            Assert.True(Law.Close(x.s.Scale(a).Scale(b).Rate(x.t), x.s.Scale(a * b).Rate(x.t)));
        });

    [Fact]
    public void Identities_scale_one_shift_zero_stretch_one() =>
        Law.Holds(ScheduleGen.Composed, s =>
            ReferenceEquals(s.Scale(1), s) && ReferenceEquals(s.Shift(0), s) && ReferenceEquals(s.Stretch(1), s));

    [Fact]
    public void Stretch_composes_and_means_slower_time()
    {
        // Powers of two keep t/(a·b) exact, so the law is checked bit for bit against the definition s(t/a/b).
        Law.Holds(from s in ScheduleGen.Composed.Where(s => s.Length is null || s.Length >= 8) from a in Gen.Elements(0.5, 2.0, 4.0) from b in Gen.Elements(0.5, 2.0, 0.25)
                  from t in Gen.Choose(0, 4000) select (s, a, b, t), x =>
        {
            var twice = x.s.Stretch(x.a).Stretch(x.b);
            Assert.Equal(x.s.Stretch(x.a * x.b).Rate(x.t), twice.Rate(x.t));
            Assert.Equal(x.s.At(x.t / x.b / x.a), twice.Rate(x.t));
        });
    }

    [Fact]
    public void Shift_delays_and_shifts_add_up() =>
        Law.Holds(from s in ScheduleGen.Composed from a in Gen.Choose(0, 50) from b in Gen.Choose(0, 50) from t in Gen.Choose(0, 1000) select (s, a, b, t), x =>
        {
            Assert.Equal(x.s.Shift(x.a).Shift(x.b).Rate(x.t), x.s.Shift(x.a + x.b).Rate(x.t));
            Assert.Equal(x.s.Rate(Math.Max(0, x.t - x.a)), x.s.Shift(x.a).Rate(x.t));
        });

    [Fact]
    public void Cycle_is_periodic() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from t in Gen.Choose(0, 3000) from k in Gen.Choose(1, 5) select (s, t, k), x =>
        {
            var c = x.s.Cycle();
            long period = x.s.Length!.Value;
            Assert.Equal(c.Rate(x.t), c.Rate(x.t + x.k * period));
            Assert.Equal(x.s.Rate(x.t % period), c.Rate(x.t));
        });

    [Fact]
    public void Warmup_joins_are_continuous() =>
        // A warmup of two or more steps has an inside to compare the join with (one step is all join).
        Law.Holds(from w in ScheduleGen.Length.Where(w => w >= 2) from from_ in ScheduleGen.Rate from next in ScheduleGen.Shape
                  from shape in Gen.Elements(WarmupShape.Linear, WarmupShape.Cosine) from count in Gen.Elements(WarmupCount.FromZero, WarmupCount.FromOne)
                  select (w, from_, next, shape, count), x =>
        {
            var s = Warmup(x.w, x.from_, x.shape, x.count).Then(x.next);
            double jump = Math.Abs(s.Rate(x.w) - s.Rate(x.w - 1));
            double largestInside = 0;
            for (long t = 1; t < x.w + 50; t++)
                if (t != x.w) largestInside = Math.Max(largestInside, Math.Abs(s.Rate(t) - s.Rate(t - 1)));
            Assert.True(jump <= largestInside + 1e-12, $"{s}: jump {jump} > {largestInside}");
            Assert.Equal(x.next.StartValue, s.Rate(x.w));
        });

    [Fact]
    public void Decaying_shapes_are_monotone() =>
        Law.Holds(from hi in ScheduleGen.Rate from lo in ScheduleGen.Rate from n in ScheduleGen.Length from g in ScheduleGen.Gamma
                  from pick in Gen.Choose(0, 8) select (hi: Math.Max(hi, lo), lo: Math.Min(hi, lo), n, g, pick), x =>
        {
            Schedule s = x.pick switch
            {
                0 => Linear(x.n, x.hi, x.lo),
                1 => Cosine(x.n, x.hi, x.lo, 2, 2),
                2 => Polynomial(x.n, x.hi, x.lo, 2),
                3 => Exponential(x.hi, x.g, 3),
                4 => StepDecay(x.hi, x.g, 7),
                5 => MultiStep(x.hi, x.g, 5, 5, 90),
                6 => InverseSqrt(x.hi, x.n),
                7 => Tanh(x.n, x.hi, x.lo),
                _ => OneMinusSqrt(x.n, x.hi, x.lo),
            };
            for (long t = 1; t < 600; t++)
                Assert.True(s.Rate(t) <= s.Rate(t - 1) + 1e-15, $"{s} rises at {t}");
        });

    [Fact]
    public void Mirror_moves_opposite_within_its_bounds() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from t in Gen.Choose(1, 500) select (s, t), x =>
        {
            var m = x.s.Mirror(0.85, 0.95);
            double v = m.Rate(x.t);
            Assert.InRange(v, 0.85 - 1e-12, 0.95 + 1e-12);
            double dr = x.s.Rate(x.t) - x.s.Rate(x.t - 1), dm = v - m.Rate(x.t - 1);
            Assert.True(dr * dm <= 1e-15, $"{x.s}: rate moved {dr}, mirror {dm}");
        });
}
