using BenchmarkDotNet.Attributes;
using LrCompose.Cli.Explore;
using Microsoft.AspNetCore.Builder;

namespace LrCompose.Benchmarks;

/// <summary>
/// What the explorer page asks for when a slider moves: the moved recipe (its numbers and facts) and the chart of every
/// shown recipe, over real HTTP to the real server on loopback. The goal is a redraw within 100 ms.
/// </summary>
[MemoryDiagnoser]
public class ExploreRedrawBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private int _slider;

    // The page's two default schedules, the first one's peak being the slider that moves.
    private static string Moved(int i) => $"warmup 100 >> cosine 900 peak={0.05 + (i % 100) * 0.001:0.###} floor=0.001";
    private const string Other = "linear 300 from=0.004 to=0.1 >> cosine 700 peak=0.1 floor=4e-7";

    [GlobalSetup]
    public async Task Start()
    {
        _app = ExploreServer.Build(0);
        await _app.StartAsync();
        string url = _app.Urls.First();
        _client = new HttpClient { BaseAddress = new Uri(url) };
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark(Description = "slider redraw: recipe + chart of two schedules")]
    public async Task<int> SliderRedraw()
    {
        string moved = Moved(_slider++);
        string recipe = await _client.GetStringAsync("/api/recipe?r=" + Uri.EscapeDataString(moved));
        string chart = await _client.GetStringAsync("/api/chart?r=" + Uri.EscapeDataString(moved) + "&r=" + Uri.EscapeDataString(Other));
        return recipe.Length + chart.Length;
    }

    [Benchmark(Description = "range test panel on the flip network")]
    public Task<string> RangeTestPanel() => _client.GetStringAsync("/api/range-test?model=flipnet&rules=fastai");

    /// <summary>The warmup panel's answer for its default schedule: two runs of the sharp network, λ_max about fifty
    /// times each, both charts. The goal is about a second.</summary>
    [Benchmark(Description = "warmup panel on the sharp network (its default schedule)")]
    public Task<string> WarmupPanel() => _client.GetStringAsync("/api/warmup?r=" + Uri.EscapeDataString(LrCompose.Cli.Training.WarmupDemo.DefaultRecipe));
}
