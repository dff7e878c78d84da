using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LrCompose.Configs;

/// <summary>
/// Writes a schedule as a Hugging Face, DeepSpeed or Megatron-LM configuration, wherever the framework can express it.
/// </summary>
/// <remarks>
/// The writer reads the schedule's landmarks over its training steps (the peak, where the warmup reaches it, where the
/// decay leaves it and the value it ends at), writes each configuration of the framework those landmarks allow, reads
/// each back with the framework's reader and keeps the first that gives the schedule's numbers at every step (within
/// <c>1e-12 + 1e-9·|v|</c>). So whatever it writes reproduces the schedule, and <c>config → schedule → config</c> gives
/// the same numbers. DeepSpeed's scheduler steps after each update, so its schedules start one update late: a
/// schedule that DeepSpeed gives one update late is written with a note saying so. What no configuration of the
/// framework gives is refused, naming why.
/// </remarks>
public static partial class ConfigWriter
{
    /// <summary>The most steps the writer compares over.</summary>
    public const long MaxSteps = 10_000_000;

    /// <summary>Writes <paramref name="schedule"/> as a configuration of <paramref name="format"/>.</summary>
    /// <param name="schedule">The learning rate.</param>
    /// <param name="format">Hugging Face, DeepSpeed or Megatron-LM.</param>
    /// <param name="totalSteps">The training steps (default: the schedule's length, or where its final constant starts).</param>
    /// <exception cref="ArgumentException">The framework cannot express the schedule (the message says why), or the
    /// steps are not known.</exception>
    public static ExportedConfig Write(Schedule schedule, ConfigFormat format, long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (format == ConfigFormat.Torchtitan) throw new ArgumentException("writing torchtitan job files is not supported; the formats are hf, deepspeed and megatron", nameof(format));
        long steps = Steps(schedule, totalSteps);
        string recipe = schedule.ToString();
        if (format == ConfigFormat.Megatron && CycleWord().IsMatch(recipe))
            throw Refuse(recipe, format, "Megatron-LM's schedules do not repeat, and this one cycles");
        var marks = Landmarks.Of(schedule, steps);
        // The peak is the largest rate reached, or the bound the schedule is built to (a warmup's target that a
        // framework's counting steps over).
        // The start is the first update's rate, or the second's (DeepSpeed's cosine starts its warmup one update in).
        var variants = new[] { marks, marks with { Peak = schedule.Max } }
            .SelectMany(m => new[] { m, m with { Start = schedule.Rate(1) } }).Distinct();
        var candidates = variants.SelectMany(m => format switch
        {
            ConfigFormat.HuggingFace => HuggingFace(m),
            ConfigFormat.DeepSpeed => DeepSpeed(m),
            _ => Megatron(m),
        });
        foreach (var (text, notes) in candidates)
        {
            ImportedConfig imported;
            try
            {
                imported = TrainingConfig.Read(text, "written", format, steps);
            }
            catch (Exception e) when (e is ConfigFormatException or ArgumentException)
            {
                continue;
            }
            if (Same(imported.LearningRate, schedule, steps, lag: 0))
                return new(format, text, steps, [.. notes, .. After(imported.LearningRate, schedule, steps, 0)]);
            if (format == ConfigFormat.DeepSpeed && Same(imported.LearningRate, schedule, steps, lag: 1))
                return new(format, text, steps, [.. notes, "DeepSpeed runs it one update late: its scheduler steps after each update, so its first two updates share the start rate"]);
        }
        throw Refuse(recipe, format, Why(marks, format));
    }

    [GeneratedRegex(@"\b(cycle|sgdr|triangular)\b")]
    private static partial Regex CycleWord();

    private static long Steps(Schedule schedule, long? totalSteps)
    {
        long steps = totalSteps ?? schedule.Length ?? (EndsAtAFloor(schedule)
            ? schedule.Phases[^1].Start
            : throw new ArgumentException($"{schedule} goes on for ever: give the total steps to write it as a configuration", nameof(totalSteps)));
        if (steps is < 1 or > MaxSteps) throw new ArgumentException($"totalSteps was {steps}: it must be from 1 to {MaxSteps}", nameof(totalSteps));
        return steps;
    }

    /// <summary>
    /// Whether a schedule that never ends settles at a floor it decays into (a cosine's or a step decay's last value),
    /// so that training ends where that constant starts. A constant it rises into (<c>warmup 100 >> constant 1e-3</c>)
    /// is where training happens, however long: that length must be given.
    /// </summary>
    private static bool EndsAtAFloor(Schedule schedule) =>
        FinalConstantStart(schedule) is { } start && start >= 1 && schedule.Rate(start - 1) >= schedule.Phases[^1].Schedule.Min;

