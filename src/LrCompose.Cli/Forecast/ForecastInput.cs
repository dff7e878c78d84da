using System.Diagnostics;
using System.Globalization;
using LrCompose.Forecast;

namespace LrCompose.Cli.Forecast;

/// <summary>What the forecast commands share: reading a law, a manifest and recipes with one-line errors, number
/// formatting, and progress for anything that takes longer than a second.</summary>
internal static class ForecastInput
{
    /// <summary>Runs an action, turning a bad log, manifest, law or argument into the one-line bad-input error.</summary>
    public static int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (LossLogException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (FormatException e) when (e is not RecipeFormatException)
        {
            throw new CliInputException(e.Message);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message.Split(" (Parameter '")[0]);
        }
    }

    public static (ILossLaw Law, IReadOnlyList<ILossLaw> Band) Law(string path)
    {
        if (!File.Exists(path)) throw new CliInputException($"no such file: {path}");
        string text = File.ReadAllText(path);
        try
        {
            return (LawJson.Parse(text), LawJson.ParseBand(text));
        }
        catch (FormatException e)
        {
            throw new CliInputException($"{path}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"{path}: {e.Message.Split(" (Parameter '")[0]}");
        }
    }

    public static IReadOnlyList<Run> Runs(string manifest, string? logs)
    {
        if (logs is not null && !Directory.Exists(logs)) throw new CliInputException($"--logs: no such folder {logs}");
        return RunManifest.Read(manifest).Load(logs);
    }

    /// <summary>Steps to predict at: the given ones, or about 200 spread over the schedule from the step where it
    /// first reaches its peak (the laws describe training after the warmup; no warmup loss is ever fitted).</summary>
    public static long[] Steps(Schedule schedule, long[]? at)
    {
        if (at is { Length: > 0 }) return [.. at.Order().Distinct()];
        long length = schedule.Length ?? throw new CliInputException($"'{schedule}' goes on for ever: give the steps with --at");
        long first = 0;
        double peak = -1;
        for (long t = 0; t < length; t++)
        {
            double rate = schedule.Rate(t);
            if (rate > peak) { peak = rate; first = t; }
        }
        long every = Math.Max(1, (length - 1 - first) / 200);
        var steps = new List<long>();
        for (long t = first; t < length; t += every) steps.Add(t);
        if (steps[^1] != length - 1) steps.Add(length - 1);
        return [.. steps];
    }

    public static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string F(double v, int digits = 5) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}

/// <summary>Progress on standard error, only for work that has already taken more than a second.</summary>
internal sealed class SlowProgress(TextWriter error) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value)
    {
        if (_clock.Elapsed < TimeSpan.FromSeconds(1)) return;
        lock (_clock) error.WriteLine($"... {value} ({_clock.Elapsed.TotalSeconds:F1} s)");
    }
}
