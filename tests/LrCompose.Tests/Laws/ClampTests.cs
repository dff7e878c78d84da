using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Clamp</c>: inside the band, equal to the schedule where it already is, idempotent.</summary>
public class ClampTests
{
    [Fact]
    public void Clamp_stays_in_the_band_leaves_values_inside_it_and_is_idempotent() =>
        Law.Holds(from s in ScheduleGen.Composed from lo in ScheduleGen.Rate from hi in ScheduleGen.Rate from t in ScheduleGen.Step select (s, lo, hi, t), x =>
        {
            double low = Math.Min(x.lo, x.hi), high = Math.Max(x.lo, x.hi);
            var clamped = x.s.Clamp(low, high);
            double v = x.s.Rate(x.t), c = clamped.Rate(x.t);
            Assert.InRange(c, low, high);
            if (v >= low && v <= high) Assert.Equal(v, c);
            Assert.Equal(c, clamped.Clamp(low, high).Rate(x.t));
            Assert.Equal(x.s.Length, clamped.Length);
        });
}
