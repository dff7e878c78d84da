using Microsoft.CodeAnalysis;

namespace LrCompose.Tests.Generator;

/// <summary>One test per diagnostic: its id, and that it points at the offending syntax.</summary>
public class GeneratorDiagnosticTests
{
    private static string _source = "";

    private static Diagnostic Single(string members, string type = "public static partial class R")
    {
        _source = GeneratorHarness.Usings + type + "\n{\n" + members + "\n}\n";
        var run = GeneratorHarness.Generate(_source);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("Recipe0.cs", d.Location.GetLineSpan().Path);
        return d;
    }

    /// <summary>The source text the diagnostic points at.</summary>
    private static string At(Diagnostic d) => _source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);

    [Fact]
    public void LRC001_non_constant_argument_falls_back_and_points_at_the_argument()
    {
        var d = Single("static double peak = 0.1;\n[CompiledSchedule] public static Schedule A => Cosine(100, peak);");
        Assert.Equal("LRC001", d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("peak", At(d));
        Assert.Equal("'peak' is not a compile-time constant, so 'A' is compiled as a struct that wraps the runtime schedule instead of a flattened formula", d.GetMessage());
    }

    [Fact]
    public void LRC002_unknown_call_points_at_the_call()
    {
        var d = Single("static Schedule Mine() => Constant(1);\n[CompiledSchedule] public static Schedule A => Mine().Take(5);");
        Assert.Equal("LRC002", d.Id);
        Assert.Equal("Mine()", At(d));
        Assert.Equal("'R.Mine' is not part of the LrCompose recipe vocabulary, so 'A' is compiled as a struct that wraps the runtime schedule", d.GetMessage());
    }

    [Fact]
    public void LRC003_known_but_not_flattenable_points_at_the_call()
    {
        var d = Single("[CompiledSchedule] public static Schedule A => Cosine(100, 0.1).Map(x => x / 2, \"half\");");
        Assert.Equal("LRC003", d.Id);
        Assert.Equal("Cosine(100, 0.1).Map(x => x / 2, \"half\")", At(d));
        Assert.Equal("'Schedule.Map' cannot be flattened into constants yet, so 'A' is compiled as a struct that wraps the runtime schedule", d.GetMessage());
    }

    [Fact]
    public void LRC004_member_not_static()
    {
        var d = Single("[CompiledSchedule] public Schedule A => Constant(1);", "public partial class R");
        Assert.Equal("LRC004", d.Id);
        Assert.Equal("A", At(d));
        Assert.Equal("'A' must be static to be a compiled schedule", d.GetMessage());
    }

    [Fact]
    public void LRC005_type_not_partial()
    {
        var d = Single("[CompiledSchedule] public static Schedule A => Constant(1);", "public static class R");
        Assert.Equal("LRC005", d.Id);
        Assert.Equal("R", At(d));
        Assert.Equal("'R' must be declared partial so the generator can add the compiled schedule struct to it", d.GetMessage());
    }

    [Fact]
    public void LRC006_member_without_a_recipe()
    {
        var d = Single("[CompiledSchedule] public static Schedule A { get { return Constant(1); } }");
        Assert.Equal("LRC006", d.Id);
        Assert.Equal("A", At(d));
        Assert.Equal("'A' must be a Schedule property with an expression body (=> …) or a Schedule field with an initializer", d.GetMessage());
    }

    [Theory]
    [InlineData("Cosine(0, 0.1)", "0", "steps was 0: it must be at least 1 step.")]
    [InlineData("Cosine(100, -0.5)", "-0.5", "peak was -0.5: it must be a finite number between 0 and 1e100.")]
    [InlineData("StepDecay(0.1, 0, 10)", "0", "gamma was 0: it must be greater than 0 and at most 1 (a decay that grows would leave every bound).")]
    [InlineData("MultiStep(0.1, 0.1, 60, 30)", "60", "milestones was [60, 30]: it must be sorted in ascending order.")]
    [InlineData("Exponential(0.1, 1.5)", "1.5", "rate was 1.5: it must come with an end value to clamp at when it is above 1, or the rate would become infinite.")]
    [InlineData("Warmup(0).Then(Constant(1))", "0", "steps was 0: it must be at least 1 step.")]
    [InlineData("Constant(1).Take(10).Stretch(0)", "0", "factor was 0: it must be a finite number greater than 0.")]
    public void LRC010_invalid_parameter_has_the_runtime_message_at_the_argument(string recipe, string at, string message)
    {
        var d = Single($"[CompiledSchedule] public static Schedule A => {recipe};");
        Assert.Equal("LRC010", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(at, At(d));
        Assert.Equal(message, d.GetMessage());
        // The runtime says the same words.
        var runtime = Assert.ThrowsAny<ArgumentException>(() => Build(recipe));
        Assert.StartsWith(message, runtime.Message);
    }

    private static Schedule Build(string recipe) => recipe switch
    {
        "Cosine(0, 0.1)" => Schedules.Cosine(0, 0.1),
        "Cosine(100, -0.5)" => Schedules.Cosine(100, -0.5),
        "StepDecay(0.1, 0, 10)" => Schedules.StepDecay(0.1, 0, 10),
        "MultiStep(0.1, 0.1, 60, 30)" => Schedules.MultiStep(0.1, 0.1, 60, 30),
        "Exponential(0.1, 1.5)" => Schedules.Exponential(0.1, 1.5),
        "Warmup(0).Then(Constant(1))" => Schedules.Warmup(0).Then(Schedules.Constant(1)),
        _ => Schedules.Constant(1).Take(10).Stretch(0),
    };

    /// <summary>
    /// Recipes the compiled form once got silently wrong: each is now the runtime's named rule, reported at the argument
    /// it is about, with the runtime's words.
    /// </summary>
    [Theory]
    [InlineData("Constant(1e99).Scale(100)", "100", "factor was 100: it makes the largest value 1E+101, which must be a finite number between 0 and 1e100.")]
    [InlineData("Cosine(4611686018427387904, peak: 0.1).Then(Cosine(4611686018427387904, peak: 0.1)).Then(Constant(0.01))", "Cosine(4611686018427387904, peak: 0.1)",
        "next was a phase of 4611686018427387904 steps after 4611686018427387904 steps: it must keep the schedule within long.MaxValue (9223372036854775807) steps.")]
    [InlineData("Warmup(10, from: 0.01, shape: WarmupShape.Exponential).Then(Linear(100, 0, 1))", "Linear(100, 0, 1)",
        "target was 0: it is the value the exponential warmup ramps into, and must be greater than 0 for an exponential ramp (a geometric ramp cannot start or end at 0).")]
    [InlineData("Warmup(10, from: 0.01, shape: WarmupShape.Exponential) >> Linear(100, 0, 1)", "Linear(100, 0, 1)",
        "target was 0: it is the value the exponential warmup ramps into, and must be greater than 0 for an exponential ramp (a geometric ramp cannot start or end at 0).")]
    [InlineData("Linear(1L << 40, 1, 0).PerEpoch(1L << 30)", "1L << 30",
        "stepsPerEpoch was 1073741824: it must keep the schedule within long.MaxValue (9223372036854775807) steps.")]
    [InlineData("PowerLaw(0.02, 100, 0.5, start: -1)", "start: -1", "start was -1: it must be 0 or more steps.")]
    [InlineData("Linear(100, 1, 0).Staircase(0)", "0", "stairs was 0: it must be at least 1.")]
    [InlineData("Constant(1).Staircase(3, span: -5)", "span: -5", "span was -5: it must be at least 1 step.")]
    [InlineData("Join([Constant(1), Constant(2)], [5, 6])", "[5, 6]",
        "boundaries was [5, 6]: it must have exactly one fewer boundary than there are schedules (2).")]
    public void Drift_recipes_are_compile_time_errors_with_the_runtime_words(string recipe, string at, string message)
    {
        var d = Single($"[CompiledSchedule] public static Schedule A => {recipe};");
        Assert.Equal("LRC010", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(at, At(d));
        Assert.Equal(message, d.GetMessage());
        var runtime = Assert.ThrowsAny<ArgumentException>(() => BuildDrift(recipe));
        Assert.StartsWith(message, runtime.Message);
    }

    private static Schedule BuildDrift(string recipe) => recipe switch
    {
        "Constant(1e99).Scale(100)" => Schedules.Constant(1e99).Scale(100),
        "Linear(1L << 40, 1, 0).PerEpoch(1L << 30)" => Schedules.Linear(1L << 40, 1, 0).PerEpoch(1L << 30),
        "PowerLaw(0.02, 100, 0.5, start: -1)" => Schedules.PowerLaw(0.02, 100, 0.5, start: -1),
        "Linear(100, 1, 0).Staircase(0)" => Schedules.Linear(100, 1, 0).Staircase(0),
        "Constant(1).Staircase(3, span: -5)" => Schedules.Constant(1).Staircase(3, span: -5),
        "Join([Constant(1), Constant(2)], [5, 6])" => Schedules.Join([Schedules.Constant(1), Schedules.Constant(2)], [5, 6]),
        _ when recipe.StartsWith("Cosine") => Schedules.Cosine(1L << 62, peak: 0.1).Then(Schedules.Cosine(1L << 62, peak: 0.1)).Then(Schedules.Constant(0.01)),
        _ => Schedules.Warmup(10, from: 0.01, shape: WarmupShape.Exponential) >> Schedules.Linear(100, 0, 1),
    };

    [Fact]
    public void LRC011_warmup_longer_than_the_run()
    {
        var d = Single("[CompiledSchedule] public static Schedule A => LrCompose.Recipes.WarmupCosine(1e-3, warmupSteps: 5000, totalSteps: 1000);");
        Assert.Equal("LRC011", d.Id);
        Assert.Equal("warmupSteps: 5000", At(d));
        Assert.Contains("must be shorter than the whole run", d.GetMessage());
    }

    [Fact]
    public void LRC012_a_phase_that_never_ends_cannot_be_followed()
    {
        var d = Single("[CompiledSchedule] public static Schedule A => Constant(1).Then(Constant(2));");
        Assert.Equal("LRC012", d.Id);
        Assert.Equal("Constant(1).Then(Constant(2))", At(d));
        Assert.Equal("'constant' goes on for ever, so nothing can follow it; make it finite with .Take(steps)", d.GetMessage());
    }

    [Fact]
    public void A_fallback_still_compiles_to_a_working_struct()
    {
        string source = GeneratorHarness.Usings + "namespace F; public static partial class R { static double p = 0.1; [CompiledSchedule] public static Schedule A => Cosine(100, p); }";
        var run = GeneratorHarness.Generate(source);
        var assembly = GeneratorHarness.Load(run.Output);
        var compiled = (ICompiledSchedule)Activator.CreateInstance(assembly.GetType("F.R+ASchedule")!)!;
        Assert.Equal(Schedules.Cosine(100, 0.1).Rate(37), compiled.Rate(37));
    }
}

/// <summary>Calls the generator cannot flatten are still checked against the runtime's rules.</summary>
public class GeneratorFallbackValidationTests
{
    [Theory]
    [InlineData("Triangular(0.1, 0.05, 10)", "0.1", "low was 0.1: it must not be greater than the upper bound.")]
    [InlineData("Cosine(0, 1).Mirror(0.85, 0.95)", "0", "steps was 0: it must be at least 1 step.")]
    [InlineData("Cosine(10, 1).Mirror(0.95, 0.85)", "0.95", "low was 0.95: it must not be greater than the upper bound.")]
    [InlineData("Sum(Cosine(10, 1), Linear(-1, 0, 1))", "-1", "steps was -1: it must be at least 1 step.")]
    public void Invalid_arguments_are_errors_wherever_they_are(string recipe, string at, string message)
    {
        string source = GeneratorHarness.Usings + "public static partial class R\n{\n[CompiledSchedule] public static Schedule A => " + recipe + ";\n}\n";
        var run = GeneratorHarness.Generate(source);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("LRC010", d.Id);
        Assert.Equal(at, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Equal(message, d.GetMessage());
    }

    [Fact]
    public void Warmup_stable_decay_is_flattened()
    {
        string source = GeneratorHarness.Usings + "namespace W; public static partial class R { [CompiledSchedule] public static Schedule A => LrCompose.Recipes.WarmupStableDecay(1e-3, 10, 60, 30, 5e-5, DecayShape.OneMinusSqrt); }";
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        var compiled = (ICompiledSchedule)Activator.CreateInstance(GeneratorHarness.Load(run.Output).GetType("W.R+ASchedule")!)!;
        for (long t = 0; t < 120; t++) Assert.Equal(compiled.ToSchedule().Rate(t), compiled.Rate(t));
    }
}
