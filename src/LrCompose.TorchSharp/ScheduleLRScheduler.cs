using static TorchSharp.torch.optim;

namespace LrCompose.TorchSharp;

/// <summary>
/// TorchSharp's <see cref="lr_scheduler.LRScheduler"/> type, driven by LrCompose schedules, for code that only
/// accepts that type. Like PyTorch's schedulers it sets step 0's values when constructed and moves one step per
/// <see cref="step()"/>; unlike them it computes every value from the step alone, so constructing it with
/// <c>startStep: k</c> resumes bit-identically (TorchSharp keeps the fields it would need internal, so this class keeps
/// its own step).
/// </summary>
public sealed class ScheduleLRScheduler : lr_scheduler.LRScheduler
{
    private readonly Optimizer _optimizer;
    private readonly ISchedule[] _rates;
    private readonly ISchedule[]? _momenta;

    /// <summary>Drives every param group with one schedule (and optionally its momentum) from <paramref name="startStep"/>.</summary>
    public ScheduleLRScheduler(Optimizer optimizer, ISchedule learningRate, ISchedule? momentum = null, long startStep = 0)
        : this(optimizer, Repeat(optimizer, learningRate), momentum is null ? null : Repeat(optimizer, momentum), startStep)
    {
    }

    /// <summary>Drives each param group with its own schedule (and optionally its own momentum schedule).</summary>
    public ScheduleLRScheduler(Optimizer optimizer, IReadOnlyList<ISchedule> learningRates, IReadOnlyList<ISchedule>? momenta = null, long startStep = 0)
        : base(optimizer ?? throw new ArgumentNullException(nameof(optimizer)))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startStep);
        _optimizer = optimizer;
        _rates = learningRates.ToArray();
        _momenta = momenta?.ToArray();
        Step = startStep;
        Apply();
    }

    /// <summary>The step whose values are in the optimizer now.</summary>
    public long Step { get; private set; }

    /// <summary>Moves to the next step and writes its values.</summary>
    public override void step() => step(null);

    /// <summary>Moves to the next step, or to <paramref name="epoch"/> when given, and writes its values.</summary>
    public override void step(int? epoch)
    {
        Step = epoch ?? Step + 1;
        Apply();
    }

    /// <summary>The values at the current step (TorchSharp calls this from its own bookkeeping).</summary>
    protected override IEnumerable<double> get_lr() => _rates.Select(r => r.Rate(Step));

    /// <inheritdoc />
    protected override IEnumerable<double> get_closed_form_lr() => get_lr();

    private void Apply() => _optimizer.ApplySchedules(Step, _rates, _momenta);

    private static ISchedule[] Repeat(Optimizer optimizer, ISchedule schedule) =>
        Enumerable.Repeat(schedule ?? throw new ArgumentNullException(nameof(schedule)), (optimizer ?? throw new ArgumentNullException(nameof(optimizer))).ParamGroups.Count()).ToArray();
}
