namespace LrCompose.Forecast;

/// <summary>
/// A schedule's exact per-step rates η_0 … η_(n−1) and their running sums P_s = η_0 + … + η_s, the two things every
/// law is a function of. Built once per schedule and horizon; immutable afterwards.
/// </summary>
internal sealed class ScheduleRates
{
    private ScheduleRates(double[] eta, double[] prefix, long[] phaseStarts)
    {
        Eta = eta;
        Prefix = prefix;
        PhaseStarts = phaseStarts;
    }

    /// <summary>η_k for k = 0 … Count − 1.</summary>
    public double[] Eta { get; }

    /// <summary>P_s = η_0 + … + η_s, summed in step order (as the authors' cumulative sum does).</summary>
    public double[] Prefix { get; }

    /// <summary>The steps where a top-level phase of the schedule starts (after 0): the law's fast sum never
    /// merges steps across them.</summary>
    public long[] PhaseStarts { get; }

    public int Count => Eta.Length;

    /// <summary>P_(k−1), with P_(−1) = 0.</summary>
    public double PrefixBefore(int k) => k == 0 ? 0 : Prefix[k - 1];

    /// <summary>The rates of <paramref name="schedule"/> for steps 0 … <paramref name="count"/> − 1.</summary>
    /// <exception cref="ArgumentException">The schedule is shorter than <paramref name="count"/> steps.</exception>
    public static ScheduleRates Of(Schedule schedule, long count)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (count < 1 || count > Array.MaxLength)
            throw Checks.Fail(nameof(count), count, $"it must be between 1 and {Array.MaxLength} steps");
        if (schedule.Length is { } length && count > length)
            throw Checks.Fail(nameof(schedule), schedule.ToString(), $"it lasts {length} steps, and step {count - 1} is needed");
        var eta = new double[count];
        var prefix = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++)
        {
            eta[k] = schedule.Rate(k);
            sum += eta[k];
            prefix[k] = sum;
        }
        long[] starts = schedule.Phases.Select(p => p.Start).Where(s => s > 0 && s < count).ToArray();
        return new ScheduleRates(eta, prefix, starts);
    }

    /// <summary>Rates given directly (the optimizer's per-step schedule).</summary>
    public static ScheduleRates Of(double[] eta)
    {
        var prefix = new double[eta.Length];
        double sum = 0;
        for (int k = 0; k < eta.Length; k++)
        {
            sum += eta[k];
            prefix[k] = sum;
        }
        return new ScheduleRates(eta, prefix, []);
    }

    /// <summary>
    /// The first problem the multi-power law has with these rates up to <paramref name="lastStep"/>, or null: a
    /// rate of 0 at a step where the rate changes (the law needs η_k^(−γ) there), or a running sum of 0 at
    /// <paramref name="firstStep"/> (it needs P_s^(−α)). Returns the step at fault and the words.
    /// </summary>
    public (long Step, string Problem)? LawProblem(long firstStep, long lastStep)
    {
        for (int k = 1; k <= lastStep; k++)
            if (Eta[k] == 0 && Eta[k - 1] != 0)
                return (k, $"the schedule's rate is 0 at step {k}, where it changes (from {Checks.Show(Eta[k - 1])}), and the law needs rate^(-gamma) there");
        if (Prefix[firstStep] <= 0)
            return (firstStep, $"the schedule's rates add up to 0 by step {firstStep}, and the law needs (sum of rates)^(-alpha) there");
        return null;
    }
}
