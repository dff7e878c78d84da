using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Generator;

/// <summary>
/// The differential property: a recipe compiled by the generator evaluates exactly like the runtime schedule it was
/// compiled from — bit for bit — for every preset and for FsCheck-generated recipes compiled in-test.
/// </summary>
public class DifferentialTests
{
    /// <summary>A C# recipe expression and whether it is a finite phase (so it may be followed or cycled).</summary>
    internal sealed record Recipe(string Code, bool Finite);

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture) + (v == Math.Floor(v) && !v.ToString("R", CultureInfo.InvariantCulture).Contains('E') ? ".0" : "");

    private static readonly Gen<double> Rate = Gen.Choose(0, 10_000).Select(i => i / 1000.0);
    private static readonly Gen<double> Positive = Gen.Choose(1, 10_000).Select(i => i / 1000.0);
    private static readonly Gen<double> Gamma = Gen.Choose(1, 1000).Select(i => i / 1000.0);
    private static readonly Gen<int> Length = Gen.Choose(1, 300);

    private static readonly Gen<Recipe> FiniteShape = Gen.OneOf(
        from n in Length from a in Rate from b in Rate select new Recipe($"Linear({n}, {D(a)}, {D(b)})", true),
        from n in Length from a in Rate from b in Rate from e in Gen.Elements(1.0, 2.0, 0.5) from k in Gen.Elements(1.0, 2.0)
            select new Recipe($"Cosine({n}, peak: {D(a)}, floor: {D(b)}, exponent: {D(e)}, kDecay: {D(k)})", true),
        from n in Length from a in Rate from b in Rate from p in Gen.Elements(0.5, 1.0, 3.0) select new Recipe($"Polynomial({n}, {D(a)}, {D(b)}, power: {D(p)})", true),
        from n in Length from a in Rate from b in Rate select new Recipe($"Tanh({n}, {D(a)}, {D(b)})", true),
        from a in Rate from b in Rate from c in Rate from k in Gen.Elements("Linear", "Cosine") from x in Gen.Choose(1, 200)
            select new Recipe($"Interpolate(Interpolation.{k}, new Knot(0, {D(a)}), new Knot({D(x + 0.5)}, {D(b)}), new Knot({x + 150}, {D(c)}))", true),
        from n in Length from a in Rate from b in Rate select new Recipe($"OneMinusSqrt({n}, {D(a)}, {D(b)})", true),
        from w in Length from total in Gen.Choose(1, 400) from a in Rate from c in Gen.Elements("FromZero", "FromOne")
            select new Recipe($"LrCompose.Recipes.WarmupCosine({D(a)}, {w}, {w + total}, count: WarmupCount.{c})", true),
        from w in Length from s in Gen.Choose(0, 100) from d in Length from a in Rate from f in Rate from shape in Gen.Elements(Enum.GetValues<DecayShape>())
            select new Recipe($"LrCompose.Recipes.WarmupStableDecay({D(a)}, {w}, {s}, {d}, {D(f)}, DecayShape.{shape})", true));

    private static readonly Gen<Recipe> UnboundedShape = Gen.OneOf(
        Rate.Select(a => new Recipe($"Constant({D(a)})", false)),
        from a in Rate from g in Gamma from n in Length from s in Gen.Elements("true", "false") from b in Gen.Choose(0, 40) from end in Gen.Elements("null", "0.001")
            select new Recipe($"Exponential({D(a)}, {D(g)}, every: {n}, staircase: {s}, begin: {b}, end: {end})", false),
        from a in Rate from g in Gamma from n in Length select new Recipe($"StepDecay({D(a)}, {D(g)}, {n})", false),
        from a in Rate from g in Gamma from m in Gen.Choose(0, 200) select new Recipe($"MultiStep({D(a)}, {D(g)}, {m}, {m + 7}, {m + 7}, {m + 90})", false),
        from a in Rate from g in Gamma from ms in Gen.ArrayOf(Gen.Choose(0, 3000), 40)
            select new Recipe($"MultiStep({D(a)}, {D(Math.Max(g, 0.9))}, {string.Join(", ", ms.OrderBy(m => m))})", false),
        from a in Rate from n in Length select new Recipe($"InverseSqrt({D(a)}, {n})", false),
        from a in Rate from k in Gen.Choose(1, 400) from e in Gen.Elements(0.3, 0.5, 0.51, 1.0, 2.5) from s in Gen.Choose(0, 300)
            select new Recipe($"PowerLaw({D(a)}, {D(k + 0.5)}, {D(e)}, {s})", false),
        from a in Rate from b in Rate from c in Rate from m in Gen.Choose(1, 100)
            select new Recipe($"PiecewiseConstant([{D(a)}, {D(b)}, {D(c)}], [{m}, {m + 37}])", false),
        from a in Rate from b in Rate from u in Length from d in Length from m in Gen.Elements("Triangular", "Triangular2", "ExpRange")
            select new Recipe($"Triangular({D(Math.Min(a, b))}, {D(Math.Max(a, b))}, {u}, {d}, TriangularMode.{m}, {(m == "ExpRange" ? "0.997" : "1")})", false),
        from d in Gen.Choose(1, 1024) from w in Length select new Recipe($"LrCompose.Recipes.Noam({d}, {w})", false));

    internal static Gen<Recipe> Composed(int depth)
    {
        var shape = Gen.OneOf(FiniteShape, UnboundedShape);
        if (depth == 0) return shape;
        var inner = Composed(depth - 1);
        var finite = inner.Select(r => r.Finite ? r : new Recipe($"({r.Code}).Take(97)", true));
        return Gen.OneOf(
            shape,
            from a in finite from b in inner select new Recipe($"({a.Code}).Then({b.Code})", b.Finite),
            from a in finite from b in inner select new Recipe($"({a.Code}) >> ({b.Code})", b.Finite),
            from s in inner from k in Gen.Elements(0.0, 0.5, 1.0, 2.0, 3.0) select new Recipe($"({s.Code}).Scale({D(k)})", s.Finite),
            from s in inner from k in Gen.Elements(0.5, 2.0) select new Recipe($"{D(k)} * ({s.Code})", s.Finite),
            from s in inner from d in Gen.Choose(0, 60) select new Recipe($"({s.Code}).Shift({d})", s.Finite),
            from s in inner from k in Gen.Elements(1.0, 1.5, 2.0, 3.0) select new Recipe($"({s.Code}).Stretch({D(k)})", s.Finite),
            from s in inner from lo in Rate from hi in Rate select new Recipe($"({s.Code}).Clamp({D(Math.Min(lo, hi))}, {D(Math.Max(lo, hi))})", s.Finite),
            from s in inner from n in Length select new Recipe($"({s.Code}).Take({n})", true),
            from s in finite from m in Gen.Elements(1.0, 1.5, 2.0) from d in Gen.Elements(1.0, 0.5) from l in Gen.Elements("null", "3")
                select new Recipe($"({s.Code}).Cycle({D(m)}, {D(d)}, {l})", l != "null"),
            from s in inner from e in Gen.Choose(1, 20) select new Recipe($"({s.Code}).PerEpoch({e})", s.Finite),
            from s in inner from n in Gen.Choose(1, 40) from sample in Gen.Elements(Enum.GetValues<StairSample>()) from span in Gen.Elements("null", "7", "30")
                // An unending schedule needs a span to cut into stairs.
                select new Recipe($"({s.Code}).Staircase({n}, StairSample.{sample}, {(s.Finite ? span : "30")})", s.Finite),
            from a in inner from b in inner from m in Gen.Elements("Min", "Max") select new Recipe($"{m}({a.Code}, {b.Code})", a.Finite && b.Finite),
            from s in inner select new Recipe($"({s.Code}).Mirror(0.85, 0.95)", s.Finite),
            from s in inner from k in Gen.Choose(0, 300) from n in Length from to in Rate from decayShape in Gen.Elements(Enum.GetValues<DecayShape>())
                // A decay starts before a finite schedule ends (the rule it shares with Retarget).
                select new Recipe(s.Finite ? $"(({s.Code}).Take(97)).DecayAt({k % 97}, {n}, {D(to)}, DecayShape.{decayShape})"
                    : $"({s.Code}).DecayAt({k}, {n}, {D(to)}, DecayShape.{decayShape})", true),
            from s in finite from k in Gen.Choose(0, 96) from extra in Gen.Choose(1, 400)
                select new Recipe($"(({s.Code}).Take(97)).Retarget({k}, {k + extra})", true),
            from a in inner from b in inner from c in inner from first in Gen.Choose(0, 150) from gap in Gen.Choose(1, 150)
                select new Recipe($"Join([{a.Code}, {b.Code}, {c.Code}], [{first}, {first + gap}])", c.Finite),
            from max in Positive from total in Gen.Choose(20, 400) from pct in Gen.Elements(0.25, 0.3, 0.4) from anneal in Gen.Elements("Cosine", "Linear")
                from three in Gen.Elements("true", "false") from part in Gen.Elements("LearningRate", "Momentum")
                select new Recipe($"LrCompose.Recipes.OneCycle({D(max)}, {total}, {D(pct)}, anneal: Anneal.{anneal}, threePhase: {three}).{part}", true),
            from w in Length from from_ in Rate from sh in Gen.Elements(ScheduleGen.RampsFromZero) from c in Gen.Elements("FromZero", "FromOne") from s in inner
                select new Recipe($"Warmup({w}, {D(from_)}, WarmupShape.{sh}, WarmupCount.{c}).Then({s.Code})", s.Finite),
            from w in Length from h in Length from s in inner select new Recipe($"Warmup({w}).Then(Hold({h})).Then({s.Code})", s.Finite),
            from p in Positive from n in Length from m in Gen.Elements(1.0, 2.0) select new Recipe($"LrCompose.Recipes.Sgdr({D(p)}, {n}, multiplier: {D(m)}, decay: 0.5)", false));
    }

    private static readonly long[] FixedSteps = [0, 1, 2, 5, 9, 10, 11, 29, 30, 31, 96, 97, 98, 99, 100, 101, 299, 300, 301, 1000, 4321, 100_000, 1L << 40, long.MaxValue];

    /// <summary>Compiles the recipes as [CompiledSchedule] members of one type and checks each struct against its member.</summary>
    private static void CompileAndCompare(IReadOnlyList<string> recipes, long[] steps)
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Members(recipes));
        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run.Output);
        for (int i = 0; i < recipes.Count; i++)
        {
            Assert.DoesNotContain("Runtime.Rate", run.Source($".S{i}.g.cs"));
            var compiled = (ICompiledSchedule)Activator.CreateInstance(assembly.GetType($"N.R+S{i}Schedule")!)!;
            var runtime = compiled.ToSchedule();
            foreach (long t in FixedSteps.Concat(steps))
            {
                double expected = runtime.Rate(t), actual = compiled.Rate(t);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                    $"{recipes[i]} at step {t}: runtime {expected:R}, generated {actual:R}");
            }
        }
    }

    [Fact]
    public void Generated_structs_equal_the_runtime_for_generated_recipes() => RunBatches(Law.Configure(10));

    internal static void RunBatches(Config config)
    {
        // 10 compilations of 100 recipes: 1,000 generated recipes, each probed at fixed and random steps.
        var batch = from recipes in Gen.ArrayOf(Gen.Sized(size => Composed(Math.Min(size / 25, 3))), 100)
                    from steps in Gen.ArrayOf(Gen.Choose(0, 5000).Select(i => (long)i), 30)
                    select (recipes, steps);
        Prop.ForAll(Arb.From(batch), b => CompileAndCompare(b.recipes.Select(r => r.Code).ToArray(), b.steps))
            .Check(config);
    }

    /// <summary>
    /// Every word, drawn from its parameter list alone (<see cref="WordCalls"/>): the struct the generator compiles
    /// from the C# call equals, bit for bit, both the runtime schedule of that call and the text recipe with the same
    /// values. A new word is in here without a line.
    /// </summary>
    [Fact]
    public void Every_word_drawn_from_its_parameter_list_compiles_to_its_runtime_and_text_schedule()
    {
        int seed = Random.Shared.Next();
        var calls = WordCalls.Valid(seed, perWord: 4, tries: 60);
        var words = LrCompose.Core.Vocabulary.All.Where(e => e.Kind != LrCompose.Core.ScheduleKind.Map).Select(e => e.Text);
        Assert.True(words.All(w => calls.Any(c => c.Word == w)),
            $"seed {seed}: no accepted draw of {string.Join(", ", words.Where(w => calls.All(c => c.Word != w)))}");
        var steps = FixedSteps.Concat(Enumerable.Range(0, 400).Select(i => (long)i)).ToArray();
        foreach (var chunk in calls.Chunk(100))
        {
            var run = GeneratorHarness.Generate(GeneratorHarness.Members(chunk.Select(c => c.CSharp)));
            Assert.True(run.GeneratorDiagnostics.IsEmpty, $"seed {seed}: {string.Join("; ", run.GeneratorDiagnostics)}");
            var assembly = GeneratorHarness.Load(run.Output);
            for (int i = 0; i < chunk.Length; i++)
            {
                Assert.DoesNotContain("Runtime.Rate", run.Source($".S{i}.g.cs"));
                var compiled = (ICompiledSchedule)Activator.CreateInstance(assembly.GetType($"N.R+S{i}Schedule")!)!;
                var runtime = compiled.ToSchedule();
                var text = Schedule.Parse(chunk[i].Text);
                foreach (long t in steps)
                {
                    long bits = BitConverter.DoubleToInt64Bits(compiled.Rate(t));
                    Assert.True(bits == BitConverter.DoubleToInt64Bits(runtime.Rate(t)), $"seed {seed}: {chunk[i].CSharp} at {t}: generated {compiled.Rate(t):R}, runtime {runtime.Rate(t):R}");
                    Assert.True(bits == BitConverter.DoubleToInt64Bits(text.Rate(t)), $"seed {seed}: {chunk[i].Text} at {t}: text {text.Rate(t):R}, C# {compiled.Rate(t):R}");
                }
            }
        }
    }

    [Fact]
    public void Generated_structs_equal_the_runtime_for_rare_shapes()
    {
        // What random recipes reach rarely: a mirror needs the bounds of the phase it is in, so each kind's emitted
        // bounds are exercised under a mirror; a single knot; a held cycle; both sides of min and max.
        CompileAndCompare(
        [
            "Interpolate(Interpolation.Linear, new Knot(3, 0.3))",
            "Interpolate(Interpolation.Linear, new Knot(3, 0.3), new Knot(40, 0.9)).Mirror(0.85, 0.95)",
            "Cosine(40, 0.9, 0.1).Cycle(2, 0.5, 3).Mirror(0.85, 0.95)",
            "Cosine(40, 0.9, 0.1).Cycle(1.5, 0.5).Mirror(0.85, 0.95)",
            "Cosine(40, 0.9, 0.1).DecayAt(10, 20, 0.05).Mirror(0.85, 0.95)",
            "Cosine(40, 0.9, 0.1).DecayAt(10, 20, 0.95).Mirror(0.85, 0.95)",
            "Linear(40, 0.1, 0.9).Clamp(0.2, 0.5).Mirror(0.85, 0.95)",
            "Max(Linear(40, 0.1, 0.9), Constant(0.3)).Mirror(0.85, 0.95)",
            "Min(Linear(40, 0.1, 0.9), Constant(0.3)).Mirror(0.85, 0.95)",
            "Linear(40, 0.1, 0.9).Scale(0.5).Mirror(0.85, 0.95)",
            "(Warmup(10, 0.05).Then(Hold(10)).Then(Linear(40, 0.9, 0.1))).Mirror(0.85, 0.95)",
            "(Linear(20, 0.1, 0.9) >> Linear(20, 0.2, 0.4) >> Constant(0.3).Take(10)).Mirror(0.85, 0.95)",
            "Join([Linear(40, 0.1, 0.9), Constant(0.4), Cosine(50, 0.7)], [20, 60]).Mirror(0.85, 0.95)",
            "Tanh(100, 0.9, 0.1).Mirror(0.85, 0.95)",
            "Exponential(0.5, 0.9, end: 0.01).Take(60).Mirror(0.85, 0.95)",
            "MultiStep(0.5, 0.5, 10, 20).Take(60).Mirror(0.85, 0.95)",
            "PiecewiseConstant([0.5, 0.9, 0.1], [10, 30]).Take(60).Mirror(0.85, 0.95)",
            "Triangular(0.1, 0.9, 10, 20).Take(60).Mirror(0.85, 0.95)",
            "InverseSqrt(0.5, 10).Take(60).Mirror(0.85, 0.95)",
            "Polynomial(60, 0.9, 0.1, power: 2).Mirror(0.85, 0.95)",
            "OneMinusSqrt(60, 0.9, 0.1).Mirror(0.85, 0.95)",
            "StepDecay(0.9, 0.5, 10).Take(60).Mirror(0.85, 0.95)",
            // Lengths: what follows a min, a max or a join starts where the runtime says they end.
            "Min(Linear(10, 0.1, 0.9), Linear(30, 0.9, 0.1)).Then(Constant(0.2))",
            "Max(Linear(30, 0.1, 0.9), Linear(10, 0.9, 0.1)).Then(Constant(0.2))",
            "Join([Linear(40, 0.1, 0.9), Constant(0.4), Cosine(50, 0.7)], [20, 60]).Then(Constant(0.2))",
            "Linear(40, 0.1, 0.9).Stretch(1.5).Then(Constant(0.2))",
            "Linear(40, 0.1, 0.9).Shift(7).Shift(5).Then(Constant(0.2))",
            "Sequence(Linear(10, 0.1, 0.9))",
            "Sequence(Linear(10, 0.1, 0.9), Cosine(20, 0.5), Constant(0.2))",
            "Linear(40, 0.1, 0.9) * 0.5",
        ], Enumerable.Range(0, 400).Select(i => (long)i).ToArray());
    }

    [Fact]
    public void Generated_structs_equal_the_runtime_for_every_preset()
    {
        // The presets written as recipes, exactly as the library builds them.
        string[] presets =
        [
            "Warmup(10_000).Then(Linear(990_000, 1e-4, 0))",
            "Warmup(2_000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5))",
            "Warmup(375).Then(Cosine(299_625, peak: 6e-5, floor: 6e-6))",
            "Warmup(2_000).Then(Cosine(998_000, peak: 3e-4, floor: 3e-5))",
            "MultiStep(0.1, 0.1, 30, 60).Take(90).PerEpoch(5005)",
            "LrCompose.Recipes.Noam(512, 4000)",
        ];
        var steps = Enumerable.Range(0, 200).Select(i => (long)i * 5_003).ToArray();
        CompileAndCompare(presets, steps);
        // And the members agree with the library's presets, so the structs are the presets compiled.
        var runtime = new[] { Presets.BertBase, Presets.Gpt2, Presets.Gpt3_175B, Presets.Llama2_7B, Presets.ResNet50ImageNet, Presets.TransformerBase };
        Assert.Equal(Presets.All.Count, runtime.Length);
        Assert.Equal(runtime.Select(p => p.ToString()), presets.Select((_, i) => Presets.All[i].Schedule.ToString()));
    }
}
