namespace LrCompose.Tests.Generator;

/// <summary>
/// A recipe may live in any partial type C# allows static members in: the generated struct is added to the same
/// type (same kind, same type parameters, same static-ness, same nesting and namespace), so the program still compiles
/// and the struct is the recipe.
/// </summary>
public class ContainingTypeTests
{
    private const string Member = "[CompiledSchedule] public static Schedule A => Warmup(10).Then(Cosine(90, 0.1));";

    [Theory]
    [InlineData("namespace N;", "public static partial class T { " + Member + " }", "N.T+ASchedule", "static partial class T")]
    [InlineData("namespace N;", "public partial class T { public int X => 1; " + Member + " }", "N.T+ASchedule", "partial class T")]
    [InlineData("namespace N;", "public partial struct T { public int X => 1; " + Member + " }", "N.T+ASchedule", "partial struct T")]
    [InlineData("namespace N;", "public partial record T(int X) { " + Member + " }", "N.T+ASchedule", "partial record T")]
    [InlineData("namespace N;", "public partial record struct T(int X) { " + Member + " }", "N.T+ASchedule", "partial record struct T")]
    [InlineData("namespace N;", "public partial interface T { " + Member + " }", "N.T+ASchedule", "partial interface T")]
    [InlineData("namespace N;", "public partial class T<TKey, TValue> { public TKey? X; " + Member + " }", "N.T`2+ASchedule", "partial class T<TKey, TValue>")]
    [InlineData("namespace N;", "public static partial class O { public partial class I { public int X => 1; " + Member + " } }", "N.O+I+ASchedule", "partial class I")]
    [InlineData("", "public static partial class T { " + Member + " }", "T+ASchedule", "static partial class T")]
    public void The_struct_is_added_to_the_recipes_own_type(string ns, string declaration, string structType, string declared)
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Usings + ns + "\n" + declaration + "\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        string generated = run.Source(".A.g.cs");
        Assert.Contains(declared + "\n", generated);
        Assert.Equal(ns.Length > 0, generated.Contains("namespace N"));
        var type = GeneratorHarness.Load(run.Output).GetType(structType);
        Assert.NotNull(type);
        var compiled = (ICompiledSchedule)Activator.CreateInstance(type.IsGenericTypeDefinition ? type.MakeGenericType(typeof(int), typeof(int)) : type)!;
        var runtime = Schedules.Warmup(10).Then(Schedules.Cosine(90, 0.1));
        for (long t = 0; t < 120; t += 7) Assert.Equal(runtime.Rate(t), compiled.Rate(t));
    }

    [Fact]
    public void A_field_recipe_and_a_get_accessor_recipe_both_compile()
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Usings + """
            namespace N;
            public static partial class T
            {
                [CompiledSchedule] internal static readonly Schedule F = Linear(10, 1, 0);
                [CompiledSchedule] public static Schedule G { get => Linear(10, 1, 0); }
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        Assert.Contains("internal readonly struct FSchedule", run.Source(".F.g.cs"));
        Assert.Contains("public readonly struct GSchedule", run.Source(".G.g.cs"));
    }
}
