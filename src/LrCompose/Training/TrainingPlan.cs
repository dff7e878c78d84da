using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// Every hyperparameter a run schedules, as one immutable value: a schedule per field (learning rate, weight decay,
/// momentum or β₁, β₂, any named extra), optionally per parameter group — given outright or derived from the default
/// (<c>plan.Group("embeddings", lr => lr.Scale(0.1))</c>) — with an optional batch-size schedule and learning-rate
/// rescaling rule. Its text form (<see cref="ToString"/>, one recipe per line) and JSON form (<see cref="ToJson"/>)
/// parse back to a plan that evaluates bit for bit the same; <see cref="Fingerprint"/> names it in checkpoints.
/// </summary>
public sealed partial class TrainingPlan : IEquatable<TrainingPlan>
{
    private readonly string _text;

    /// <summary>A plan with no entries yet, with its options.</summary>
    /// <param name="batchSize">The global batch size over training (needed for entries per sample or per token, and for rescaling).</param>
    /// <param name="tokensPerSample">Tokens per sample (the sequence length), for entries per token; taken from
    /// <paramref name="batchSize"/> when its thresholds count tokens.</param>
    /// <param name="rescale">How the learning rate follows the batch size.</param>
    public TrainingPlan(BatchSizeSchedule? batchSize = null, long? tokensPerSample = null, LearningRateRescale rescale = LearningRateRescale.None)
        : this([], batchSize, Tokens(batchSize, tokensPerSample), rescale)
    {
    }

    private TrainingPlan(ImmutableArray<PlanEntry> entries, BatchSizeSchedule? batchSize, long? tokensPerSample, LearningRateRescale rescale)
    {
        if (!Enum.IsDefined(rescale)) throw Guard.Fail(nameof(rescale), rescale.ToString(), "must be None, Sqrt or Linear");
        if (rescale != LearningRateRescale.None && batchSize is null)
            throw Guard.Fail(nameof(rescale), rescale.ToString(), "rescales the learning rate by the batch size: the plan needs a batch-size schedule");
        foreach (var entry in entries)
        {
            if (entry.Unit != PlanUnit.Steps && batchSize is null)
                throw Guard.Fail("unit", entry.Unit.ToString(), $"counts consumed {entry.Unit.ToString().ToLowerInvariant()} for {entry.Key}, so the plan needs a batch-size schedule");
            if (entry.Unit == PlanUnit.Tokens && tokensPerSample is null)
                throw Guard.Fail("unit", entry.Unit.ToString(), $"counts tokens for {entry.Key}, so the plan needs tokens-per-sample");
        }
        Entries = entries;
        BatchSize = batchSize;
        TokensPerSample = tokensPerSample;
        Rescale = rescale;
        _text = Print();
    }

    /// <summary>A plan whose learning rate is <paramref name="learningRate"/> for every group.</summary>
    public static TrainingPlan Of(Schedule learningRate) => new TrainingPlan().With(PlanField.LearningRate, learningRate);

    /// <summary>The entries, in the order they were given (and printed).</summary>
    public ImmutableArray<PlanEntry> Entries { get; }

    /// <summary>The global batch size over training, if the plan has one.</summary>
    public BatchSizeSchedule? BatchSize { get; }

    /// <summary>Tokens per sample, if the plan counts tokens.</summary>
    public long? TokensPerSample { get; }

    /// <summary>How the learning rate follows the batch size.</summary>
    public LearningRateRescale Rescale { get; }

    /// <summary>The fields the plan schedules, each once, in order of first appearance.</summary>
    public IReadOnlyList<string> Fields => Entries.Select(e => e.Field).Distinct().ToArray();

    /// <summary>The param groups with entries of their own, in order of first appearance.</summary>
    public IReadOnlyList<string> Groups => Entries.Where(e => e.Group is not null).Select(e => e.Group!).Distinct().ToArray();

    /// <summary>The plan with <paramref name="field"/> scheduled by <paramref name="schedule"/> for every group without
    /// an entry of its own (replacing the default entry of that field, if there is one).</summary>
    public TrainingPlan With(string field, Schedule schedule, PlanUnit unit = PlanUnit.Steps) =>
        Put(new PlanEntry(PlanField.Check(field, nameof(field)), null, Unit(unit), schedule ?? throw new ArgumentNullException(nameof(schedule))));

    /// <summary>Param group <paramref name="group"/>'s learning rate derived from the default one:
    /// <c>Group("embeddings", lr => lr.Scale(0.1))</c>. The derived schedule is fixed here; it counts what the default counts.</summary>
    public TrainingPlan Group(string group, Func<Schedule, Schedule> derive) => Group(group, PlanField.LearningRate, derive);

    /// <summary>Param group <paramref name="group"/>'s <paramref name="field"/> derived from the default entry of that field.</summary>
    /// <exception cref="ArgumentException">The plan has no default entry for <paramref name="field"/>.</exception>
    public TrainingPlan Group(string group, string field, Func<Schedule, Schedule> derive)
    {
        PlanField.CheckGroup(group, nameof(group));
        PlanField.Check(field, nameof(field));
        ArgumentNullException.ThrowIfNull(derive);
        var source = Entries.FirstOrDefault(e => e.Group is null && e.Field == field)
                     ?? throw Guard.Fail(nameof(field), $"'{field}'", $"has no default entry to derive group {group}'s from: add it with With(\"{field}\", …) first");
        var derived = derive(source.Schedule) ?? throw new ArgumentException($"the derivation of group {group}'s {field} returned null", nameof(derive));
        return Put(source with { Group = group, Schedule = derived });
    }

