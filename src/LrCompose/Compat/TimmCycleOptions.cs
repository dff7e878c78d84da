namespace LrCompose;

/// <summary>
/// The cycle and warmup settings timm's cycling schedulers share (its <c>lr_min</c>, <c>cycle_mul</c>,
/// <c>cycle_decay</c>, <c>cycle_limit</c>, <c>warmup_t</c>, <c>warmup_lr_init</c>, <c>warmup_prefix</c>), by name, so a
/// call that sets two of them does not line up ten positions:
/// <c>Compat.Timm.CosineLRScheduler(0.1, 100, new() { LrMin = 1e-5, WarmupT = 5 })</c>.
/// Each default is the one of the positional <see cref="Compat.Timm.CosineLRScheduler(double, long, double, double, double, int, long, double, bool, double)"/>,
/// <see cref="Compat.Timm.TanhLRScheduler(double, long, double, double, double, double, double, int, long, double, bool)"/> and
/// <see cref="Compat.Timm.PolyLRScheduler(double, long, double, double, double, double, int, long, double, bool, double)"/>
/// (a test holds them together); the values are checked where they are used, under these names.
/// </summary>
public sealed record TimmCycleOptions
{
    /// <summary>The floor every cycle decays to, and the rate once the cycles are done (timm's <c>lr_min</c>).</summary>
    public double LrMin { get; init; }

    /// <summary>Each cycle is this many times as long as the one before (<c>cycle_mul</c>).</summary>
    public double CycleMul { get; init; } = 1;

    /// <summary>Each cycle's peak is this many times the one before; the floor does not decay (<c>cycle_decay</c>).</summary>
    public double CycleDecay { get; init; } = 1;

    /// <summary>How many cycles run before the rate stays at <see cref="LrMin"/> (<c>cycle_limit</c>).</summary>
    public int CycleLimit { get; init; } = 1;

    /// <summary>Steps of linear warmup from <see cref="WarmupLrInit"/> to the base rate (<c>warmup_t</c>).</summary>
    public long WarmupT { get; init; }

    /// <summary>The rate the warmup starts from (<c>warmup_lr_init</c>).</summary>
    public double WarmupLrInit { get; init; }

    /// <summary>Whether the cycles count from the end of the warmup; without it they run on the global step, so the
    /// warmup eats their first steps (<c>warmup_prefix</c>).</summary>
    public bool WarmupPrefix { get; init; }
}
