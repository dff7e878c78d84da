using System.CommandLine;
using System.Globalization;

namespace LrCompose.Cli;

/// <summary><c>compare A B [--out file] [--steps N]</c>: both on one chart (or in the terminal) and the largest difference.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("a") { Description = "The first recipe" };
        var second = new Argument<string>("b") { Description = "The second recipe" };
        var output = new Option<string?>("--out") { Description = "Write both to this .png or .svg chart" };
        var steps = new Option<long?>("--steps", "--total-steps") { Description = "How many steps to compare (default: the longer recipe); also the total steps of a configuration that does not say them" };
        var command = new Command("compare", "Show two schedules together and where they differ most.") { first, second, output, steps };
        command.SetAction(parse =>
        {
            var a = Recipe.FromArgument(parse.GetValue(first)!, totalSteps: parse.GetValue(steps));
            var b = Recipe.FromArgument(parse.GetValue(second)!, totalSteps: parse.GetValue(steps));
            long horizon = Math.Max(a.Horizon(parse.GetValue(steps)), b.Horizon(parse.GetValue(steps)));
            var (difference, at) = LargestDifference(a.Schedule, b.Schedule, Sampling.Scannable(horizon, "compare"));
            // Each line is named by the recipe as the user typed it (a preset by its name), so the chart says which is which.
            string nameA = parse.GetValue(first)!.Trim(), nameB = parse.GetValue(second)!.Trim();
            var series = new List<Series> { new(nameA, a.Schedule), new(nameB, b.Schedule) };
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) is { } path)
            {
                byte[] image = Charts.Render(series, horizon, Charts.FormatOf(path), false,
                    $"{Charts.Shorten(nameA, 40)}  vs  {Charts.Shorten(nameB, 40)}");
                FileOutput.WriteAtomically(path, image);
                writer.WriteLine($"wrote {path} ({image.Length} bytes)");
            }
            else writer.Write(TerminalChart.Draw(series, horizon));
            writer.WriteLine($"A  {a.Schedule}");
            writer.WriteLine($"B  {b.Schedule}");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"largest difference {difference:G6} at step {at} (A={a.Schedule.Rate(at):G6}, B={b.Schedule.Rate(at):G6}) over {horizon} steps"));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The largest |A − B| over every step of the horizon, and the first step where it occurs.</summary>
    internal static (double Difference, long Step) LargestDifference(Schedule a, Schedule b, long horizon)
    {
        (double, long) best = (0, 0);
        for (long t = 0; t < horizon; t++)
        {
            double d = Math.Abs(a.Rate(t) - b.Rate(t));
            if (d > best.Item1) best = (d, t);
        }
        return best;
    }
}
