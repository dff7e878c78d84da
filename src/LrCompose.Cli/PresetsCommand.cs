using System.CommandLine;

namespace LrCompose.Cli;

/// <summary><c>presets</c>: the named recipes, one line each, then the recipe they stand for.</summary>
internal static class PresetsCommand
{
    public static Command Create()
    {
        var command = new Command("presets", "List the named recipes.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var preset in Presets.All)
            {
                output.WriteLine($"{preset.Name,-18} {preset.Description}");
                output.WriteLine($"{"",-18} {preset.Schedule}");
            }
            return CliApp.Ok;
        });
        return command;
    }
}