    /// <summary>Where a schedule of several phases settles on the constant it ends with, if it does.</summary>
    private static long? FinalConstantStart(Schedule schedule)
    {
        var last = schedule.Phases[^1];
        return schedule.Phases.Count > 1 && last.Schedule.Min == last.Schedule.Max ? last.Start : null;
    }

    private static ArgumentException Refuse(string recipe, ConfigFormat format, string why) =>
        new($"{recipe} cannot be written as a {Name(format)} configuration: {why}", "schedule");

    private static string Name(ConfigFormat format) => format switch
    {
        ConfigFormat.HuggingFace => "Hugging Face",
        ConfigFormat.DeepSpeed => "DeepSpeed",
        _ => "Megatron-LM",
    };

    private static string Why(Landmarks m, ConfigFormat format) => format switch
    {
        ConfigFormat.HuggingFace when m.Start != 0 && m.Warmup > 0 => $"transformers' warmups start at 0, and this one starts at {Show(m.Start)}",
        ConfigFormat.HuggingFace => "no lr_scheduler_type gives its numbers (constant, linear, cosine, cosine_with_min_lr, polynomial, inverse_sqrt or warmup_stable_decay with a linear warmup from 0)",
        ConfigFormat.DeepSpeed => "no scheduler of WarmupLR, WarmupDecayLR or WarmupCosineLR gives its numbers (a log or linear warmup, then constant, linear or cosine)",
        _ => "no --lr-decay-style gives its numbers (a linear warmup, then constant, linear, cosine, inverse-square-root or WSD)",
    };

    /// <summary>Where the written configuration differs after the training steps, if it does.</summary>
    private static IEnumerable<string> After(Schedule written, Schedule schedule, long steps, long lag)
    {
        long end = Math.Min(2 * steps, steps + 100_000);
        for (long t = steps; t < end; t++)
            if (!Close(written.Rate(t + lag), schedule.Rate(t)))
                return [$"past step {steps}, the configuration's rate differs from the schedule's (first at step {t}: {Show(written.Rate(t + lag))} against {Show(schedule.Rate(t))})"];
        return [];
    }

