namespace LrCompose.Forecast;

/// <summary>
/// A logged run: its loss curve and the schedule it was trained with (the exact per-step rates; a logged rate is
/// only a check), and what it is for.
/// </summary>
public sealed record Run
{
    /// <summary>Creates the run.</summary>
    /// <exception cref="ArgumentException">The log goes past the end of the schedule, or the schedule has a rate the
    /// laws cannot take at a step the log needs (the message names the log's file and line).</exception>
    public Run(string log, Schedule schedule, LossCurve curve, RunRole role)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(curve);
        if (!Enum.IsDefined(role)) throw Checks.Fail(nameof(role), role, "it must be Train or Test");
        if (Problem(schedule, curve) is { } problem)
            throw new ArgumentException($"{nameof(curve)} was {curve.Source} line {problem.Line}: {problem.Text}.", nameof(curve));
        Log = log;
        Schedule = schedule;
        Curve = curve;
        Role = role;
    }

    /// <summary>The log's name as the manifest gives it (e.g. <c>cosine_24000.csv</c>).</summary>
    public string Log { get; }

    /// <summary>The schedule the run was trained with.</summary>
    public Schedule Schedule { get; }

    /// <summary>The logged loss curve.</summary>
    public LossCurve Curve { get; }

    /// <summary>Train or test.</summary>
    public RunRole Role { get; }

    /// <summary>The first reason this schedule cannot explain this curve, at the line of the log it concerns: the
    /// log is longer than the schedule, or a rate of 0 where the rate changes (the multi-power law needs η^(−γ)),
    /// or no area yet at the first logged step.</summary>
    internal static (int Line, string Text)? Problem(Schedule schedule, LossCurve curve)
    {
        if (curve.Count == 0) return (0, "the log has no points");
        if (schedule.Length is { } length && curve.LastStep >= length)
        {
            int i = curve.Steps.IndexOf(curve.Steps.First(s => s >= length));
            return (curve.Lines[i], $"step {curve.Steps[i]} is past the end of the schedule, which lasts {length} steps ({schedule})");
        }
        var rates = ScheduleRates.Of(schedule, curve.LastStep + 1);
        if (rates.LawProblem(curve.Steps[0], curve.LastStep) is { } problem)
        {
            int i = curve.Steps.IndexOf(curve.Steps.First(s => s >= problem.Step));
            return (curve.Lines[i], problem.Problem);
        }
        return null;
    }
}
