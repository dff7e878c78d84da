using System.Globalization;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// The rules of reduce-on-plateau (PyTorch's <c>ReduceLROnPlateau</c>): after more than <see cref="Patience"/>
/// observations without improvement, multiply the rate by <see cref="Factor"/> (not below <see cref="MinRate"/>, and
/// only if the change exceeds <see cref="Eps"/>), then ignore <see cref="Cooldown"/> observations.
/// </summary>
public sealed record PlateauPolicy
{
    /// <summary>Creates a policy; every argument is validated.</summary>
    public PlateauPolicy(PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10, double threshold = 1e-4,
        ThresholdMode thresholdMode = ThresholdMode.Rel, int cooldown = 0, double minRate = 0, double eps = 1e-8)
    {
        if (!(factor > 0 && factor < 1)) throw Guard.Fail(nameof(factor), Guard.Show(factor), "must be between 0 and 1 (exclusive)");
        Guard.Check(patience, Rules.NonNegativeSteps(patience));
        Guard.Check(threshold, Rules.Factor(threshold));
        Guard.Check(cooldown, Rules.NonNegativeSteps(cooldown));
        Guard.Rate(minRate);
        Guard.Check(eps, Rules.Factor(eps));
        (Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinRate, Eps) =
            (mode, factor, patience, threshold, thresholdMode, cooldown, minRate, eps);
    }

    /// <summary>Lower or higher is better.</summary>
    public PlateauMode Mode { get; }
    /// <summary>Multiplier applied on a plateau.</summary>
    public double Factor { get; }
    /// <summary>Observations without improvement tolerated before reducing.</summary>
    public int Patience { get; }
    /// <summary>Minimum improvement.</summary>
    public double Threshold { get; }
    /// <summary>Relative or absolute threshold.</summary>
    public ThresholdMode ThresholdMode { get; }
    /// <summary>Observations ignored after a reduction.</summary>
    public int Cooldown { get; }
    /// <summary>The rate never goes below this.</summary>
    public double MinRate { get; }
    /// <summary>Reductions smaller than this are skipped.</summary>
    public double Eps { get; }

    /// <summary>The state before any observation.</summary>
    public PlateauState Start(double initialRate) =>
        new(this, Guard.Rate(initialRate), initialRate, Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity, 0, 0);

    internal bool IsBetter(double metric, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Rel) => metric < best * (1 - Threshold),
        (PlateauMode.Min, ThresholdMode.Abs) => metric < best - Threshold,
        (PlateauMode.Max, ThresholdMode.Rel) => metric > best * (Threshold + 1),
        _ => metric > best + Threshold,
    };
}

/// <summary>
/// An immutable reduce-on-plateau state. <see cref="Observe"/> is the pure transition <c>(state, metric) → state</c>;
/// <see cref="Rate"/> is the rate in force, and <see cref="Apply"/> scales any schedule by the reduction so far.
/// A NaN metric never counts as an improvement (as in PyTorch).
/// </summary>
/// <param name="Policy">The rules.</param>
/// <param name="Rate">The rate in force now.</param>
/// <param name="InitialRate">The rate before any reduction.</param>
/// <param name="Best">The best metric so far (±∞ before the first).</param>
/// <param name="BadObservations">Observations since the last improvement.</param>
/// <param name="CooldownLeft">Observations still to ignore after a reduction.</param>
public sealed record PlateauState(PlateauPolicy Policy, double Rate, double InitialRate, double Best, int BadObservations, int CooldownLeft)
{
    /// <summary>The state after seeing <paramref name="metric"/> (e.g. the validation loss at the end of an epoch).</summary>
    public PlateauState Observe(double metric)
    {
        double best = Best;
        int bad = BadObservations + 1;
        if (Policy.IsBetter(metric, best))
        {
            best = metric;
            bad = 0;
        }
        int cooldown = CooldownLeft;
        if (cooldown > 0)
        {
            cooldown--;
            bad = 0;
        }
        double rate = Rate;
        if (bad > Policy.Patience)
        {
            double reduced = Math.Max(Rate * Policy.Factor, Policy.MinRate);
            if (Rate - reduced > Policy.Eps) rate = reduced;
            cooldown = Policy.Cooldown;
            bad = 0;
        }
        return this with { Rate = rate, Best = best, BadObservations = bad, CooldownLeft = cooldown };
    }

    /// <summary>The reduction so far, <c>Rate / InitialRate</c> (1 when the initial rate is 0).</summary>
    public double Factor => InitialRate == 0 ? 1 : Rate / InitialRate;

    /// <summary>Scales <paramref name="schedule"/> by the reduction so far: plateau control on top of any shape.</summary>
    public Schedule Apply(Schedule schedule) => schedule.Scale(Factor);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"plateau rate={Rate:R} best={Best:R} bad={BadObservations} cooldown={CooldownLeft}");
}

