namespace LrCompose;

/// <summary>Whose rules a learning-rate range test follows: smoothing, stop rule, trimming and suggestions.</summary>
public enum RangeTestRules
{
    /// <summary>
    /// fastai 2.8 (<c>Learner.lr_find</c>): debiased exponential smoothing with β = 0.98, stop after the first smoothed
    /// loss above 4× the best, suggestions on <c>[num_it/10 : −5]</c> cut at the first NaN: <c>valley</c> (the
    /// default), <c>slide</c>, <c>minimum</c> and <c>steep</c>; the sweep reaches <c>start·(end/start)^(i/N)</c>.
    /// </summary>
    Fastai,

    /// <summary>
    /// torch-lr-finder 0.2.2 (<c>LRFinder.range_test</c>): the first loss raw, then <c>0.05·loss + 0.95·previous</c>,
    /// stop after the first smoothed loss above 5× the best, the steepest gradient on <c>[10 : −5]</c>; the sweep
    /// reaches <c>start·(end/start)^(i/(N−1))</c>, so it ends on <c>end</c>.
    /// </summary>
    TorchLrFinder,
}