    /// <summary>Param group <paramref name="group"/>'s <paramref name="field"/> given outright.</summary>
    public TrainingPlan Group(string group, string field, Schedule schedule, PlanUnit unit = PlanUnit.Steps) =>
        Put(new PlanEntry(PlanField.Check(field, nameof(field)), PlanField.CheckGroup(group, nameof(group)), Unit(unit),
            schedule ?? throw new ArgumentNullException(nameof(schedule))));

    /// <summary>The plan with another batch-size schedule (and tokens per sample).</summary>
    public TrainingPlan WithBatchSize(BatchSizeSchedule? batchSize, long? tokensPerSample = null) =>
        new(Entries, batchSize, Tokens(batchSize, tokensPerSample ?? (batchSize?.InTokens == true ? null : TokensPerSample)), Rescale);

    /// <summary>The plan with another learning-rate rescaling rule.</summary>
    public TrainingPlan WithRescale(LearningRateRescale rescale) => new(Entries, BatchSize, TokensPerSample, rescale);

    /// <summary>The entry that drives <paramref name="field"/> for <paramref name="group"/>: the group's own, else the
    /// default one; null when the plan does not schedule the field.</summary>
    public PlanEntry? Find(string field, string? group = null) =>
        (group is null ? null : Entries.FirstOrDefault(e => e.Group == group && e.Field == field))
        ?? Entries.FirstOrDefault(e => e.Group is null && e.Field == field);

    /// <summary>The value of <paramref name="field"/> for <paramref name="group"/> at <paramref name="step"/>, with the
    /// entry's unit and the rescaling rule applied.</summary>
    /// <exception cref="KeyNotFoundException">The plan does not schedule the field for that group.</exception>
    public double Value(string field, long step, string? group = null)
    {
        var entry = Find(field, group) ?? throw new KeyNotFoundException($"the plan does not schedule {field}{(group is null ? "" : $" for group {group}")}");
        return Evaluate(entry, Guard.Check(step, Rules.NonNegativeSteps(step)));
    }

    /// <summary>Every entry's value at <paramref name="step"/>, with the samples and tokens consumed before it.</summary>
    public PlanValues ValuesAt(long step)
    {
        Guard.Check(step, Rules.NonNegativeSteps(step));
        long? samples = BatchSize?.SamplesAt(step);
        long? tokens = TokensPerSample is { } n && BatchSize is { } b ? b.TokensAt(step, n) : null;
        var values = Entries.Select(e => new PlanValue(e, Evaluate(e, step))).ToImmutableArray();
        return new PlanValues(step, BatchSize?.BatchAt(step), samples, tokens, values);
    }

    /// <summary>SHA-256 of the text form: equal plans have equal fingerprints, and a checkpoint names its plan by it.</summary>
    public string Fingerprint => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text)));

    /// <summary>The text form: one line per option and per entry (<c>KEY: RECIPE</c>); <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => _text;

    /// <inheritdoc />
    public bool Equals(TrainingPlan? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TrainingPlan);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    private double Evaluate(PlanEntry entry, long step)
    {
        long at = entry.Unit switch
        {
            PlanUnit.Samples => BatchSize!.SamplesAt(step),
            PlanUnit.Tokens => BatchSize!.TokensAt(step, TokensPerSample!.Value),
            _ => step,
        };
        double value = entry.Schedule.Rate(at);
        if (entry.Field != PlanField.LearningRate || Rescale == LearningRateRescale.None) return value;
        // Rates are at most 1e100 and the ratio of two batch sizes at most 2^63: the product is always finite.
        double ratio = (double)BatchSize!.BatchAt(step) / BatchSize.InitialBatchSize;
        return value * (Rescale == LearningRateRescale.Sqrt ? Math.Sqrt(ratio) : ratio);
    }

    private TrainingPlan Put(PlanEntry entry)
    {
        int at = Entries.IndexOf(Entries.FirstOrDefault(e => e.Group == entry.Group && e.Field == entry.Field)!);
        return new(at >= 0 ? Entries.SetItem(at, entry) : Entries.Add(entry), BatchSize, TokensPerSample, Rescale);
    }

    private static PlanUnit Unit(PlanUnit unit) =>
        Enum.IsDefined(unit) ? unit : throw Guard.Fail(nameof(unit), unit.ToString(), "must be Steps, Samples or Tokens");

    private static long? Tokens(BatchSizeSchedule? batchSize, long? tokensPerSample)
    {
        if (tokensPerSample is { } n && n < 1) throw Guard.Fail(nameof(tokensPerSample), n.ToString(CultureInfo.InvariantCulture), "must be at least 1");
        if (batchSize?.TokensPerSample is { } fromBatch)
            return tokensPerSample is null || tokensPerSample == fromBatch ? fromBatch
                : throw Guard.Fail(nameof(tokensPerSample), tokensPerSample.Value.ToString(CultureInfo.InvariantCulture),
                    $"differs from the batch-size schedule's {fromBatch} tokens per sample");
        return tokensPerSample;
    }
}
