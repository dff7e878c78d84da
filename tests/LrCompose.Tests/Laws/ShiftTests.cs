using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Shift</c>: a delay, and shifts add up. Each law holds over 1,000 generated cases.</summary>
public class ShiftTests
{
    [Fact]
    public void Shift_delays_and_shifts_add_up() =>
        Law.Holds(from s in ScheduleGen.Composed from a in Gen.Choose(0, 50) from b in Gen.Choose(0, 50) from t in Gen.Choose(0, 1000) select (s, a, b, t), x =>
        {
            Assert.Equal(x.s.Shift(x.a).Shift(x.b).Rate(x.t), x.s.Shift(x.a + x.b).Rate(x.t));
            Assert.Equal(x.s.Rate(Math.Max(0, x.t - x.a)), x.s.Shift(x.a).Rate(x.t));
        });
}
