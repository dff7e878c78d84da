using LrCompose.Cli.Explore;
using LrCompose.Forecast;
using LrCompose.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace LrCompose.Tests.Explore;

/// <summary>One explorer server for the tests, on a free loopback port, given the shipped 25M runs (as
/// <c>explore --runs docs/data/gpt-25m-runs.json --logs ../shared/loss-curves/gpt-25m</c>) so a forecast can draw a
/// real curve.</summary>
public sealed class ExploreServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>The shipped 25M runs with their logs, read from beside the repository.</summary>
    public static IReadOnlyList<Run> ShippedRuns { get; } = RunManifest.Read(Path.Combine(RepoPaths.Root, "docs", "data", "gpt-25m-runs.json"))
        .Load(Path.Combine(RepoPaths.Shared, "loss-curves", "gpt-25m"));

    public async Task InitializeAsync()
    {
        _app = ExploreServer.Build(0, ShippedRuns);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
