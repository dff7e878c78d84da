namespace LrCompose.Cli;

/// <summary>Which steps to draw or list: evenly spaced, plus both sides of every phase boundary so jumps show.</summary>
internal static class Sampling
{
    public static long[] Steps(Schedule schedule, long horizon, int points = 2000)
    {
        var steps = new SortedSet<long>();
        long stride = Math.Max(1, horizon / points);
        // Step by step without overflow: near long.MaxValue, t + stride would wrap to a negative step and never end.
        for (long t = 0; t < horizon; t = t > horizon - stride ? horizon : t + stride) steps.Add(t);
        steps.Add(horizon - 1);
        foreach (var phase in schedule.Phases)
            foreach (var t in new[] { phase.Start - 1, phase.Start })
                if (t >= 0 && t < horizon) steps.Add(t);
        return steps.ToArray();
    }

    /// <summary>The most rows a table lists.</summary>
    public const long MaxRows = 1_000_000;

    /// <summary>The most steps describe and compare scan one by one.</summary>
    public const long MaxScanned = 50_000_000;

    /// <summary>Refuses a horizon too long to scan step by step.</summary>
    public static long Scannable(long horizon, string command) => horizon <= MaxScanned
        ? horizon
        : throw new CliInputException($"{command} looks at every step, at most {MaxScanned:N0}, not {horizon:N0}: give --steps");

    /// <summary>Every k-th step from 0, and the last one.</summary>
    public static long[] Every(long horizon, long every)
    {
        if (every < 1) throw new CliInputException($"--every was {every}: it must be at least 1");
        if (horizon / every > MaxRows) throw new CliInputException($"--every was {every}: over {horizon} steps that is more than {MaxRows:N0} rows");
        var steps = new List<long>();
        for (long t = 0; t < horizon; t = t > horizon - every ? horizon : t + every) steps.Add(t);
        if (steps[^1] != horizon - 1) steps.Add(horizon - 1);
        return steps.ToArray();
    }
}
