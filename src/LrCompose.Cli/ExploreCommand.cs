using System.CommandLine;
using LrCompose.Cli.Explore;
using Microsoft.Extensions.Hosting;

namespace LrCompose.Cli;

/// <summary><c>explore [--port N]</c>: serves the explorer page on the loopback address until stopped.</summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default 5175; 0 picks a free one)", DefaultValueFactory = _ => 5175 };
        var command = new Command("explore", "Open an interactive page: schedules with sliders, the range test, training demos.") { port };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            if (p is < 0 or > 65535) throw new CliInputException($"--port was {p}: it must be from 0 to 65535");
            var app = ExploreServer.Build(p);
            try
            {
                app.Start();
            }
            catch (IOException e)
            {
                throw new CliInputException($"cannot listen on 127.0.0.1:{p}: {e.Message}");
            }
            parse.InvocationConfiguration.Output.WriteLine($"LrCompose explorer: {app.Urls.First()}  (Ctrl+C to stop)");
            app.WaitForShutdown();
            return CliApp.Ok;
        });
        return command;
    }
}
