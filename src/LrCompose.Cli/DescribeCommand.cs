using System.CommandLine;
using System.Globalization;

namespace LrCompose.Cli;

/// <summary><c>describe RECIPE [--steps N]</c>: phases, extremes, area, and a continuity report of every join.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe or preset name, or a training plan (its text, or a file of its text or JSON)" };
        var steps = new Option<long?>("--steps", "--total-steps") { Description = "How many steps to analyse (default: the recipe's length); also the total steps of a configuration that does not say them" };
        var observations = new Option<string?>("--observations") { Description = "A CSV of what training observed (columns step and metric), for a recipe with until-… or reduce-on-plateau" };
        var command = new Command("describe", "Phases with their step ranges and values, peak, minimum, final value, area, and joins.") { recipe, steps, observations };
        command.SetAction(parse =>
        {
            if (PlanCommands.Read(parse.GetValue(recipe)!) is { } plan)
            {
                PlanCommands.RefuseRecipeOptions(false, parse.GetValue(observations));
                return PlanCommands.Guarded(() => PlanCommands.Describe(plan, Sampling.Scannable(PlanCommands.Horizon(plan, parse.GetValue(steps)), "describe"), parse.InvocationConfiguration.Output));
            }
            var r = Recipe.FromArgument(parse.GetValue(recipe)!, parse.GetValue(observations), parse.GetValue(steps));
            var report = ScheduleReport.Of(r.Schedule, Sampling.Scannable(r.Horizon(parse.GetValue(steps)), "describe"));
            var writer = parse.InvocationConfiguration.Output;
            writer.Write(report.Render());
            if (LiveSchedule.IsLive(r.Text))
            {
                writer.WriteLine();
                if (r.Endings.Count == 0) writer.WriteLine("no metric-driven stage has ended yet");
                foreach (var e in r.Endings) writer.WriteLine($"stage {e.Stage + 1} (from step {e.Start}) ended at step {e.End}: {e.Reason}");
            }
            return CliApp.Ok;
        });
        return command;
    }
}

/// <summary>What <c>describe</c> prints, computed by scanning every step of the horizon.</summary>
internal sealed record ScheduleReport(Schedule Schedule, long Horizon, IReadOnlyList<PhaseRow> Phases, (double Value, long Step) Peak,
    (double Value, long Step) Minimum, double Final, double Area, IReadOnlyList<JoinRow> Joins)
{
    public static ScheduleReport Of(Schedule schedule, long horizon)
    {
        var phases = schedule.Phases.Where(p => p.Start < horizon).ToList();
        var rows = new List<PhaseRow>();
        var largestChange = new double[phases.Count];
        (double, long) peak = (double.NegativeInfinity, 0), min = (double.PositiveInfinity, 0);
        double area = 0;
        for (int i = 0; i < phases.Count; i++)
        {
            long start = phases[i].Start;
            long end = i + 1 < phases.Count ? phases[i + 1].Start : horizon;
            double previous = schedule.Rate(start);
            for (long t = start; t < end; t++)
            {
                double v = schedule.Rate(t);
                area += v;
                if (v > peak.Item1) peak = (v, t);
                if (v < min.Item1) min = (v, t);
                if (t > start) largestChange[i] = Math.Max(largestChange[i], Math.Abs(v - previous));
                previous = v;
            }
            rows.Add(new PhaseRow(i + 1, start, end, schedule.Rate(start), schedule.Rate(end - 1), phases[i].Schedule.ToString()));
        }
        var joins = new List<JoinRow>();
        for (int i = 1; i < phases.Count; i++)
        {
            long at = phases[i].Start;
            double before = schedule.Rate(at - 1), after = schedule.Rate(at);
            double inside = Math.Max(largestChange[i - 1], largestChange[i]);
            joins.Add(new JoinRow(at, before, after, Math.Abs(after - before), inside));
        }
        return new ScheduleReport(schedule, horizon, rows, peak, min, schedule.Rate(horizon - 1), area, joins);
    }

    public string Render()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"recipe   {Schedule}");
        w.WriteLine($"steps    {Horizon}{(Schedule.Length is null ? " (the schedule goes on for ever; showing this many)" : "")}");
        w.WriteLine();
        w.WriteLine($"{"phase",5}  {"start",10}  {"end",10}  {"first value",12}  {"last value",12}  recipe");
        foreach (var p in Phases)
            w.WriteLine($"{p.Index,5}  {p.Start,10}  {p.End,10}  {N(p.First),12}  {N(p.Last),12}  {p.Recipe}");
        w.WriteLine();
        w.WriteLine($"peak     {N(Peak.Value)} at step {Peak.Step}");
        w.WriteLine($"minimum  {N(Minimum.Value)} at step {Minimum.Step}");
        w.WriteLine($"final    {N(Final)} at step {Horizon - 1}");
        w.WriteLine($"area     {N(Area)} (sum of the rates over {Horizon} steps)");
        if (Joins.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("joins");
            foreach (var j in Joins)
                w.WriteLine($"  step {j.Step}: {N(j.Before)} -> {N(j.After)}, jump {N(j.Jump)}, largest change inside the neighbours {N(j.LargestInside)}: " +
                            (j.Continuous ? "continuous" : "DISCONTINUOUS"));
        }
        return w.ToString();
    }

    private static string N(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>One row of the phase table.</summary>
internal sealed record PhaseRow(int Index, long Start, long End, double First, double Last, string Recipe);

/// <summary>One join: a join is continuous when its jump is no larger than the largest step inside either neighbour.</summary>
internal sealed record JoinRow(long Step, double Before, double After, double Jump, double LargestInside)
{
    public bool Continuous => Jump <= LargestInside * (1 + 1e-9) + 1e-15;
}
