using static LrCompose.Schedules;

namespace LrCompose.Tests.Text;

/// <summary>
/// Every word of the text vocabulary with every parameter given a value other than its default reads as the C# call
/// with those values: bit-identical rates, the same length and bounds. A key the binder read under another name (or
/// not at all) would leave a default in place, or refuse the recipe.
/// </summary>
public class EveryParameterTests
{
    public static TheoryData<string, Func<Schedule>> Words => new()
    {
        { "constant 0.25", () => Constant(0.25) },
        { "linear 40 from=0.2 to=0.7", () => Linear(40, 0.2, 0.7) },
        { "cosine 40 peak=0.6 floor=0.1 exponent=2 k-decay=0.5", () => Cosine(40, 0.6, 0.1, exponent: 2, kDecay: 0.5) },
        { "polynomial 40 from=0.6 to=0.1 power=3 k-decay=2", () => Polynomial(40, 0.6, 0.1, power: 3, kDecay: 2) },
        { "exponential from=0.5 rate=0.9 every=7 staircase=true begin=5 end=0.05", () => Exponential(0.5, 0.9, every: 7, staircase: true, begin: 5, end: 0.05) },
        { "step-decay from=0.5 gamma=0.8 every=9", () => StepDecay(0.5, 0.8, 9) },
        { "multi-step from=0.5 gamma=0.7 milestones=[10, 20, 20]", () => MultiStep(0.5, 0.7, 10, 20, 20) },
        { "piecewise-constant values=[0.5, 0.2, 0.1] boundaries=[10, 30]", () => PiecewiseConstant([0.5, 0.2, 0.1], [10, 30]) },
        { "interpolate kind=cosine knots=[0:0.1, 10.5:0.8, 40:0.2]", () => Interpolate(Interpolation.Cosine, new Knot(0, 0.1), new Knot(10.5, 0.8), new Knot(40, 0.2)) },
        { "inverse-sqrt peak=0.4 timescale=12", () => InverseSqrt(0.4, 12) },
        { "inverse-time from=0.5 rate=0.3 every=4 staircase=true", () => InverseTime(0.5, 0.3, every: 4, staircase: true) },
        { "tanh 40 from=0.6 to=0.1 lb=-5 ub=2", () => Tanh(40, 0.6, 0.1, lb: -5, ub: 2) },
        { "one-minus-sqrt 40 from=0.6 to=0.1", () => OneMinusSqrt(40, 0.6, 0.1) },
        { "power-law peak=0.4 knee=12.5 exponent=0.6 start=7", () => PowerLaw(0.4, 12.5, 0.6, 7) },
        { "triangular low=0.1 high=0.6 up=8 down=12 mode=exp-range gamma=0.99", () => Triangular(0.1, 0.6, 8, 12, TriangularMode.ExpRange, 0.99) },
        { "warmup 8 from=0.05 shape=cosine count=from-one >> hold 5 >> constant 0.5",
            () => Warmup(8, 0.05, WarmupShape.Cosine, WarmupCount.FromOne).Then(Hold(5)).Then(Constant(0.5)) },
        { "join boundaries=[10, 25] (constant 0.5) (linear 40 from=0.2 to=0.7) (constant 0.1)",
            () => Join([Constant(0.5), Linear(40, 0.2, 0.7), Constant(0.1)], [10, 25]) },
        { "sequence (linear 10 from=0.2 to=0.7) (cosine 20 peak=0.5) (constant 0.1)", () => Sequence(Linear(10, 0.2, 0.7), Cosine(20, 0.5), Constant(0.1)) },
        { "scale 0.5 (linear 40 from=0.2 to=0.7)", () => Linear(40, 0.2, 0.7).Scale(0.5) },
        { "scale (linear 40 from=0.2 to=0.7) (constant 0.5)", () => Constant(0.5).Scale(Linear(40, 0.2, 0.7)) },
        { "sum (linear 40 from=0.2 to=0.7) (constant 0.1)", () => Sum(Linear(40, 0.2, 0.7), Constant(0.1)) },
        { "min (linear 40 from=0.2 to=0.7) (constant 0.4)", () => Min(Linear(40, 0.2, 0.7), Constant(0.4)) },
        { "max (linear 40 from=0.2 to=0.7) (constant 0.4)", () => Max(Linear(40, 0.2, 0.7), Constant(0.4)) },
        { "cycle multiplier=2 decay=0.5 limit=3 (cosine 10 peak=0.6 floor=0.1)", () => Cosine(10, 0.6, 0.1).Cycle(2, 0.5, 3) },
        { "linear 40 from=0.2 to=0.7 |> shift 6", () => Linear(40, 0.2, 0.7).Shift(6) },
        { "linear 40 from=0.2 to=0.7 |> stretch 1.5", () => Linear(40, 0.2, 0.7).Stretch(1.5) },
        { "linear 40 from=0.2 to=0.7 |> clamp low=0.3 high=0.6", () => Linear(40, 0.2, 0.7).Clamp(0.3, 0.6) },
        { "constant 0.3 |> take 17", () => Constant(0.3).Take(17) },
        { "linear 40 from=0.2 to=0.7 |> mirror low=0.8 high=0.9", () => Linear(40, 0.2, 0.7).Mirror(0.8, 0.9) },
        { "linear 40 from=0.2 to=0.7 |> per-epoch 3", () => Linear(40, 0.2, 0.7).PerEpoch(3) },
        { "cosine 40 peak=0.6 |> decay-at 12 length=9 to=0.05 shape=one-minus-sqrt", () => Cosine(40, 0.6).DecayAt(12, 9, 0.05, DecayShape.OneMinusSqrt) },
        { "cosine 40 peak=0.6 |> retarget at=12 total=70", () => Cosine(40, 0.6).Retarget(12, 70) },
        { "cosine 40 peak=0.6 |> staircase 4 sample=end span=30", () => Cosine(40, 0.6).Staircase(4, StairSample.End, 30) },
        { "warmup-cosine peak=0.6 warmup-steps=7 total-steps=60 floor=0.05 count=from-one",
            () => Recipes.WarmupCosine(0.6, 7, 60, 0.05, WarmupCount.FromOne) },
        { "one-cycle max-rate=0.6 total-steps=90 pct-start=0.4 div-factor=10 final-div-factor=100 anneal=linear three-phase=true",
            () => Recipes.OneCycle(0.6, 90, 0.4, 10, 100, Anneal.Linear, threePhase: true).LearningRate },
        { "sgdr peak=0.6 period=10 floor=0.05 multiplier=2 decay=0.5 limit=3", () => Recipes.Sgdr(0.6, 10, 0.05, 2, 0.5, 3) },
        { "warmup-stable-decay peak=0.6 warmup-steps=7 stable-steps=20 decay-steps=30 floor=0.05 decay=cosine",
            () => Recipes.WarmupStableDecay(0.6, 7, 20, 30, 0.05, DecayShape.Cosine) },
        { "noam d-model=64 warmup-steps=12 factor=2", () => Recipes.Noam(64, 12, 2) },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void A_word_with_every_parameter_set_is_the_CSharp_call(string recipe, Func<Schedule> csharp)
    {
        var read = Schedule.Parse(recipe);
        var expected = csharp();
        Assert.Equal(expected.Length, read.Length);
        Assert.Equal(expected.Min, read.Min);
        Assert.Equal(expected.Max, read.Max);
        for (long t = 0; t <= 200; t++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Rate(t)) == BitConverter.DoubleToInt64Bits(read.Rate(t)),
                $"{recipe} at step {t}: C# {expected.Rate(t):R}, text {read.Rate(t):R}");
        // And the text the C# schedule prints reads back to it.
        Assert.Equal(expected.ToString(), Schedule.Parse(expected.ToString()).ToString());
    }

    [Fact]
    public void Every_word_of_the_vocabulary_is_in_the_table()
    {
        var words = Words.Select(row => ((string)row[0]).Split(' ')[0]).Concat(Words.SelectMany(row => ((string)row[0]).Split("|> ").Skip(1).Select(p => p.Split(' ')[0])))
            .Concat(["hold", "scale"]).ToHashSet();
        var missing = LrCompose.Core.Vocabulary.All.Select(e => e.Text).Where(w => !words.Contains(w) && w != "map").ToList();
        Assert.True(missing.Count == 0, "not in the table: " + string.Join(", ", missing));
    }
}
