using System.Reflection;

namespace LrCompose.Tests.Text;

/// <summary>The options records (one-cycle's, timm's cycles, the plateau policy of <c>ReduceLROnPlateau</c>): their
/// defaults are the positional overload's, and they build the same schedule.</summary>
public class OptionsRecordTests
{
    [Fact]
    public void OneCycleOptions_defaults_are_the_positional_defaults()
    {
        var positional = typeof(Recipes).GetMethods().Single(m => m.Name == "OneCycle" && m.GetParameters().Length == 9).GetParameters();
        var defaults = new OneCycleOptions();
        foreach (var property in typeof(OneCycleOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var parameter = positional.Single(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(Convert.ToDouble(parameter.DefaultValue), Convert.ToDouble(property.GetValue(defaults)));
        }
        Assert.Equal(7, typeof(OneCycleOptions).GetProperties().Count(p => p.CanWrite));
    }

    [Fact]
    public void The_options_record_builds_the_positional_schedule()
    {
        var byName = Recipes.OneCycle(0.1, 1_000, new OneCycleOptions { PctStart = 0.25, Anneal = Anneal.Linear, ThreePhase = true, MaxMomentum = 0.9 });
        var positional = Recipes.OneCycle(0.1, 1_000, pctStart: 0.25, anneal: Anneal.Linear, threePhase: true, maxMomentum: 0.9);
        Assert.Equal(positional.LearningRate.ToString(), byName.LearningRate.ToString());
        Assert.Equal(positional.Momentum.ToString(), byName.Momentum.ToString());
        foreach (long t in new long[] { 0, 1, 249, 250, 500, 999, 1_000, 5_000 })
        {
            Assert.Equal(positional.Rate(t), byName.Rate(t));
            Assert.Equal(positional.Momentum.Rate(t), byName.Momentum.Rate(t));
        }
        Assert.Throws<ArgumentNullException>(() => Recipes.OneCycle(0.1, 1_000, (OneCycleOptions)null!));
    }

    private static readonly string[] TimmCyclers = ["CosineLRScheduler", "TanhLRScheduler", "PolyLRScheduler"];

    [Theory]
    [MemberData(nameof(TimmCyclerNames))]
    public void TimmCycleOptions_defaults_are_the_positional_defaults(string scheduler)
    {
        var positional = typeof(Compat.Timm).GetMethods()
            .Single(m => m.Name == scheduler && m.GetParameters().All(p => p.ParameterType != typeof(TimmCycleOptions))).GetParameters();
        var defaults = new TimmCycleOptions();
        var properties = typeof(TimmCycleOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.Equal(7, properties.Count);
        foreach (var property in properties)
        {
            var parameter = positional.Single(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(Convert.ToDouble(parameter.DefaultValue), Convert.ToDouble(property.GetValue(defaults)));
        }
    }

    public static TheoryData<string> TimmCyclerNames() => new(TimmCyclers);

    [Fact]
    public void TimmCycleOptions_build_the_positional_schedules()
    {
        var options = new TimmCycleOptions { LrMin = 1e-4, CycleMul = 2, CycleDecay = 0.5, CycleLimit = 3, WarmupT = 5, WarmupLrInit = 1e-5, WarmupPrefix = true };
        (Schedule ByName, Schedule Positional)[] pairs =
        [
            (Compat.Timm.CosineLRScheduler(0.1, 20, options, kDecay: 2),
                Compat.Timm.CosineLRScheduler(0.1, 20, 1e-4, 2, 0.5, 3, 5, 1e-5, true, 2)),
            (Compat.Timm.TanhLRScheduler(0.1, 20, options, lb: -5, ub: 2),
                Compat.Timm.TanhLRScheduler(0.1, 20, -5, 2, 1e-4, 2, 0.5, 3, 5, 1e-5, true)),
            (Compat.Timm.PolyLRScheduler(0.1, 20, options, power: 2, kDecay: 1.5),
                Compat.Timm.PolyLRScheduler(0.1, 20, 2, 1e-4, 2, 0.5, 3, 5, 1e-5, true, 1.5)),
        ];
        foreach (var (byName, positional) in pairs)
        {
            Assert.Equal(positional.ToString(), byName.ToString());
            foreach (long t in new long[] { 0, 4, 5, 6, 24, 25, 26, 64, 65, 144, 145, 146, 10_000 }) Assert.Equal(positional.Rate(t), byName.Rate(t));
        }
        // The defaults by name are the defaults by position.
        Assert.Equal(Compat.Timm.CosineLRScheduler(0.1, 20).ToString(), Compat.Timm.CosineLRScheduler(0.1, 20, new TimmCycleOptions()).ToString());
        Assert.Throws<ArgumentNullException>(() => Compat.Timm.CosineLRScheduler(0.1, 20, (TimmCycleOptions)null!));
        Assert.Throws<ArgumentNullException>(() => Compat.Timm.TanhLRScheduler(0.1, 20, (TimmCycleOptions)null!));
        Assert.Throws<ArgumentNullException>(() => Compat.Timm.PolyLRScheduler(0.1, 20, (TimmCycleOptions)null!));
    }

    [Fact]
    public void A_bad_value_in_TimmCycleOptions_is_named_by_its_property()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Compat.Timm.CosineLRScheduler(0.1, 20, new TimmCycleOptions { LrMin = double.NaN }));
        Assert.Equal("lrMin", e.ParamName);
        e = Assert.ThrowsAny<ArgumentException>(() => Compat.Timm.PolyLRScheduler(0.1, 20, new TimmCycleOptions { WarmupT = -1 }));
        Assert.Equal("warmupT", e.ParamName);
    }

    [Fact]
    public void ReduceLROnPlateau_with_a_policy_is_the_positional_state()
    {
        var byPolicy = Compat.Torch.ReduceLROnPlateau(0.1, new PlateauPolicy(patience: 1, cooldown: 1, factor: 0.5));
        var positional = Compat.Torch.ReduceLROnPlateau(0.1, factor: 0.5, patience: 1, cooldown: 1);
        Assert.Equal(positional, byPolicy);
        foreach (double metric in new[] { 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5 })
        {
            byPolicy = byPolicy.Observe(metric);
            positional = positional.Observe(metric);
            Assert.Equal(positional.Rate, byPolicy.Rate);
        }
        Assert.True(byPolicy.Rate < 0.1);   // the metrics above do plateau
        Assert.Throws<ArgumentNullException>(() => Compat.Torch.ReduceLROnPlateau(0.1, (PlateauPolicy)null!));
        Assert.Equal("baseLr", Assert.ThrowsAny<ArgumentException>(() => Compat.Torch.ReduceLROnPlateau(double.NaN, new PlateauPolicy())).ParamName);
    }
}
