using LrCompose.Core;
using LrCompose.Text;

namespace LrCompose.Tests.Live;

/// <summary>
/// The plateau policy's one parameter list (<see cref="WordParameters.PlateauPolicy"/>) against the C# signatures that
/// take the same rules — <see cref="PlateauPolicy"/>'s constructor and PyTorch's <c>ReduceLROnPlateau</c> in the compat
/// layer — and the live text reading, printing and finding numbers through it.
/// </summary>
public class PlateauParameterTests
{
    [Fact]
    public void The_list_is_the_PlateauPolicy_constructor()
    {
        var csharp = typeof(PlateauPolicy).GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters();
        Assert.Equal(WordParameters.PlateauPolicy.Select(p => p.Name), csharp.Select(p => p.Name));
        foreach (var (listed, actual) in WordParameters.PlateauPolicy.Zip(csharp))
        {
            Assert.True(actual.HasDefaultValue, $"{actual.Name} has no default in C#");
            Assert.False(listed.Required);
            Assert.Equal(Normal(listed.Default), Normal(actual.DefaultValue));
        }
    }

    [Fact]
    public void Every_positional_ReduceLROnPlateau_takes_the_listed_defaults()
    {
        var overloads = typeof(Compat.Torch).GetMethods().Where(m => m.Name == "ReduceLROnPlateau" && m.GetParameters().Length > 2).ToList();
        Assert.Equal(2, overloads.Count);   // the option strings and the enums
        foreach (var m in overloads)
        {
            var rules = m.GetParameters().Skip(1).ToArray();   // after baseLr
            // PyTorch's own name for the floor, min_lr, where the policy says minRate.
            Assert.Equal(WordParameters.PlateauPolicy.Select(p => p.Name == "minRate" ? "minLr" : p.Name), rules.Select(p => p.Name));
            foreach (var (listed, actual) in WordParameters.PlateauPolicy.Zip(rules).Where(pair => pair.Item2.HasDefaultValue))
                Assert.Equal(Normal(listed.Default), Normal(actual.DefaultValue));
        }
    }

    [Fact]
    public void Text_left_out_is_the_default_policy_of_CSharp_and_of_the_compat_layer()
    {
        var stage = LiveSchedule.Parse("until-plateau (constant 0.1) >> constant 0.01").Stages[0];
        var read = Assert.IsType<EndCondition.Plateau>(stage.Until).Policy;
        Assert.Equal(new PlateauPolicy(), read);
        Assert.Equal(Compat.Torch.ReduceLROnPlateau(0.1).Policy, read);
        Assert.Equal(Compat.Torch.ReduceLROnPlateau(0.1, PlateauMode.Min).Policy, read);
    }

    [Fact]
    public void Every_parameter_of_the_list_reads_and_prints_under_its_key()
    {
        const string text = "reduce-on-plateau mode=max factor=0.5 patience=3 threshold=0.01 threshold-mode=abs cooldown=2 min-rate=0.001 eps=0.0001 (constant 0.1)";
        var live = LiveSchedule.Parse(text);
        Assert.Equal(new PlateauPolicy(PlateauMode.Max, 0.5, 3, 0.01, ThresholdMode.Abs, 2, 0.001, 1e-4), live.Stages[0].Reduce);
        Assert.Equal(text, live.ToString());
        foreach (var parameter in WordParameters.PlateauPolicy) Assert.Contains(" " + parameter.Text + "=", text);
    }

    [Fact]
    public void Patience_and_cooldown_are_whole_numbers_of_the_recipe()
    {
        var numbers = RecipeNumbers.Find("until-plateau patience=3 factor=0.5 cooldown=1 (constant 0.1)");
        Assert.True(numbers.Single(n => n.Key == "patience").Whole);
        Assert.True(numbers.Single(n => n.Key == "cooldown").Whole);
        Assert.False(numbers.Single(n => n.Key == "factor").Whole);
        Assert.False(numbers.Single(n => n.Of == "constant").Whole);
    }

    [Theory]
    [InlineData("until-plateau 3 (constant 0.1) >> constant 0.01", "by name")]
    [InlineData("until-plateau patience=2.5 (constant 0.1) >> constant 0.01", "patience")]
    [InlineData("until-plateau paitence=2 (constant 0.1) >> constant 0.01", "paitence")]
    [InlineData("reduce-on-plateau mode=sideways (constant 0.1)", "min, max")]
    [InlineData("reduce-on-plateau threshold-mode=rel threshold-mode=abs (constant 0.1)", "twice")]
    public void A_policy_the_list_does_not_read_is_refused_at_its_place(string text, string named)
    {
        var e = Assert.Throws<RecipeFormatException>(() => LiveSchedule.Parse(text));
        Assert.Contains(named, e.Message);
    }

    /// <summary>Defaults compared by value: an enum and its option string by the kebab case of the member, whole numbers as longs.</summary>
    private static object? Normal(object? value) => value switch
    {
        Enum e => Vocabulary.Kebab(e.ToString()),
        int i => (long)i,
        _ => value,
    };
}
