using System.CommandLine;

namespace LrCompose.Cli;

/// <summary><c>plot RECIPE [--out file.svg|file.png] [--steps N] [--log-y] [--momentum]</c>.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe or preset name, e.g. gpt2 or \"warmup 100 >> cosine 900 peak=0.1\", or a training plan (every entry on one step axis)" };
        var output = new Option<string?>("--out") { Description = "Write a chart to this .png or .svg file (otherwise draw in the terminal)" };
        var steps = new Option<long?>("--steps", "--total-steps") { Description = "How many steps to show (default: the recipe's length); also the total steps of a configuration that does not say them" };
        var logY = new Option<bool>("--log-y") { Description = "Logarithmic rate axis" };
        var momentum = new Option<bool>("--momentum") { Description = "Also draw the mirrored momentum (0.85-0.95) on a right axis" };
        var observations = new Option<string?>("--observations") { Description = "A CSV of what training observed (columns step and metric), for a recipe with until-… or reduce-on-plateau" };
        var also = new Option<string[]>("--with") { Description = "Another recipe to draw on the same chart (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("plot", "Draw a schedule with its phase boundaries marked.") { recipe, output, steps, logY, momentum, observations, also };
        command.SetAction(parse =>
        {
            if (PlanCommands.Read(parse.GetValue(recipe)!) is { } plan)
            {
                PlanCommands.RefuseRecipeOptions(parse.GetValue(momentum), parse.GetValue(observations));
                if (parse.GetValue(also) is { Length: > 0 }) throw new CliInputException("--with draws another recipe beside one: a plan draws all its entries already");
                return PlanCommands.Guarded(() => Plot(PlanCommands.Series(plan), PlanCommands.Horizon(plan, parse.GetValue(steps)), parse.GetValue(output), parse.GetValue(logY),
                    $"training plan ({plan.Entries.Length} entries)", parse.InvocationConfiguration.Output));
            }
            var r = Recipe.FromArgument(parse.GetValue(recipe)!, parse.GetValue(observations), parse.GetValue(steps));
            var others = (parse.GetValue(also) ?? []).Select(text => Recipe.FromArgument(text, parse.GetValue(observations), parse.GetValue(steps))).ToList();
            long horizon = others.Aggregate(r.Horizon(parse.GetValue(steps)), (h, o) => parse.GetValue(steps) is null ? Math.Max(h, o.Horizon(null)) : h);
            var series = new List<Series> { new(others.Count > 0 ? r.Text : "rate", r.Schedule) };
            series.AddRange(others.Select(o => new Series(o.Text, o.Schedule)));
            if (parse.GetValue(momentum)) series.Add(new Series("momentum", r.Momentum, RightAxis: true));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) is { } path)
            {
                // Render completely before touching the file, so a failure writes nothing.
                byte[] image = Charts.Render(series, horizon, Charts.FormatOf(path), parse.GetValue(logY),
                    others.Count > 0 ? string.Join(" vs ", others.Prepend(r).Select(o => o.Text))
                    : LiveSchedule.IsLive(r.Text) ? r.Text + string.Concat(r.Endings.Select(e => $"  [stage {e.Stage + 1} ended at {e.End}]")) : r.Schedule.ToString());
                FileOutput.WriteAtomically(path, image);
                writer.WriteLine($"wrote {path} ({image.Length} bytes, {horizon} steps)");
            }
            else writer.Write(TerminalChart.Draw(series, horizon));
            foreach (var ending in r.Endings) writer.WriteLine($"stage {ending.Stage + 1} ended at step {ending.End}: {ending.Reason}");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Draws a plan's series to a file or the terminal.</summary>
    private static int Plot(List<Series> series, long horizon, string? path, bool logY, string title, TextWriter writer)
    {
        if (path is null)
        {
            writer.Write(TerminalChart.Draw(series, horizon));
            return CliApp.Ok;
        }
        byte[] image = Charts.Render(series, horizon, Charts.FormatOf(path), logY, title, rightAxis: "other fields");
        FileOutput.WriteAtomically(path, image);
        writer.WriteLine($"wrote {path} ({image.Length} bytes, {horizon} steps)");
        return CliApp.Ok;
    }
}
