using System.CommandLine;

namespace LrCompose.Cli;

/// <summary><c>plot RECIPE [--out file.svg|file.png] [--steps N] [--log-y] [--momentum]</c>.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe or preset name, e.g. gpt2 or \"warmup 100 >> cosine 900 peak=0.1\"" };
        var output = new Option<string?>("--out") { Description = "Write a chart to this .png or .svg file (otherwise draw in the terminal)" };
        var steps = new Option<long?>("--steps") { Description = "How many steps to show (default: the recipe's length)" };
        var logY = new Option<bool>("--log-y") { Description = "Logarithmic rate axis" };
        var momentum = new Option<bool>("--momentum") { Description = "Also draw the mirrored momentum (0.85-0.95) on a right axis" };
        var command = new Command("plot", "Draw a schedule with its phase boundaries marked.") { recipe, output, steps, logY, momentum };
        command.SetAction(parse =>
        {
            var r = Recipe.Read(parse.GetValue(recipe)!);
            long horizon = r.Horizon(parse.GetValue(steps));
            var series = new List<Series> { new("rate", r.Schedule) };
            if (parse.GetValue(momentum)) series.Add(new Series("momentum", r.Momentum, RightAxis: true));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) is { } path)
            {
                // Render completely before touching the file, so a failure writes nothing.
                byte[] image = Charts.Render(series, horizon, Charts.FormatOf(path), parse.GetValue(logY), r.Schedule.ToString());
                File.WriteAllBytes(path, image);
                writer.WriteLine($"wrote {path} ({image.Length} bytes, {horizon} steps)");
            }
            else writer.Write(TerminalChart.Draw(series, horizon));
            return CliApp.Ok;
        });
        return command;
    }
}
