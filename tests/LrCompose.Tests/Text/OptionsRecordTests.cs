using System.Reflection;

namespace LrCompose.Tests.Text;

/// <summary>The options record of one-cycle: its defaults are the positional overload's, and it builds the same schedule.</summary>
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
}
