using LrCompose.Cli.Explore;
using Microsoft.AspNetCore.Builder;

namespace LrCompose.Tests.Explore;

/// <summary>One explorer server for the tests, on a free loopback port.</summary>
public sealed class ExploreServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = ExploreServer.Build(0);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
