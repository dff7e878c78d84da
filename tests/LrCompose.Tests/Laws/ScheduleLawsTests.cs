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
                // Within the bounds to a couple of ulps of the value itself (not an absolute tolerance, which would let a
                // rate of 1e-4 be off by 1e-5 and pass).
                Assert.True(v >= Ulps(c.S.Min, -2) && v <= Ulps(c.S.Max, 2), $"{c.S} gave {v:R} at {step}, outside [{c.S.Min:R}, {c.S.Max:R}]");
                Assert.True(c.S.Min >= 0 && c.S.Max <= 1e100);
            }
        });

    /// <summary><paramref name="x"/> moved by <paramref name="n"/> representable doubles.</summary>
    private static double Ulps(double x, int n)
    {
        for (int i = 0; i < Math.Abs(n); i++) x = n > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
        return x;
    }

    [Fact]
    public void A_finite_phase_holds_its_end_value_after_its_length() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from k in Gen.Choose(0, 1000) select (s, k), c =>
            c.s.Rate(c.s.Length!.Value + c.k) == c.s.EndValue);

    [Fact]
    public void Identities_scale_one_shift_zero_stretch_one() =>
        Law.Holds(ScheduleGen.Composed, s =>
            ReferenceEquals(s.Scale(1), s) && ReferenceEquals(s.Shift(0), s) && ReferenceEquals(s.Stretch(1), s));

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
}
