using LrCompose.Cli.Explore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

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
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
