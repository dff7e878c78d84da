using System.Reflection;
using LrCompose.Core;

namespace LrCompose.Tests.Text;

/// <summary>
/// The one parameter list of each word (<see cref="WordParameters"/>) against the C# method it names: the same names in
/// the same order, types of its kind, and the very defaults. The text binder reads its defaults from the list, so a
/// default changed in C# alone fails here instead of making text and C# mean two things.
/// </summary>
public class WordParameterTests
{
    /// <summary>Where C# and the list differ on purpose, and why.</summary>
    private static readonly Dictionary<(ScheduleKind, string), string> Differences = new()
    {
        [(ScheduleKind.Interpolate, "kind")] = "text reads kind=linear when it is left out; in C# it comes before the params knots and is asked for",
    };

    /// <summary>C# parameters the text word does not take.</summary>
    private static readonly Dictionary<ScheduleKind, string[]> CSharpOnly = new()
    {
        [ScheduleKind.OneCycle] = ["baseMomentum", "maxMomentum"], // the text word is the learning rate only
    };

    public static TheoryData<string> Words()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Vocabulary.All.Where(e => e.Kind != ScheduleKind.Map)) data.Add(entry.Text);
        return data;
    }

    private static MethodInfo Method(VocabularyEntry entry)
    {
        var owner = entry.Owner switch { "Schedules" => typeof(Schedules), "Schedule" => typeof(Schedule), _ => typeof(Recipes) };
        var names = entry.Parameters.Select(p => p.Name).ToArray();
        return owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name == entry.Member)
            .Single(m => m.GetParameters().Select(p => p.Name).Take(names.Length).SequenceEqual(names));
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void The_parameter_list_is_the_CSharp_signature(string word)
    {
        var entry = Vocabulary.ByText(word)!;
        var csharp = Method(entry).GetParameters();
        string[] extra = CSharpOnly.TryGetValue(entry.Kind, out var only) ? only : [];
        Assert.Equal(entry.Parameters.Select(p => p.Name).Concat(extra), csharp.Select(p => p.Name));
        foreach (var (listed, actual) in entry.Parameters.Zip(csharp))
        {
            Assert.True(Fits(listed.Kind, actual.ParameterType), $"{word} {listed.Name}: {listed.Kind} is not a {actual.ParameterType.Name}");
            if (Differences.ContainsKey((entry.Kind, listed.Name))) continue;
            bool optional = actual.HasDefaultValue;
            Assert.True(optional == !listed.Required, $"{word} {listed.Name}: optional in C# {optional}, in the list {!listed.Required}");
            if (optional) Assert.Equal(Normal(listed.Default), Normal(actual.RawDefaultValue));
        }
        Assert.All(csharp.Skip(entry.Parameters.Length), p => Assert.True(p.HasDefaultValue, $"{word} {p.Name} is C# only, so it must be optional"));
    }

    [Fact]
    public void Every_difference_is_still_one()
    {
        foreach (var ((kind, name), why) in Differences)
        {
            var listed = WordParameters.Of(kind).Single(p => p.Name == name);
            var actual = Method(Vocabulary.Of(kind)).GetParameters().Single(p => p.Name == name);
            Assert.True(listed.Required == actual.HasDefaultValue, $"{kind} {name} agrees now ({why}): remove it from the differences");
        }
    }

    [Fact]
    public void Text_keys_and_aliases_name_one_parameter_each()
    {
        foreach (var entry in Vocabulary.All)
        {
            var keys = entry.Parameters.SelectMany(p => p.Aliases.Prepend(p.Text)).ToList();
            Assert.True(keys.Count == keys.Distinct().Count(), $"{entry.Text} has a key twice: {string.Join(", ", keys)}");
        }
    }

    private static bool Fits(ParameterKind kind, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return kind switch
        {
            ParameterKind.Steps => t == typeof(long),
            ParameterKind.Count => t == typeof(long) || t == typeof(int),
            ParameterKind.Rate or ParameterKind.Number => t == typeof(double),
            ParameterKind.Option => t.IsEnum,
            ParameterKind.Flag => t == typeof(bool),
            ParameterKind.StepList => t == typeof(long[]),
            ParameterKind.NumberList => t == typeof(double[]),
            ParameterKind.Knots => t == typeof(Knot[]),
            ParameterKind.Schedules => t == typeof(Schedule) || t == typeof(Schedule[]),
            _ => false,
        };
    }

    /// <summary>Defaults compared by value: enums by their number (reflection gives their raw value).</summary>
    private static object? Normal(object? value) => value switch
    {
        null => null,
        Enum e => Convert.ToInt64(e),
        int i => (long)i,
        _ => value,
    };
}
