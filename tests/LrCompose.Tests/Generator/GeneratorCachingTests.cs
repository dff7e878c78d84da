using System.Reflection;
using LrCompose.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.Tests.Generator;

/// <summary>After an unrelated edit, the recipe step is served from the cache, and its model holds no compiler objects.</summary>
public class GeneratorCachingTests
{
    private const string Source = GeneratorHarness.Usings + """
        public static partial class R
        {
            [CompiledSchedule] public static Schedule A => Warmup(10).Then(Cosine(90, 0.1));
            [CompiledSchedule] public static Schedule B => Sum(Cosine(100, 0.1), Constant(0.01));
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_the_recipe_step_cached()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var first = GeneratorHarness.Generate(compilation, track: true);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions));
        var second = first.Driver.RunGenerators(edited).GetRunResult();
        var steps = second.Results.Single().TrackedSteps[TrackingNames.Recipes];
        Assert.NotEmpty(steps);
        foreach (var step in steps)
            foreach (var (_, reason) in step.Outputs)
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"recipe step ran again: {reason}");
    }

    [Fact]
    public void Models_hold_no_compiler_objects()
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Compile(Source), track: true);
        foreach (var step in run.Result.Results.Single().TrackedSteps[TrackingNames.Recipes])
            foreach (var (value, _) in step.Outputs)
                Walk(value, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void Equal_models_hash_equally_and_a_changed_number_changes_the_model()
    {
        // The incremental cache compares models by value: the same recipe parsed twice is equal with an equal hash,
        // one number changed deep inside is not equal.
        object Model(string recipe) => GeneratorHarness.Generate(GeneratorHarness.Compile(GeneratorHarness.Usings +
                "public static partial class R { [CompiledSchedule] public static Schedule A => " + recipe + "; }"), track: true)
            .Result.Results.Single().TrackedSteps[TrackingNames.Recipes].Single().Outputs.Single().Value;
        const string recipe = "Warmup(10).Then(Cosine(90, 0.1).Cycle(2, 0.5, 3)).Then(MultiStep(0.1, 0.5, 10, 20))";
        object a = Model(recipe), b = Model(recipe), c = Model(recipe.Replace("0.5, 3", "0.25, 3"));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a.GetHashCode(), c.GetHashCode());
    }

    private static void Walk(object? value, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || !seen.Add(value)) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location, $"the model holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
            foreach (var item in items) Walk(item, seen);
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.GetValue(value), seen);
    }
}
