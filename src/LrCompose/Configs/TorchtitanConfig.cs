using System.Collections.Immutable;
using static LrCompose.Schedules;

namespace LrCompose.Configs;

/// <summary>
/// torchtitan's job file (TOML): <c>[lr_scheduler]</c> (<c>warmup_steps</c>, <c>decay_ratio</c>, <c>decay_type</c>
/// linear/sqrt/cosine, <c>min_lr_factor</c>), <c>[training] steps</c> and <c>[optimizer] lr</c>, as
/// <c>torchtitan/components/lr_scheduler.py</c> builds its <c>LambdaLR</c>.
/// </summary>
/// <remarks>
/// With T training steps, W warmup steps (at most T) and D decay steps (<c>round(T·decay_ratio)</c>, at most T − W,
/// or all of T − W), step s runs at: <c>(s + 1)/W</c> of the rate in the warmup, reaching it on the warmup's last step;
/// the rate for the stable steps, which include a "virtual last step" (<c>T + 1 − W − D</c> of them) so the decay's
/// progress <c>(s + 1 − W − S)/D</c> reaches 1 only at step T, after training; then <c>min_lr_factor</c> of the rate
/// (torchtitan does not define steps past T; LrCompose holds the floor).
/// </remarks>
public static class TorchtitanConfig
{
    private static readonly string[] SchedulerKeys = ["warmup_steps", "decay_ratio", "decay_type", "min_lr_factor", "lr_min"];

    /// <summary>Reads a torchtitan job file.</summary>
    /// <param name="toml">The file's text.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <param name="totalSteps">The training steps when <c>[training] steps</c> is not there.</param>
    /// <exception cref="ConfigFormatException">A TOML form the reader does not take in the tables it reads, an unknown
    /// <c>[lr_scheduler]</c> key, a value torchtitan would refuse, or no training steps.</exception>
    public static ImportedConfig Read(string toml, string source = "job.toml", long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(toml);
        ArgumentNullException.ThrowIfNull(source);
        var tables = MiniToml.Read(toml, source, new HashSet<string> { "lr_scheduler", "training", "optimizer" });
        var ignored = ImmutableArray.CreateBuilder<IgnoredKey>();
        foreach (var (name, table) in tables.OrderBy(t => t.Value.Line))
            if (name is not ("lr_scheduler" or "training" or "optimizer") && (name.Length > 0 || table.Members.Length > 0))
                ignored.Add(new(name.Length == 0 ? "(top level)" : "[" + name + "]", table.Line, table.Column, "not about the schedule"));

        var training = Section(tables, "training", source);
        long t = training.Whole("steps", 1) ?? totalSteps ?? throw training.Missing("steps", "is needed: the decay is counted to the end of training");
        foreach (var v in training.Unused()) ignored.Add(new(v.Path, v.Line, v.Column, "not about the schedule"));
        var optimizer = Section(tables, "optimizer", source);
        double lr = optimizer.Number("lr", 8e-4);
        if (lr < 0) throw optimizer.Fail(optimizer.Get("lr")!, "must be 0 or more");
        foreach (var v in optimizer.Unused()) ignored.Add(new(v.Path, v.Line, v.Column, "an optimizer setting, not scheduled"));

        var s = Section(tables, "lr_scheduler", source);
        var warmupValue = s.Get("warmup_steps");
        long warmup = s.Whole("warmup_steps", 200, 0);
        if (warmup > t)
            ignored.Add(new(warmupValue?.Path ?? "lr_scheduler.warmup_steps", warmupValue?.Line ?? s.Value.Line, warmupValue?.Column ?? s.Value.Column,
                $"torchtitan cuts the warmup of {warmup} steps to the {t} training steps"));
        warmup = Math.Min(warmup, t);
        long decay = t - warmup;
        if (s.Get("decay_ratio") is { } ratioValue)
        {
            double ratio = s.NumberOf(ratioValue);
            if (ratio is < 0 or > 1) throw s.Fail(ratioValue, "must be between 0 and 1");
            long rounded = (long)Math.Round(t * ratio, MidpointRounding.ToEven);
            if (warmup + rounded > t) ignored.Add(new(ratioValue.Path, ratioValue.Line, ratioValue.Column, $"torchtitan cuts the decay of {rounded} steps to the {t - warmup} left after the warmup"));
            decay = Math.Min(rounded, t - warmup);
        }
        string type = s.Choice("decay_type", "linear", "linear", "sqrt", "cosine");
        var factorValue = s.Get("min_lr_factor");
        var olderValue = s.Get("lr_min");
        if (factorValue is not null && olderValue is not null) throw s.Fail(olderValue, "contradicts min_lr_factor: lr_min is its older name, give one");
        var minValue = factorValue ?? olderValue;
        double factor = minValue is null ? 0 : s.NumberOf(minValue);
        if (factor is < 0 or > 1) throw s.Fail(minValue!, "must be between 0 and 1");
        s.RefuseUnknown("torchtitan's [lr_scheduler]", SchedulerKeys);

        long stable = t + 1 - warmup - decay;
        double floor = lr * factor;
        Schedule rate;
        try
        {
            // The decay's progress is (τ + 1)/D at its step τ: the shape entered one step in.
            Schedule down = decay <= 1 ? Constant(decay == 1 ? floor : lr) : type switch
            {
                "sqrt" => OneMinusSqrt(decay, lr, floor).Shift(-1) >> Constant(floor),
                "cosine" => Cosine(decay, lr, floor).Shift(-1) >> Constant(floor),
                _ => Linear(decay, lr, floor).Shift(-1) >> Constant(floor),
            };
            Schedule tail = Constant(lr).Take(stable) >> down;
            rate = warmup > 0 ? Schedules.Warmup(warmup, 0, WarmupShape.Linear, WarmupCount.FromOne) >> tail : tail;
        }
        catch (ArgumentException e)
        {
            throw new ConfigFormatException(source, "lr_scheduler", s.Value.Line, s.Value.Column, $"gives a schedule LrCompose refuses: {e.Message}");
        }
        return new(ConfigFormat.Torchtitan, rate, ImmutableSortedDictionary<string, Schedule>.Empty, ignored.ToImmutable(), t);
    }

    private static ConfigSection Section(ImmutableDictionary<string, ConfigValue> tables, string name, string source) =>
        new(source, tables.GetValueOrDefault(name) ?? new ConfigValue(ConfigKind.Object, name, 1, 1, "", [], []));
}
