using System.Collections.Immutable;

namespace LrCompose.Forecast;

/// <summary>
/// A logged training-loss curve: strictly increasing steps, each with a finite positive loss, and the line of the
/// source file each point came from (so a later problem with a point can still name its line).
/// </summary>
public sealed record LossCurve
{
    /// <summary>Creates a curve from its points; <paramref name="lines"/> defaults to 1, 2, 3, … and
    /// <paramref name="loggedRates"/> (the rate the log recorded at each point, a check only) to none.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, a step is negative or does not increase, or a loss is not a finite positive number.</exception>
    public LossCurve(string source, IReadOnlyList<long> steps, IReadOnlyList<double> losses, IReadOnlyList<int>? lines = null, IReadOnlyList<double>? loggedRates = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count != steps.Count)
            throw Checks.Fail(nameof(losses), $"{losses.Count} values", $"it must hold one loss per step ({steps.Count} steps)");
        if (lines is not null && lines.Count != steps.Count)
            throw Checks.Fail(nameof(lines), $"{lines.Count} values", $"it must hold one line per step ({steps.Count} steps)");
        if (loggedRates is not null && loggedRates.Count != steps.Count)
            throw Checks.Fail(nameof(loggedRates), $"{loggedRates.Count} values", $"it must hold one rate per step ({steps.Count} steps)");
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i] < 0) throw Checks.Fail($"{nameof(steps)}[{i}]", steps[i], "a step must be 0 or more");
            if (i > 0 && steps[i] <= steps[i - 1])
                throw Checks.Fail($"{nameof(steps)}[{i}]", steps[i], $"steps must increase (the previous step is {steps[i - 1]})");
            if (!double.IsFinite(losses[i]) || losses[i] <= 0)
                throw Checks.Fail($"{nameof(losses)}[{i}]", losses[i], "a loss must be a finite number above 0");
        }
        Source = source;
        Steps = [.. steps];
        Losses = [.. losses];
        LoggedRates = loggedRates is null ? [] : [.. loggedRates];
        Lines = lines is null ? [.. Enumerable.Range(1, steps.Count)] : [.. lines];
    }

    /// <summary>Where the curve came from (a file name), for messages.</summary>
    public string Source { get; }

    /// <summary>The logged steps, strictly increasing.</summary>
    public ImmutableArray<long> Steps { get; }

    /// <summary>The loss at each step.</summary>
    public ImmutableArray<double> Losses { get; }

    /// <summary>The 1-based line of the source file each point was read from.</summary>
    public ImmutableArray<int> Lines { get; }

    /// <summary>The rate the log recorded at each point, or empty when it recorded none.</summary>
    public ImmutableArray<double> LoggedRates { get; }

    /// <summary>How many points the curve has.</summary>
    public int Count => Steps.Length;

    /// <summary>The last logged step.</summary>
    public long LastStep => Steps.Length == 0 ? -1 : Steps[^1];
}
