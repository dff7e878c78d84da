using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Generator;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Reliability;

/// <summary>The generator fed random recipe expressions, extreme constants included, never crashes (no AD0001, no
/// CS8785, no exception from the driver): it emits a struct or reports diagnostics.</summary>
public class GeneratorFuzzTests
{
    private static readonly string[] Doubles = ["0", "-0.0", "double.Epsilon", "1e-300", "0.1", "1e100", "1e308", "double.NaN", "double.PositiveInfinity", "-1"];
    private static readonly string[] Longs = ["0", "1", "-1", "100", "4611686018427387904", "long.MaxValue"];

    private static Gen<string> Expression(int depth)
    {
        var d = Gen.Elements(Doubles);
        var l = Gen.Elements(Longs);
        var leaf = Gen.OneOf(
            from n in l from p in d from f in d select $"Cosine({n}, peak: {p}, floor: {f})",
            from n in l from a in d from b in d select $"Linear({n}, {a}, {b})",
            from a in d from r in d from n in l select $"Exponential({a}, {r}, every: {n})",
            from a in d from g in d from m in l select $"MultiStep({a}, {g}, {m}, 7)",
            from a in d select $"Constant({a})");
        if (depth == 0) return leaf;
        var inner = Expression(depth - 1);
        return Gen.OneOf(leaf,
            from s in inner from k in d select $"({s}).Scale({k})",
            from s in inner from n in l select $"({s}).Shift({n})",
            from s in inner from k in d select $"({s}).Stretch({k})",
            from s in inner from n in l select $"({s}).Take({n})",
            from s in inner from m in d from k in d select $"({s}).Cycle({m}, {k}, 3)",
            from a in inner from b in inner select $"({a}) >> ({b})",
            from w in l from s in inner select $"Warmup({w}, shape: WarmupShape.Exponential).Then({s})",
            from a in inner from b in inner from n in l select $"Join([{a}, {b}], [{n}])",
            from s in inner from k in l from n in l from t in d select $"({s}).DecayAt({k}, {n}, {t})",
            from s in inner from k in l from n in l select $"({s}).Retarget({k}, {n})",
            from a in inner from b in inner select $"Min({a}, {b})");
    }

    [Fact]
    public void The_generator_never_crashes()
    {
        var batches = Gen.ArrayOf(Expression(3), 25);
        Prop.ForAll(Arb.From(batches), recipes =>
        {
            string source = GeneratorHarness.Usings + "public static partial class F\n{\n"
                + string.Join("\n", recipes.Select((r, i) => $"    [CompiledSchedule] public static Schedule M{i} => {r};")) + "\n}\n";
            var run = GeneratorHarness.Generate(source);
            Assert.Null(run.Result.Results.Single().Exception);
            Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()), d => d.Id is "AD0001" or "CS8785");
        }).Check(Law.Configure(40));
    }
}