    private static bool Same(Schedule written, Schedule schedule, long steps, long lag)
    {
        for (long t = 0; t < steps; t++)
            if (!Close(written.Rate(t + lag), schedule.Rate(t))) return false;
        return true;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 + 1e-9 * Math.Abs(b);

    internal static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>What the candidates are written from: the values at the schedule's turning points.</summary>
    private sealed record Landmarks(long Steps, double Start, double Peak, long Warmup, long StableEnd, long DecayEnd, double Floor)
    {
        public static Landmarks Of(Schedule s, long steps)
        {
            double peak = double.NegativeInfinity;
            for (long t = 0; t < steps; t++) peak = Math.Max(peak, s.Rate(t));
            long warmup = 0;
            while (warmup < steps && s.Rate(warmup) < peak) warmup++;
            long stableEnd = warmup;
            for (long t = warmup; t < steps; t++) if (s.Rate(t) == peak) stableEnd = t;
            // Training may stop before the decay ends (Megatron's --train-iters below --lr-decay-iters): the floor and
            // the decay's end are the schedule's own, where its final constant starts, not where training stops.
            long decayHorizon = steps;
            if (s.Length is { } length && length > steps && length <= MaxSteps) decayHorizon = length;
            else if (FinalConstantStart(s) is { } start && start > steps && start <= MaxSteps) decayHorizon = start;
            double floor = s.Rate(decayHorizon);
            // The decay ends where the floor is reached exactly (a cosine is within rounding of it for many steps before).
            long decayEnd = decayHorizon;
            for (long t = stableEnd; t <= decayHorizon; t++) if (s.Rate(t) == floor) { decayEnd = t; break; }
            return new(steps, s.Rate(0), peak, warmup, stableEnd, decayEnd, floor);
        }
    }

    private static IEnumerable<(string Text, string[] Notes)> HuggingFace(Landmarks m)
    {
        string Args(string type, long warmup, string? kwargs = null) =>
            "{\"learning_rate\": " + Show(m.Peak) + ", \"lr_scheduler_type\": \"" + type + "\", \"warmup_steps\": " + warmup + ", \"max_steps\": " + m.Steps
            + (kwargs is null ? "" : ", \"lr_scheduler_kwargs\": " + kwargs) + "}";
        double ratio = m.Peak > 0 ? m.Floor / m.Peak : 0;
        foreach (long w in Around(m.Warmup))
        {
            yield return (Args("constant", 0), []);
            yield return (Args("constant_with_warmup", w), []);
            yield return (Args("linear", w), []);
            yield return (Args("cosine", w), []);
            yield return (Args("cosine_with_min_lr", w, $$"""{"min_lr_rate": {{Show(ratio)}}}"""), []);
            foreach (double power in new[] { 1.0, 2.0, 0.5, 3.0 })
                yield return (Args("polynomial", w, $$"""{"lr_end": {{Show(m.Floor)}}, "power": {{Show(power)}}}"""), []);
            yield return (Args("inverse_sqrt", w), []);
            long decay = m.DecayEnd - m.StableEnd - 1;
            foreach (long d in new[] { decay, decay + 1, m.DecayEnd - m.StableEnd })
                if (d >= 1 && m.StableEnd + 1 - w >= 0)
                    foreach (string warmupType in new[] { "linear", "cosine", "1-sqrt" })
                    foreach (string decayType in new[] { "linear", "cosine", "1-sqrt" })
                        yield return (Args("warmup_stable_decay", w, $$"""{"num_decay_steps": {{d}}, "num_stable_steps": {{Math.Max(0, m.DecayEnd - d - w)}}, "warmup_type": "{{warmupType}}", "decay_type": "{{decayType}}", "min_lr_ratio": {{Show(ratio)}}}"""), []);
        }
    }

    private static IEnumerable<(string Text, string[] Notes)> DeepSpeed(Landmarks m)
    {
        string Block(string type, string parameters) =>
            "{\"optimizer\": {\"type\": \"AdamW\", \"params\": {\"lr\": " + Show(m.Peak) + "}}, \"scheduler\": {\"type\": \"" + type + "\", \"params\": {" + parameters + "}}}";
        foreach (long w in Around(m.Warmup).Concat(Around(m.Warmup - 1)).Distinct().Where(w => w >= 1))
        foreach (string kind in new[] { "log", "linear" })
        {
            string warmup = $"\"warmup_num_steps\": {w}, \"warmup_type\": \"{kind}\"";
            yield return (Block("WarmupLR", $"\"warmup_min_lr\": {Show(m.Start)}, \"warmup_max_lr\": {Show(m.Peak)}, {warmup}"), []);
            foreach (long total in new[] { m.DecayEnd, m.DecayEnd - 1, m.Steps })
            {
                yield return (Block("WarmupDecayLR", $"\"total_num_steps\": {total}, \"warmup_min_lr\": {Show(m.Start)}, \"warmup_max_lr\": {Show(m.Peak)}, {warmup}"), []);
                double ratio = m.Peak > 0 ? m.Floor / m.Peak : 0, startRatio = m.Peak > 0 ? m.Start / m.Peak : 0;
                yield return (Block("WarmupCosineLR", $"\"total_num_steps\": {total}, \"warmup_min_ratio\": {Show(startRatio)}, \"cos_min_ratio\": {Show(ratio)}, {warmup}"), []);
            }
        }
    }

    private static IEnumerable<(string Text, string[] Notes)> Megatron(Landmarks m)
    {
        string Flags(string style, long decay, string more = "") =>
            $"--lr {Show(m.Peak)} --min-lr {Show(m.Floor)} --lr-warmup-init {Show(m.Start)} --lr-warmup-iters {m.Warmup} --lr-decay-iters {decay} --lr-decay-style {style}{more} --train-iters {m.Steps}";
        long decayEnd = Math.Max(m.DecayEnd, m.Warmup + 1);
        yield return (Flags("constant", Math.Max(m.Steps, m.Warmup + 1)), []);
        foreach (long d in new[] { decayEnd, m.Steps }.Distinct().Where(d => d > m.Warmup))
        {
            yield return (Flags("linear", d), []);
            yield return (Flags("cosine", d), []);
        }
        foreach (long d in new[] { m.Steps, decayEnd, decayEnd - 1 })
            if (d > m.Warmup) yield return (Flags("inverse-square-root", d), []);
        foreach (string style in new[] { "linear", "cosine", "exponential", "minus_sqrt" })
            yield return (Flags("WSD", decayEnd, $" --lr-wsd-decay-style {style} --lr-wsd-decay-iters {Math.Max(1, decayEnd - m.StableEnd)}"), []);
    }

    /// <summary>A landmark and its neighbours: where a schedule reaches its peak depends on how the framework counts.</summary>
    private static IEnumerable<long> Around(long at) => new[] { at, at + 1, at - 1 }.Where(w => w >= 0).Distinct();
}
