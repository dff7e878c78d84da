using System.CommandLine;
using LrCompose.Cli.Explore;
using LrCompose.Cli.Forecast;
using Microsoft.Extensions.Hosting;

namespace LrCompose.Cli;

/// <summary><c>explore [--port N] [--runs MANIFEST [--logs DIR]]</c>: serves the explorer page on the loopback address
/// until stopped; the runs' real curves are read once here, so the server itself reads no files.</summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default 5175; 0 picks a free one)", DefaultValueFactory = _ => 5175 };
        var runs = new Option<string?>("--runs") { Description = "A manifest of logged runs: the forecast draws a run's real curve when its schedule is the one edited" };
        var logs = new Option<string?>("--logs") { Description = "With --runs: read the logs from this folder" };
        var command = new Command("explore", "Open an interactive page: schedules with sliders, the range test, training demos, loss forecasts.") { port, runs, logs };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            if (p is < 0 or > 65535) throw new CliInputException($"--port was {p}: it must be from 0 to 65535");
            if (parse.GetValue(logs) is not null && parse.GetValue(runs) is null) throw new CliInputException("--logs needs --runs (the manifest naming the logs)");
            IReadOnlyList<LrCompose.Forecast.Run> real = [];
            if (parse.GetValue(runs) is { } manifest) ForecastInput.Guarded(() => { real = ForecastInput.Runs(manifest, parse.GetValue(logs)); return CliApp.Ok; });
            var app = ExploreServer.Build(p, real);
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
