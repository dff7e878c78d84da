using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace LrCompose.Cli;

/// <summary><c>table RECIPE [--every K] [--format csv|json] [--steps N] [--momentum]</c>.</summary>
internal static class TableCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe or preset name, or a training plan (its text, or a file of its text or JSON)" };
        var every = new Option<long?>("--every") { Description = "List every K-th step (default: about 100 rows); the last step is always listed" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var steps = new Option<long?>("--steps", "--total-steps") { Description = "How many steps (default: the recipe's length); also the total steps of a configuration that does not say them" };
        var momentum = new Option<bool>("--momentum") { Description = "Add the mirrored momentum column (0.85-0.95)" };
        var observations = new Option<string?>("--observations") { Description = "A CSV of what training observed (columns step and metric), for a recipe with until-… or reduce-on-plateau" };
        var command = new Command("table", "Step and rate (and momentum) as CSV or JSON; for a training plan, a column per entry.") { recipe, every, format, steps, momentum, observations };
        command.SetAction(parse =>
        {
            if (PlanCommands.Read(parse.GetValue(recipe)!) is { } plan)
            {
                PlanCommands.RefuseRecipeOptions(parse.GetValue(momentum), parse.GetValue(observations));
                long planHorizon = PlanCommands.Horizon(plan, parse.GetValue(steps));
                return PlanCommands.Guarded(() => PlanCommands.Table(plan, Sampling.Every(planHorizon, parse.GetValue(every) ?? Math.Max(1, planHorizon / 100)),
                    parse.GetValue(format)!, parse.InvocationConfiguration.Output));
            }
            var r = Recipe.FromArgument(parse.GetValue(recipe)!, parse.GetValue(observations), parse.GetValue(steps));
            long horizon = r.Horizon(parse.GetValue(steps));
            long[] rows = Sampling.Every(horizon, parse.GetValue(every) ?? Math.Max(1, horizon / 100));
            bool withMomentum = parse.GetValue(momentum);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json") output.WriteLine(Json(r, rows, withMomentum));
            else
            {
                output.WriteLine(withMomentum ? "step,rate,momentum" : "step,rate");
                foreach (long t in rows)
                    output.WriteLine(withMomentum ? $"{t},{R(r.Schedule.Rate(t))},{R(r.Momentum.Rate(t))}" : $"{t},{R(r.Schedule.Rate(t))}");
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static string Json(Recipe r, long[] rows, bool withMomentum)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (long t in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("step", t);
                w.WriteNumber("rate", r.Schedule.Rate(t));
                if (withMomentum) w.WriteNumber("momentum", r.Momentum.Rate(t));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
