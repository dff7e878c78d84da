using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

/// <summary>The curve a range-test sweep follows from its start rate to its end rate.</summary>
public enum SweepCurve
{
    /// <summary><c>start·(end/start)^p</c>: equal ratios per step, the usual choice.</summary>
    Exponential,
    /// <summary><c>start + (end − start)·p</c>.</summary>
    Linear,
}

public static partial class Recipes
{
    /// <summary>
    /// The sweep of a learning-rate range test (Smith 2017): from <paramref name="start"/> towards <paramref name="end"/>
    /// over <paramref name="iterations"/> steps, exponentially (the usual choice) or linearly, with the peer's
    /// convention for where it ends: fastai reaches <c>start·(end/start)^(i/N)</c> at iteration i (so <c>end</c> only
    /// after the last step), torch-lr-finder <c>start·(end/start)^(i/(N−1))</c> (so its last iteration is at
    /// <c>end</c>). It is an ordinary schedule: it prints, parses, plots and composes.
    /// </summary>
    /// <param name="start">The first rate (&gt; 0 for an exponential sweep).</param>
    /// <param name="end">The rate the sweep heads for (above <paramref name="start"/>).</param>
    /// <param name="iterations">The planned number of iterations (≥ 2).</param>
    /// <param name="rules">Whose convention: fastai's (the default) or torch-lr-finder's.</param>
    /// <param name="exponential">An exponential sweep (the default) or a linear one.</param>
    public static Schedule RangeSweep(double start, double end, long iterations, RangeTestRules rules = RangeTestRules.Fastai, bool exponential = true) =>
        RangeSweep(start, end, iterations, exponential ? SweepCurve.Exponential : SweepCurve.Linear, rules);

    /// <summary>
    /// <see cref="RangeSweep(double, double, long, RangeTestRules, bool)"/> with the curve named: <c>RangeSweep(1e-7, 10,
    /// 100, SweepCurve.Linear)</c> says what <c>exponential: false</c> leaves to the reader.
    /// </summary>
    /// <param name="start">The first rate (&gt; 0 for an exponential sweep).</param>
    /// <param name="end">The rate the sweep heads for (above <paramref name="start"/>).</param>
    /// <param name="iterations">The planned number of iterations (≥ 2).</param>
    /// <param name="curve">Exponential (the usual choice) or linear.</param>
    /// <param name="rules">Whose convention: fastai's (the default) or torch-lr-finder's.</param>
    public static Schedule RangeSweep(double start, double end, long iterations, SweepCurve curve, RangeTestRules rules = RangeTestRules.Fastai)
    {
        bool exponential = curve == SweepCurve.Exponential;
        Guard.Check(start, exponential ? Rules.PositiveFactor(start) : Rules.Rate(start));
        Guard.Check(end, Rules.Rate(end));
        if (!(end > start)) throw Guard.Fail(nameof(end), Guard.Show(end), $"must be above the start rate {Guard.Show(start)}");
        if (iterations < 2) throw Guard.Fail(nameof(iterations), Guard.Show(iterations), "must be at least 2");
        long span = rules == RangeTestRules.Fastai ? iterations : iterations - 1;
        var sweep = exponential ? Exponential(start, end / start, span, end: end) : Linear(span, start, end);
        return sweep.Take(iterations);
    }
}
