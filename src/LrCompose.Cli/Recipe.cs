using System.Globalization;

namespace LrCompose.Cli;

/// <summary>A recipe given on the command line, with the horizon it is shown over. A live recipe (with
/// <c>until-…</c> or <c>reduce-on-plateau</c>) is resolved against an observation log; its stage endings say where
/// and why a metric-driven phase ended.</summary>
/// <param name="Text">The recipe text (a configuration's recipe for a configuration file).</param>
/// <param name="Schedule">What it means.</param>
/// <param name="Endings">Where its metric-driven stages ended.</param>
/// <param name="RunSteps">The steps the run is known to train for (a configuration's total), the default horizon.</param>
/// <param name="OwnMomentum">The momentum the configuration schedules, when it does (DeepSpeed's one-cycle).</param>
internal sealed record Recipe(string Text, Schedule Schedule, IReadOnlyList<StageEnding> Endings, long? RunSteps = null, Schedule? OwnMomentum = null)
{
    /// <summary>A command-line argument that names a recipe or a training configuration file (ds_config.json, a
    /// Megatron or Hugging Face command line, a torchtitan TOML), read for its learning rate. Only the commands take
    /// files: the explorer's server reads recipes alone (<see cref="Read"/>), so a request cannot make it open one.
    /// <paramref name="totalSteps"/> fills a configuration's total steps where it does not say them.</summary>
    public static Recipe FromArgument(string text, string? observations = null, long? totalSteps = null)
    {
        // A plan's file where one schedule is asked for (compare, export) is named as a plan, not as a file no framework's form shows.
        if (ConfigFile.IsConfigFile(text))
            return ConfigFile.AsRecipe(ConfigFile.ReadRefusingPlans(text,
                $"{text} is a training plan, and this command takes one schedule: table, describe and plot take a plan", totalSteps: totalSteps));
        ConfigFile.RefuseMissingPath(text);
        return Read(text, observations);
    }

    public static Recipe Read(string text, string? observations = null)
    {
        if (!LiveSchedule.IsLive(text))
        {
            if (observations is not null) Observations(observations); // still refuse a malformed log
            return new(text, Schedule.Parse(text), []);
        }
        var live = LiveSchedule.Parse(text);
        // A stage that ends on what training observed never ends without observations, and what follows it would
        // silently vanish from the chart or the table: refuse instead.
        if (observations is null && live.Stages.Take(live.Stages.Count - 1).FirstOrDefault(s => s.Until is not null) is { } waiting)
            throw new CliInputException($"the {(waiting.Until is EndCondition.Plateau ? "until-plateau" : "until-metric")} stage ends on what training observed: "
                                        + "give --observations FILE (a CSV with columns step and metric), or the stages after it are never reached");
        var log = observations is null ? ObservationLog.Empty : Observations(observations);
        return new(text, live.Resolve(log), live.Endings(log));
    }

    /// <summary>How many steps to show: the given number, the run's total steps, the schedule's own length, or 25× its last phase start
    /// (at least 10,000) for a schedule that goes on for ever.</summary>
    public long Horizon(long? steps)
    {
        if (steps is { } n)
            return n >= 1 ? n : throw new CliInputException($"--steps was {n}: it must be at least 1");
        if (RunSteps is { } run) return run;
        return Schedule.Length ?? Math.Max(10_000, Math.Min(Schedule.Phases[^1].Start, long.MaxValue / 25) * 25);
    }

    /// <summary>The momentum: the one the configuration schedules, or else one that mirrors the rate (one-cycle style), between 0.85 and 0.95.</summary>
    public Schedule Momentum => OwnMomentum ?? Schedule.Mirror(0.85, 0.95);

    /// <summary>Reads an observation log: a CSV whose header names the columns <c>step</c> and <c>metric</c>.</summary>
    public static ObservationLog Observations(string path)
    {
        var csv = CsvLog.Read(path, "step", "metric");
        var log = ObservationLog.Empty;
        foreach (var (row, cells) in csv.Rows)
        {
            string stepText = csv.Cell(cells, "step"), metricText = csv.Cell(cells, "metric");
            if (!long.TryParse(stepText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long step) || step < 0)
                throw csv.Problem(row, $"step must be a whole number of 0 or more, not '{stepText}'");
            double metric = metricText.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN
                : double.TryParse(metricText, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
                : throw csv.Problem(row, $"metric is not a number: '{metricText}'");
            if (log.Observations.Length > 0 && step < log.Observations[^1].Step)
                throw csv.Problem(row, $"step {step} comes before the previous row's step {log.Observations[^1].Step}");
            log = log.Add(step, metric);
        }
        return log;
    }
}
