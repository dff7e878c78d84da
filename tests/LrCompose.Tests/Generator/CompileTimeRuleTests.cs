using System.Globalization;
using System.Reflection;
using LrCompose.Tests.Reliability;
using LrCompose.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LrCompose.Tests.Generator;

/// <summary>
/// The generator accepts exactly what the runtime accepts: for every number parameter of every recipe constructor
/// (found by reflection, as <see cref="EveryNumberIsCheckedTests"/> finds them) and each edge value, a constant the
/// runtime refuses is a compile-time error at that argument whose words are the runtime's exception message, and a
/// constant the runtime takes compiles without an error.
/// </summary>
public class CompileTimeRuleTests
{
    /// <summary>The recipe vocabulary: the shapes and combinators, the named recipes, and the methods of a schedule.</summary>
    private static IEnumerable<MethodInfo> RecipeConstructors() =>
        EveryNumberIsCheckedTests.Constructors().Where(m => m.DeclaringType == typeof(Schedules) || m.DeclaringType == typeof(Recipes) || m.DeclaringType == typeof(Schedule))
            .Where(m => m.Name != "RangeSweep" && m.GetParameters().All(p => Literal(p.ParameterType, ValidArguments.For(p.ParameterType)) is not null));

    /// <summary>The edge values tried for each kind of number.</summary>
    private static readonly Dictionary<Type, object[]> Edges = new()
    {
        [typeof(double)] = [double.NaN, double.PositiveInfinity, -1.0, 0.0, 2.0, 1e101],
        [typeof(long)] = [long.MinValue, -1L, 0L, long.MaxValue],
        [typeof(int)] = [int.MinValue, -1, 0, int.MaxValue],
    };

    public static TheoryData<string, int, string, int> EdgeNumbers()
    {
        var data = new TheoryData<string, int, string, int>();
        foreach (var m in RecipeConstructors())
        {
            if (EveryNumberIsCheckedTests.Arguments(m) is null) continue;
            foreach (var p in m.GetParameters())
            {
                var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (Edges.TryGetValue(t, out var edges))
                    for (int e = 0; e < edges.Length; e++) data.Add(EveryNumberIsCheckedTests.Describe(m), p.Position, p.Name!, e);
            }
        }
        return data;
    }

    /// <summary>A C# constant expression for a value the reflection tests pass, or null for one that has none.</summary>
    private static string? Literal(Type type, object? value) => value switch
    {
        null => "null",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        long l when l == long.MinValue => "long.MinValue",
        long l when l == long.MaxValue => "long.MaxValue",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        int i when i == int.MinValue => "int.MinValue",
        int i when i == int.MaxValue => "int.MaxValue",
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => $"{e.GetType().Name}.{e}",
        Schedule[] => "[Linear(10, 1, 0), Constant(0.5)]",
        Schedule => "Linear(10, 1, 0)",
        Lead => "Warmup(5)",
        long[] ls => "[" + string.Join(", ", ls.Select(l => l.ToString(CultureInfo.InvariantCulture))) + "]",
        double[] ds => "[" + string.Join(", ", ds.Select(d => d.ToString("R", CultureInfo.InvariantCulture))) + "]",
        _ => null,
    };

    /// <summary>The arguments as written: positional up to the first default left out, named after it.</summary>
    private static string[] Arguments(MethodInfo m, object?[] args)
    {
        bool named = false;
        return m.GetParameters().Select(p =>
        {
            if (args[p.Position] == Type.Missing) { named = true; return ""; }
            return (named ? p.Name + ": " : "") + Literal(p.ParameterType, args[p.Position]);
        }).ToArray();
    }

    private static string Argument(MethodInfo m, object?[] args, int position) => Arguments(m, args)[position];

    /// <summary>What makes the call a schedule: a warmup is followed, one-cycle's rate is taken.</summary>
    private static string Tail(MethodInfo m) =>
        m.ReturnType == typeof(Lead) ? ".Then(Constant(0.5))" : m.ReturnType == typeof(RateAndMomentum) ? ".LearningRate" : "";

