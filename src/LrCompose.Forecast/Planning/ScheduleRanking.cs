namespace LrCompose.Forecast;

/// <summary>One ranked schedule: the predicted loss at the step compared, and its band.</summary>
public sealed record RankedSchedule(Schedule Schedule, long Step, double Loss, double Low, double High);

/// <summary>Ranks schedules by a law's predicted loss at one step (each schedule's last step by default).</summary>
public static class ScheduleRanking
{
    /// <summary>The schedules from the lowest predicted loss to the highest; the band is the lowest and highest
    /// prediction of the law and of <paramref name="band"/> (a fit's leave-one-run-out laws).</summary>
    /// <exception cref="ArgumentException">There are no schedules, a schedule has no last step and no step is given,
    /// or a step is past a schedule's end.</exception>
    public static IReadOnlyList<RankedSchedule> Rank(ILossLaw law, IReadOnlyList<ILossLaw> band, IReadOnlyList<Schedule> schedules, long? at = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(schedules);
        if (schedules.Count == 0) throw Checks.Fail(nameof(schedules), "[]", "it must hold at least one schedule");
        var ranked = new List<RankedSchedule>();
        foreach (var schedule in schedules)
        {
            long step = at ?? (schedule.Length is { } length ? length - 1
                : throw Checks.Fail(nameof(at), "null", $"'{schedule}' goes on for ever, so the step to compare at must be given"));
            double loss = law.Predict(schedule, [step])[0];
            double low = loss, high = loss;
            foreach (var other in band)
            {
                double value = other.Predict(schedule, [step])[0];
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
            ranked.Add(new RankedSchedule(schedule, step, loss, low, high));
        }
        return [.. ranked.OrderBy(r => r.Loss)];
    }
}
