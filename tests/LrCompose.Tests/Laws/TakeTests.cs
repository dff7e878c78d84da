using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Take</c>: the same values up to n, then the value at n held; its length is n.</summary>
public class TakeTests
{
    [Fact]
    public void Take_keeps_the_first_steps_and_holds_the_value_at_its_end() =>
        Law.Holds(from s in ScheduleGen.Composed from n in ScheduleGen.Length from t in ScheduleGen.Step select (s, n, t), x =>
        {
            var taken = x.s.Take(x.n);
            Assert.Equal(x.n, taken.Length);
            Assert.Equal(x.s.Rate(Math.Min(x.t, x.n)), taken.Rate(x.t));
            Assert.Equal(taken.Rate(x.n), taken.EndValue);
        });

    [Fact]
    public void Take_then_anything_starts_the_next_phase_at_n() =>
        Law.Holds(from s in ScheduleGen.Composed from n in ScheduleGen.Length from next in ScheduleGen.Composed from t in Gen.Choose(0, 500) select (s, n, next, t), x =>
        {
            var joined = x.s.Take(x.n).Then(x.next);
            Assert.Equal(x.t < x.n ? x.s.Rate(x.t) : x.next.Rate(x.t - x.n), joined.Rate(x.t));
        });
}
