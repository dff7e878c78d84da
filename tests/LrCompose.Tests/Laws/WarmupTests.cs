using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Warmup</c>: the join into the next phase is continuous. Each law holds over 1,000 generated cases.</summary>
public class WarmupTests
{
    [Fact]
    public void Warmup_joins_are_continuous() =>
        // A warmup of two or more steps has an inside to compare the join with (one step is all join).
        Law.Holds(from w in ScheduleGen.Length.Where(w => w >= 2) from from_ in ScheduleGen.Rate from next in ScheduleGen.Shape
                  from shape in Gen.Elements(WarmupShape.Linear, WarmupShape.Cosine) from count in Gen.Elements(WarmupCount.FromZero, WarmupCount.FromOne)
                  select (w, from_, next, shape, count), x =>
        {
            var s = Warmup(x.w, x.from_, x.shape, x.count).Then(x.next);
            double jump = Math.Abs(s.Rate(x.w) - s.Rate(x.w - 1));
            double largestInside = 0;
            for (long t = 1; t < x.w + 50; t++)
                if (t != x.w) largestInside = Math.Max(largestInside, Math.Abs(s.Rate(t) - s.Rate(t - 1)));
            Assert.True(jump <= largestInside + 1e-12, $"{s}: jump {jump} > {largestInside}");
            Assert.Equal(x.next.StartValue, s.Rate(x.w));
        });
}
