using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Sum</c>: pointwise, commutative, zero is its identity, bounds add.</summary>
public class SumTests
{
    [Fact]
    public void Sum_is_pointwise_commutative_with_zero_as_identity() =>
        Law.Holds(from a in ScheduleGen.Composed from b in ScheduleGen.Composed from t in ScheduleGen.Step select (a, b, t), x =>
        {
            double va = x.a.Rate(x.t), vb = x.b.Rate(x.t);
            Assert.Equal(va + vb, Sum(x.a, x.b).Rate(x.t));
            Assert.Equal(Sum(x.a, x.b).Rate(x.t), Sum(x.b, x.a).Rate(x.t));
            Assert.Equal(va, Sum(x.a, Constant(0)).Rate(x.t));
            // Bounds add (within a few ulps: a shape's formula may land an ulp past its end value; see docs/reliability work).
            var sum = x.a + x.b;
            double v = sum.Rate(x.t), slack = 1e-12 * Math.Max(1, Math.Abs(sum.Max));
            Assert.InRange(v, sum.Min - slack, sum.Max + slack);
        });
}