    private static string Code(MethodInfo m, object?[] args, out string badArgument, int position)
    {
        var written = Arguments(m, args);
        badArgument = written[position];
        string call = $"{m.Name}({string.Join(", ", written.Where(a => a.Length > 0))})";
        string receiver = m.DeclaringType == typeof(Schedule) ? "Linear(10, 1, 0)." : m.DeclaringType == typeof(Recipes) ? "LrCompose.Recipes." : "";
        return receiver + call + Tail(m);
    }

    [Fact]
    public void Most_number_parameters_of_the_vocabulary_are_covered() => Assert.True(EdgeNumbers().Count() > 300, $"only {EdgeNumbers().Count()}");

    /// <summary>One case: the recipe, what the runtime threw for it, and the source text of the bad argument.</summary>
    private sealed record Case(string Recipe, ArgumentException? Runtime, string Expected);

    private static Case Build(string constructor, int position, int edge)
    {
        var m = EveryNumberIsCheckedTests.Constructors().Single(c => EveryNumberIsCheckedTests.Describe(c) == constructor);
        var args = EveryNumberIsCheckedTests.Arguments(m)!;
        var type = m.GetParameters()[position].ParameterType;
        args[position] = Edges[Nullable.GetUnderlyingType(type) ?? type][edge];
        ArgumentException? runtime = null;
        try { EveryNumberIsCheckedTests.Call(m, args); }
        catch (ArgumentException e) { runtime = e; }
        string recipe = Code(m, args, out string bad, position);
        // At the argument the runtime names (another one for a pair out of order), or at the call when that argument
        // is a default the source does not write.
        var named = runtime is null ? null : m.GetParameters().SingleOrDefault(p => p.Name == runtime.ParamName);
        string expected = named is null || named.Position == position ? bad
            : args[named.Position] == Type.Missing ? recipe[..(recipe.Length - Tail(m).Length)]
            : Argument(m, args, named.Position);
        return new Case(recipe, runtime, expected);
    }

    [Fact]
    public void The_generator_refuses_what_the_runtime_refuses_in_its_words()
    {
        // Every case is a member of one type, compiled once: each member's diagnostics are its own.
        var cases = EdgeNumbers().Select(row => Build((string)row[0], (int)row[1], (int)row[3])).ToArray();
        string source = GeneratorHarness.Members(cases.Select(c => c.Recipe));
        var run = GeneratorHarness.Generate(source);
        var byCase = run.GeneratorDiagnostics.ToLookup(d => d.Location.GetLineSpan().StartLinePosition.Line - GeneratorHarness.FirstMemberLine);
        var failures = new List<string>();
        for (int i = 0; i < cases.Length; i++)
        {
            var (recipe, runtime, expected) = cases[i];
            var diagnostics = byCase[i].ToArray();
            if (runtime is null)
            {
                if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                    failures.Add($"{recipe}: the runtime takes it, the generator says {string.Join("; ", diagnostics.Select(d => d.GetMessage()))}");
                continue;
            }
            if (diagnostics.Length != 1)
            {
                failures.Add($"{recipe}: the runtime says '{runtime.Message}', the generator gives {diagnostics.Length} diagnostics");
                continue;
            }
            var d = diagnostics[0];
            string at = source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
            // LRC011 is the warmup-longer-than-the-run rule under its own id.
            if (d.Id is not ("LRC010" or "LRC011") || d.Severity != DiagnosticSeverity.Error)
                failures.Add($"{recipe}: {d.Id} {d.GetMessage()}");
            else if (!runtime.Message.StartsWith(d.GetMessage(), StringComparison.Ordinal))
                failures.Add($"{recipe}: the generator says '{d.GetMessage()}', the runtime says '{runtime.Message}'");
            else if (at != expected)
                failures.Add($"{recipe}: the runtime names {runtime.ParamName}, the generator points at '{at}'");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} cases:\n" + string.Join("\n", failures));
        // Both sides of the rule are exercised: most edge values are refused, some taken.
        Assert.Contains(cases, c => c.Runtime is null);
        Assert.True(cases.Count(c => c.Runtime is not null) > 200);
    }
}
