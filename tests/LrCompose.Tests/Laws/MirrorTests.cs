using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Mirror</c>: moves opposite to the rate, within its bounds. Each law holds over 1,000 generated cases.</summary>
public class MirrorTests
{
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
