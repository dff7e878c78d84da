using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Cycle</c>: periodic. Each law holds over 1,000 generated cases.</summary>
public class CycleTests
{
    [Fact]
    public void Cycle_is_periodic() =>
        Law.Holds(from s in ScheduleGen.FinitePhase from t in Gen.Choose(0, 3000) from k in Gen.Choose(1, 5) select (s, t, k), x =>
        {
            var c = x.s.Cycle();
            long period = x.s.Length!.Value;
            Assert.Equal(c.Rate(x.t), c.Rate(x.t + x.k * period));
            Assert.Equal(x.s.Rate(x.t % period), c.Rate(x.t));
        });
}
