namespace LrCompose.Cli;

/// <summary>A recipe given on the command line, with the horizon it is shown over.</summary>
internal sealed record Recipe(string Text, Schedule Schedule)
{
    public static Recipe Read(string text) => new(text, Schedule.Parse(text));

    /// <summary>How many steps to show: the given number, the schedule's own length, or 25× its last phase start
    /// (at least 10,000) for a schedule that goes on for ever.</summary>
    public long Horizon(long? steps)
    {
        if (steps is { } n)
            return n >= 1 ? n : throw new CliInputException($"--steps was {n}: it must be at least 1");
        return Schedule.Length ?? Math.Max(10_000, Schedule.Phases[^1].Start * 25);
    }

    /// <summary>The momentum that mirrors the rate (one-cycle style), between 0.85 and 0.95.</summary>
    public Schedule Momentum => Schedule.Mirror(0.85, 0.95);
}
