using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using LrCompose.Generators;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Generator;

/// <summary>
/// The values the generator checks recipes with (a warmup's target, the largest value a scale reaches) are the runtime's
/// values: for generated recipes, the generator's own evaluation of its model equals the runtime schedule's rate at
/// every probed step, and its bounds equal the runtime's <see cref="Schedule.Min"/> and <see cref="Schedule.Max"/>, bit
/// for bit. A check that saw other numbers than the schedule it guards would accept what the runtime refuses.
/// </summary>
public class CompileTimeValueTests
{
    // The generator's evaluator is private to it (it is a check, not an API); the test reaches it by reflection.
    private static readonly Type NodeValues = typeof(RecipeGenerator).GetNestedType("NodeValues", BindingFlags.NonPublic)!;
    private static readonly MethodInfo At = NodeValues.GetMethod("At")!;
    private static readonly MethodInfo Bounds = NodeValues.GetMethod("Bounds")!;

    private static readonly long[] Steps = [0, 1, 2, 5, 9, 10, 11, 29, 30, 31, 96, 97, 98, 99, 100, 101, 150, 299, 300, 301, 1000, 4321, 100_000];

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    /// <summary>Each member's flattened model, by member name.</summary>
    private static Dictionary<string, object> Models(GeneratorHarness.Run run) =>
        run.Result.Results.Single().TrackedSteps[TrackingNames.Recipes]
            .SelectMany(step => step.Outputs.Select(o => Property(o.Value, "Value")))
            .Where(spec => spec is not null && Property(spec, "Root") is not null)
            .ToDictionary(spec => (string)Property(spec!, "MemberName")!, spec => Property(spec!, "Root")!);

    private static void CompareModels(IReadOnlyList<string> recipes, long[] extraSteps)
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Compile(GeneratorHarness.Members(recipes)), track: true);
        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        var assembly = GeneratorHarness.Load(run.Output);
        for (int i = 0; i < recipes.Count; i++)
        {
            var runtime = ((ICompiledSchedule)Activator.CreateInstance(assembly.GetType($"N.R+S{i}Schedule")!)!).ToSchedule();
            var model = models[$"S{i}"];
            Assert.True(runtime.Length == (long?)Property(model, "Length"), $"{recipes[i]}: runtime length {runtime.Length}, generator {Property(model, "Length")}");
            var (min, max) = ((double, double))Bounds.Invoke(null, [model])!;
            Assert.True(Same(runtime.Min, min) && Same(runtime.Max, max),
                $"{recipes[i]}: runtime bounds [{runtime.Min:R}, {runtime.Max:R}], generator [{min:R}, {max:R}]");
            foreach (long t in Steps.Concat(extraSteps))
            {
                double expected = runtime.Rate(t), actual = (double)At.Invoke(null, [model, (double)t])!;
                Assert.True(Same(expected, actual), $"{recipes[i]} at step {t}: runtime {expected:R}, generator {actual:R}");
            }
        }
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    [Fact]
    public void The_generator_evaluates_and_bounds_recipes_as_the_runtime_does()
    {
        // 5 compilations of 100 recipes, each probed at fixed and random steps.
        var batch = from recipes in Gen.ArrayOf(Gen.Sized(size => DifferentialTests.Composed(Math.Min(size / 25, 3))), 100)
                    from steps in Gen.ArrayOf(Gen.Choose(0, 5000).Select(i => (long)i), 30)
                    select (recipes, steps);
        Prop.ForAll(Arb.From(batch), b => CompareModels(b.recipes.Select(r => r.Code).ToArray(), b.steps)).Check(Law.Configure(5));
    }

    [Fact]
    public void Hand_picked_shapes_are_valued_as_the_runtime_values_them()
    {
        // The shapes and edges the random recipes reach rarely: knots on both sides, a held cycle, decays and bounds of
        // mirrored, min/max and tanh nodes, multi-step past its last milestone.
        CompareModels(
        [
            "Interpolate(Interpolation.Linear, new Knot(5, 0.2), new Knot(50, 0.9), new Knot(120, 0.1))",
            "Interpolate(Interpolation.Cosine, new Knot(0, 0.2), new Knot(10.5, 0.9), new Knot(11, 0.4), new Knot(300, 0.05))",
            "Cosine(100, 0.5, 0.1).Cycle(2, 0.5, 3)",
            "Linear(30, 0.2, 0.6).Cycle(1.5, 0.9, 2)",
            "Tanh(100, 0.9, 0.1)",
            "Tanh(100, 0.1, 0.9)",
            "Max(Linear(100, 0.1, 0.9), Constant(0.3))",
            "Min(Linear(100, 0.1, 0.9), Constant(0.3))",
            "Max(Constant(0.3), Linear(100, 0.9, 0.1))",
            "Min(Constant(0.3), Linear(100, 0.9, 0.1))",
            "Cosine(100, 0.9, 0.1).DecayAt(40, 30, 0.95)",
            "Cosine(100, 0.9, 0.1).DecayAt(40, 30, 0.01, DecayShape.Cosine)",
            "(Linear(50, 0.1, 0.9) >> Cosine(50, 0.5, 0.2)).Mirror(0.85, 0.95)",
            "MultiStep(0.5, 0.5, 10, 20, 20, 40)",
            "PiecewiseConstant([0.5, 0.9, 0.1], [10, 30])",
            "Linear(50, 0.1, 0.9).Shift(20).Shift(10)",
            "Linear(50, 0.1, 0.9).Stretch(2).Stretch(1.5)",
            "Linear(50, 0.1, 0.9).Take(30)",
            "Linear(50, 0.9, 0.1).Clamp(0.2, 0.6)",
            "Constant(0.5).Scale(0.5).Scale(3)",
            "Cosine(40, 0.4).Take(40).PerEpoch(3)",
            "Exponential(0.5, 0.9, every: 7, staircase: true, begin: 5, end: 0.01)",
            "Exponential(0.01, 1.05, end: 0.5)",
            "Triangular(0.1, 0.9, 10, 20, TriangularMode.Triangular2)",
            "Warmup(10, 0.05).Then(Hold(20)).Then(Cosine(70, 0.8, 0.1))",
            "Warmup(10, 0.05, WarmupShape.Exponential).Then(Cosine(70, 0.8, 0.1))",
            "Join([Linear(40, 0.1, 0.9), Constant(0.4), Cosine(50, 0.7)], [20, 60])",
            "(Linear(40, 0.1, 0.9).Take(40)).Retarget(10, 90)",
            "Min(Linear(10, 0.1, 0.9), Linear(30, 0.9, 0.1))",
            "Max(Linear(30, 0.1, 0.9), Linear(10, 0.9, 0.1))",
            "Min(Linear(10, 0.1, 0.9), Constant(0.5))",
            "Join([Linear(40, 0.1, 0.9), Constant(0.4), Cosine(50, 0.7)], [20, 60])",
            "Linear(40, 0.1, 0.9).Stretch(1.5)",
            "Linear(40, 0.1, 0.9).Shift(7)",
            "Constant(0.4).Shift(7)",
        ], []);
    }
}
