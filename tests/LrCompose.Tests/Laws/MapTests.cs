using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Laws;

/// <summary>Laws of <c>Map</c>: identity, composition, and a function that leaves the rates is refused when evaluated.</summary>
public class MapTests
{
    [Fact]
    public void Map_of_identity_is_the_schedule_and_maps_compose() =>
        Law.Holds(from s in ScheduleGen.Composed from t in ScheduleGen.Step select (s, t), x =>
        {
            Func<double, double> half = v => v / 2, sqrt = Math.Sqrt;
            Assert.Equal(x.s.Rate(x.t), x.s.Map(v => v).Rate(x.t));
            Assert.Equal(x.s.Map(half).Map(sqrt).Rate(x.t), x.s.Map(v => sqrt(half(v))).Rate(x.t));
            Assert.Equal(x.s.Length, x.s.Map(half).Length);
        });

    [Fact]
    public void A_map_that_leaves_the_rates_throws_instead_of_returning_it() =>
        Law.Holds(from s in ScheduleGen.Composed from t in ScheduleGen.Step select (s, t), x =>
        {
            var e = Assert.Throws<InvalidOperationException>(() => x.s.Map(_ => double.NaN, "nan").Rate(x.t));
            Assert.Contains("map \"nan\" returned NaN", e.Message);
            Assert.Throws<InvalidOperationException>(() => x.s.Map(v => -1 - v, "negative").Rate(x.t));
        });
}
