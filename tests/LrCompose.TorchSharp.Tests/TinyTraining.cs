using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrCompose.TorchSharp.Tests;

/// <summary>A small regression network on fixed synthetic data, CPU, float64, seeded: every run starts the same.</summary>
internal sealed class TinyTraining : IDisposable
{
    private readonly Tensor _x, _y;

    public TinyTraining(int seed = 7)
    {
        torch.manual_seed(1);
        _x = torch.randn(64, 4, dtype: ScalarType.Float64);
        var w = torch.tensor(new[] { 1.0, -2.0, 0.5, 3.0 }, dtype: ScalarType.Float64).reshape(4, 1);
        _y = _x.matmul(w) + 0.1 * torch.randn(64, 1, dtype: ScalarType.Float64);
        torch.manual_seed(seed);
        First = nn.Linear(4, 8, dtype: ScalarType.Float64);
        Second = nn.Linear(8, 1, dtype: ScalarType.Float64);
        Model = nn.Sequential(("first", First), ("relu", nn.ReLU()), ("second", Second));
    }

    public Linear First { get; }
    public Linear Second { get; }
    public Sequential Model { get; }

    /// <summary>The loss of the whole batch (a scalar tensor to back-propagate).</summary>
    public Tensor Loss() => nn.functional.mse_loss(Model.forward(_x), _y);

    /// <summary>One full-batch optimizer step; returns the loss before it.</summary>
    public double Step(optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        using var loss = Loss();
        loss.backward();
        optimizer.step();
        return loss.item<double>();
    }

    /// <summary>Every parameter value, in order.</summary>
    public double[] Parameters() => Model.parameters().SelectMany(p => p.data<double>().ToArray()).ToArray();

    /// <summary>SGD over both layers as one param group.</summary>
    public SGD Sgd(double lr = 0.1, double momentum = 0.9) => torch.optim.SGD(Model.parameters(), lr, momentum);

    /// <summary>SGD with one param group per layer.</summary>
    public SGD SgdTwoGroups(double lr = 0.1, double momentum = 0.9) => torch.optim.SGD(
        [new SGD.ParamGroup(First.parameters(), new SGD.Options { LearningRate = lr, momentum = momentum }),
         new SGD.ParamGroup(Second.parameters(), new SGD.Options { LearningRate = lr, momentum = momentum })], lr, momentum);

    public void Dispose()
    {
        Model.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}

/// <summary>The values PyTorch itself recorded (../shared/conformance/golden-public.json), by case id.</summary>
internal static class Recorded
{
    public static string RepoRoot() => Root();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrCompose.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("LrCompose.sln not found above " + AppContext.BaseDirectory);
    }

    public static (double[] Rates, double[] Momenta) Case(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "..", "shared", "conformance", "golden-public.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        double[] Read(string name) => c.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray() : [];
        return (Read("lr"), Read("momentum"));
    }
}
