using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>PerEpoch</c>: constant inside an epoch, the epoch schedule's value at the epoch index, lengths
/// multiplied, and one step per epoch is the schedule itself.</summary>
public class PerEpochTests
{
    [Fact]
    public void Per_epoch_holds_each_epochs_value_for_the_whole_epoch() =>
        Law.Holds(from s in ScheduleGen.Composed from e in Gen.Choose(1, 50) from t in Gen.Choose(0, 20_000) select (s, e, t), x =>
        {
            var stepped = x.s.PerEpoch(x.e);
            long epoch = x.t / x.e;
            Assert.Equal(x.s.Rate(epoch), stepped.Rate(x.t));
            Assert.Equal(stepped.Rate(epoch * x.e), stepped.Rate(x.t));
            Assert.Equal(x.s.Length * x.e, stepped.Length);
            Assert.Equal(x.s.Rate(x.t), x.s.PerEpoch(1).Rate(x.t));
        });
}
