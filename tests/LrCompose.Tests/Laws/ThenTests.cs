using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Then</c>: associative, and the next phase runs from its own step 0. Each law holds over 1,000 generated cases.</summary>
public class ThenTests
{
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
}
