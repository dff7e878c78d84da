namespace LrCompose.Forecast;

/// <summary>The checks every law's <c>Predict</c> makes of its arguments, in one place.</summary>
internal static class LawInput
{
    /// <summary>The schedule's rates up to the last step, after checking the steps and the rates.</summary>
    public static ScheduleRates Rates(Schedule schedule, IReadOnlyList<long> steps, bool needsRatePowers)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Steps(steps);
        if (schedule.Length is { } length && steps[^1] >= length)
            throw Checks.Fail(nameof(steps), steps[^1], $"the schedule lasts {length} steps, so the last step it has is {length - 1}");
        var rates = ScheduleRates.Of(schedule, steps[^1] + 1);
        if (needsRatePowers && rates.LawProblem(steps[0], steps[^1]) is { } problem)
            throw Checks.Fail(nameof(schedule), schedule.ToString(), problem.Problem);
        return rates;
    }

    public static void Steps(IReadOnlyList<long> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) throw Checks.Fail(nameof(steps), "[]", "it must hold at least one step");
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i] < 0) throw Checks.Fail($"{nameof(steps)}[{i}]", steps[i], "a step must be 0 or more");
            if (i > 0 && steps[i] <= steps[i - 1])
                throw Checks.Fail($"{nameof(steps)}[{i}]", steps[i], $"steps must increase (the previous one is {steps[i - 1]})");
        }
    }
}
