using static LrCompose.Compat;

namespace LrCompose.Tests.PeerParity;

/// <summary>
/// The enum overloads of the compat constructors that take an option string (issue 20, API pass): each enum member is
/// the very schedule of the peer's string, and the string overloads still take every string they took.
/// </summary>
public class CompatEnumOverloadTests
{
    private static readonly long[] Steps = [0, 1, 2, 9, 10, 11, 50, 99, 100, 101, 250, 999, 1_000, 5_000, 1L << 40];

    private static void Same(Schedule expected, Schedule actual, string what)
    {
        Assert.Equal(expected.ToString(), actual.ToString());
        foreach (long t in Steps)
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Rate(t)) == BitConverter.DoubleToInt64Bits(actual.Rate(t)), $"{what} at {t}");
    }

    [Theory]
    [InlineData("triangular", TriangularMode.Triangular)]
    [InlineData("triangular2", TriangularMode.Triangular2)]
    [InlineData("exp_range", TriangularMode.ExpRange)]
    public void Torch_CyclicLR_modes(string peer, TriangularMode mode)
    {
        double gamma = mode == TriangularMode.ExpRange ? 0.99 : 1;
        var byString = Torch.CyclicLR(0.001, 0.006, 40, 60, peer, gamma);
        var byEnum = Torch.CyclicLR(0.001, 0.006, mode, 40, 60, gamma);
        Same(byString.LearningRate, byEnum.LearningRate, peer);
        Same(byString.Momentum, byEnum.Momentum, peer + " momentum");
        // Named, as PyTorch users write it; the string default is still the triangular mode.
        Same(Torch.CyclicLR(0.001, 0.006).LearningRate, Torch.CyclicLR(0.001, 0.006, mode: TriangularMode.Triangular).LearningRate, "defaults");
    }

    [Theory]
    [InlineData("cos", Anneal.Cosine, false)]
    [InlineData("linear", Anneal.Linear, false)]
    [InlineData("cos", Anneal.Cosine, true)]
    public void Torch_OneCycleLR_anneal_strategies(string peer, Anneal anneal, bool threePhase)
    {
        var byString = Torch.OneCycleLR(0.1, 1_000, 0.25, peer, threePhase: threePhase);
        var byEnum = Torch.OneCycleLR(0.1, 1_000, anneal, 0.25, threePhase: threePhase);
        Same(byString.LearningRate, byEnum.LearningRate, peer);
        Same(byString.Momentum, byEnum.Momentum, peer + " momentum");
    }

    [Theory]
    [InlineData("linear", DecayShape.Linear)]
    [InlineData("cosine", DecayShape.Cosine)]
    [InlineData("1-sqrt", DecayShape.OneMinusSqrt)]
    public void HuggingFace_GetWsdSchedule_decay_types(string peer, DecayShape shape) =>
        Same(HuggingFace.GetWsdSchedule(1e-3, 10, 50, 40, 0.1, peer), HuggingFace.GetWsdSchedule(1e-3, 10, 50, 40, shape, 0.1), peer);

    [Fact]
    public void Hugging_Face_has_no_exponential_decay_and_says_so_under_decayType()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => HuggingFace.GetWsdSchedule(1e-3, 10, 50, 40, DecayShape.Exponential));
        Assert.Equal("decayType", e.ParamName);
        Assert.Contains("Exponential", e.Message);
        Assert.Equal("decayType", Assert.ThrowsAny<ArgumentException>(() => HuggingFace.GetWsdSchedule(1e-3, 10, 50, 40, decayType: "exp")).ParamName);
    }

    [Theory]
    [InlineData("min", PlateauMode.Min, "rel", ThresholdMode.Rel)]
    [InlineData("max", PlateauMode.Max, "abs", ThresholdMode.Abs)]
    public void Torch_ReduceLROnPlateau_modes(string peerMode, PlateauMode mode, string peerThreshold, ThresholdMode threshold)
    {
        var byString = Torch.ReduceLROnPlateau(0.1, peerMode, 0.5, 2, 0.01, peerThreshold);
        var byEnum = Torch.ReduceLROnPlateau(0.1, mode, 0.5, 2, 0.01, threshold);
        double[] metrics = [1.0, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1];
        foreach (double metric in metrics)
        {
            byString = byString.Observe(metric);
            byEnum = byEnum.Observe(metric);
            Assert.Equal(byString.Rate, byEnum.Rate);
        }
        Assert.True(byString.Rate < 0.1, "the metrics above make it reduce at least once");
    }

    [Fact]
    public void RangeSweep_names_its_curve()
    {
        Same(Recipes.RangeSweep(1e-5, 1, 100), Recipes.RangeSweep(1e-5, 1, 100, SweepCurve.Exponential), "exponential");
        Same(Recipes.RangeSweep(1e-5, 1, 100, RangeTestRules.TorchLrFinder, exponential: false),
            Recipes.RangeSweep(1e-5, 1, 100, SweepCurve.Linear, RangeTestRules.TorchLrFinder), "linear");
    }

    [Theory]
    [InlineData("linear", Interpolation.Linear)]
    [InlineData("cosine", Interpolation.Cosine)]
    public void Optax_PiecewiseInterpolateSchedule_kinds(string peer, Interpolation kind)
    {
        var scales = new Dictionary<long, double> { [10] = 2, [100] = 0.5, [250] = 0.1 };
        Same(Optax.PiecewiseInterpolateSchedule(peer, 0.01, scales), Optax.PiecewiseInterpolateSchedule(kind, 0.01, scales), peer);
    }
}
