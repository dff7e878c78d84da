using System.Text.Json;
using LrCompose.Cli.Training;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Seed;

/// <summary>
/// The seed documents' second experiment: a 4→3→4 ReLU network learning the diagonal flip (transpose) of all sixteen
/// binary 2×2 images, plain MSE, SGD with momentum 0.9 (PyTorch's: the first step takes the raw gradient), batch size 1,
/// 30 epochs in a fixed order, from PyTorch's seed-42 weights. The rate comes from an LrCompose schedule written in
/// epochs and driven by step through <c>PerEpoch(16)</c>. The recorded losses came from float32 PyTorch; this loop runs
/// in float64, so they agree to a few parts per million.
/// </summary>
public class FlipNetTests
{
    private const int StepsPerEpoch = 16;

    public static TheoryData<string> Runs => new() { "Constant", "StepLR", "CosineAnnealingLR" };

    private static Schedule ByEpoch(string name) => name switch
    {
        "Constant" => Constant(0.05),
        "StepLR" => Compat.Torch.StepLR(0.05, stepSize: 10, gamma: 0.5),
        _ => Compat.Torch.CosineAnnealingLR(0.05, tMax: 30, etaMin: 0.001),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_epoch_loss_matches_the_recorded_pytorch_run(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "seed-experiments.json")));
        var flipnet = file.RootElement.GetProperty("flipnet");
        double[] recorded = flipnet.GetProperty("losses").GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var net = Recorded(flipnet.GetProperty("initial_weights_seed42"));

        double[] ours = net.Train(ByEpoch(name).PerEpoch(StepsPerEpoch), recorded.Length);

        for (int e = 0; e < recorded.Length; e++)
            Assert.True(Math.Abs(ours[e] - recorded[e]) <= 2e-5 * recorded[e], $"{name} epoch {e}: {ours[e]} vs {recorded[e]}");
    }

    [Fact]
    public void The_seed_conclusion_holds_step_and_cosine_end_lower_than_constant()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "seed-experiments.json")));
        var weights = file.RootElement.GetProperty("flipnet").GetProperty("initial_weights_seed42");
        double Final(string name) => Recorded(weights).Train(ByEpoch(name).PerEpoch(StepsPerEpoch), 30)[^1];
        Assert.Equal(0.1516, Final("Constant"), 4);
        Assert.Equal(0.1269, Final("StepLR"), 4);
        Assert.Equal(0.1252, Final("CosineAnnealingLR"), 4);
    }

    /// <summary>The network from PyTorch's recorded state dict (layer1/layer2 weight and bias).</summary>
    private static FlipNet Recorded(JsonElement weights)
    {
        double[] Row(JsonElement row) => row.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[][] Matrix(string name) => weights.GetProperty(name).EnumerateArray().Select(Row).ToArray();
        return FlipNet.FromLayers(Matrix("layer1.weight"), Row(weights.GetProperty("layer1.bias")), Matrix("layer2.weight"), Row(weights.GetProperty("layer2.bias")));
    }
}
