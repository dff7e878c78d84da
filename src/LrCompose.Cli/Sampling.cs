namespace LrCompose.Cli;

/// <summary>Which steps to draw or list: evenly spaced, plus both sides of every phase boundary so jumps show.</summary>
internal static class Sampling
{
    public static long[] Steps(Schedule schedule, long horizon, int points = 2000)
    {
        var steps = new SortedSet<long>();
        long stride = Math.Max(1, horizon / points);
        for (long t = 0; t < horizon; t += stride) steps.Add(t);
        steps.Add(horizon - 1);
        foreach (var phase in schedule.Phases)
            foreach (var t in new[] { phase.Start - 1, phase.Start })
                if (t >= 0 && t < horizon) steps.Add(t);
        return steps.ToArray();
    }

    /// <summary>Every k-th step from 0, and the last one.</summary>
    public static long[] Every(long horizon, long every)
    {
        if (every < 1) throw new CliInputException($"--every was {every}: it must be at least 1");
        var steps = new List<long>();
        for (long t = 0; t < horizon; t += every) steps.Add(t);
        if (steps[^1] != horizon - 1) steps.Add(horizon - 1);
        return steps.ToArray();
    }
}
