using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Min</c> and <c>Max</c>: pointwise, commutative, idempotent, and min ≤ each ≤ max.</summary>
public class MinMaxTests
{
    [Fact]
    public void Min_and_max_are_pointwise_commutative_idempotent_and_ordered() =>
        Law.Holds(from a in ScheduleGen.Composed from b in ScheduleGen.Composed from t in ScheduleGen.Step select (a, b, t), x =>
        {
            double va = x.a.Rate(x.t), vb = x.b.Rate(x.t);
            double lo = Min(x.a, x.b).Rate(x.t), hi = Max(x.a, x.b).Rate(x.t);
            Assert.Equal(Math.Min(va, vb), lo);
            Assert.Equal(Math.Max(va, vb), hi);
            Assert.Equal(lo, Min(x.b, x.a).Rate(x.t));
            Assert.Equal(hi, Max(x.b, x.a).Rate(x.t));
            Assert.Equal(va, Min(x.a, x.a).Rate(x.t));
            Assert.True(lo <= va && va <= hi);
        });
}
