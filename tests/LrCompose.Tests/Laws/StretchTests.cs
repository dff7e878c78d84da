using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Stretch</c>: slower time, and stretches compose. Each law holds over 1,000 generated cases.</summary>
public class StretchTests
{
    [Fact]
    public void Stretch_composes_and_means_slower_time()
    {
        // Powers of two keep t/(a·b) exact, so the law is checked bit for bit against the definition s(t/a/b).
        Law.Holds(from s in ScheduleGen.Composed.Where(s => s.Length is null || s.Length >= 8) from a in Gen.Elements(0.5, 2.0, 4.0) from b in Gen.Elements(0.5, 2.0, 0.25)
                  from t in Gen.Choose(0, 4000) select (s, a, b, t), x =>
        {
            var twice = x.s.Stretch(x.a).Stretch(x.b);
            Assert.Equal(x.s.Stretch(x.a * x.b).Rate(x.t), twice.Rate(x.t));
            Assert.Equal(x.s.At(x.t / x.b / x.a), twice.Rate(x.t));
        });
    }
}
