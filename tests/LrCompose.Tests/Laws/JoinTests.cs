using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Join</c> (optax's join_schedules): each part from its own step 0 between the boundaries, the
/// same as taking each part up to the next boundary and sequencing, and the printed recipe reads back bit-identically.
/// Steps are drawn below 2^53, where every step is an exact double.</summary>
public class JoinTests
{
    private static readonly Gen<(Schedule[] Parts, long[] Boundaries, long T)> Joins =
        from parts in Gen.ArrayOf(ScheduleGen.Composed, 3)
        from first in Gen.Choose(0, 300) from gap in Gen.Choose(1, 300)
        from t in Gen.OneOf(Gen.Choose(0, 2_000).Select(i => (long)i), Gen.Choose(0, int.MaxValue).Select(i => (long)i * 1_000_000))
        select (parts, new[] { (long)first, (long)(first + gap) }, t);

    [Fact]
    public void Each_part_runs_from_its_own_step_zero_between_the_boundaries() =>
        Law.Holds(Joins, x =>
        {
            var joined = Join(x.Parts, x.Boundaries);
            int i = x.T < x.Boundaries[0] ? 0 : x.T < x.Boundaries[1] ? 1 : 2;
            long start = i == 0 ? 0 : x.Boundaries[i - 1];
            // Steps up to 2^53 are exact doubles (beyond, the global step itself rounds, as in every sequence).
            Assert.Equal(x.Parts[i].Rate(x.T - start), joined.Rate(x.T));
            Assert.InRange(joined.Rate(x.T), joined.Min, joined.Max);
        });

    [Fact]
    public void A_join_equals_its_parts_taken_to_the_boundaries_and_sequenced() =>
        Law.Holds(Joins.Where(x => x.Boundaries[0] > 0), x =>
        {
            var sequenced = x.Parts[0].Take(x.Boundaries[0]).Then(x.Parts[1].Take(x.Boundaries[1] - x.Boundaries[0])).Then(x.Parts[2]);
            Assert.Equal(sequenced.Rate(x.T), Join(x.Parts, x.Boundaries).Rate(x.T));
            Assert.Equal(sequenced.Length, Join(x.Parts, x.Boundaries).Length);
        });

    [Fact]
    public void A_join_prints_and_parses_back_bit_identically() =>
        Law.Holds(Joins.Where(x => !x.Parts.Any(p => p.ToString().Contains("lambda"))), x =>
        {
            var joined = Join(x.Parts, x.Boundaries);
            var back = Schedule.Parse(joined.ToString());
            Assert.Equal(BitConverter.DoubleToInt64Bits(joined.Rate(x.T)), BitConverter.DoubleToInt64Bits(back.Rate(x.T)));
            Assert.Equal(joined.ToString(), back.ToString());
        });
}
