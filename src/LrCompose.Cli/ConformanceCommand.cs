using System.CommandLine;
using LrCompose.Cli.Conformance;

namespace LrCompose.Cli;

/// <summary><c>conformance FILE</c>: the peer-parity runner; exit 1 when any case fails.</summary>
internal static class ConformanceCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A reference file (the format of shared/conformance/golden-public.json)" };
        var command = new Command("conformance", "Check the compat schedules against values recorded from the peer libraries.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliInputException($"no such file: {path}");
            ConformanceReport report;
            try
            {
                report = ConformanceRunner.RunFile(path);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CliInputException($"{path} is not a reference file (an object with a \"cases\" array): {e.Message}");
            }
            var output = parse.InvocationConfiguration.Output;
            foreach (var result in report.Results) output.WriteLine(result);
            output.WriteLine(report.Summary);
            return report.Failed == 0 ? CliApp.Ok : CliApp.CheckFailed;
        });
        return command;
    }
}
