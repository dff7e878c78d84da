using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Split</c> (fastai's combine_scheds): the phase lengths add up to the whole run exactly, each
/// phase starts at round(total·Σfractions), and within it the phase sees its own step 0.</summary>
public class SplitTests
{
    [Fact]
    public void Split_lengths_add_up_and_each_phase_starts_where_its_fractions_say() =>
        Law.Holds(from total in Gen.Choose(10, 100_000) from first in Gen.Choose(1, 9) from t in Gen.Choose(0, 100_000)
                  select (total: (long)total, f: first / 10.0, t: (long)t), x =>
        {
            var split = Split(x.total, new Portion(x.f, n => Linear(n, 0, 1)), new Portion(1 - x.f, n => Cosine(n, 1, 0.1)));
            long boundary = (long)Math.Round(x.total * x.f);
            Assert.Equal(x.total, split.Length);
            double expected = x.t < boundary ? Linear(boundary, 0, 1).Rate(x.t) : Cosine(x.total - boundary, 1, 0.1).Rate(x.t - boundary);
            Assert.Equal(expected, split.Rate(x.t));
        });
}
