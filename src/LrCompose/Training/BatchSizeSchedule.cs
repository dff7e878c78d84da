using System.Collections.Immutable;
using System.Globalization;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>One stage of a <see cref="BatchSizeSchedule"/>: from <see cref="Threshold"/> consumed samples (or tokens)
/// on, each update takes <see cref="BatchSize"/> samples.</summary>
/// <param name="Threshold">Samples (or tokens, see <see cref="BatchSizeSchedule.InTokens"/>) consumed before this stage starts.</param>
/// <param name="BatchSize">Samples per optimizer update in this stage.</param>
public readonly record struct BatchSizeStage(long Threshold, long BatchSize);

/// <summary>
/// The global batch size over training, as Megatron-LM's <c>--step-batch-size-schedule "0:768 250B:1536"</c>: stages
/// whose thresholds are consumed samples (or tokens), each with the batch size that holds once training has consumed
/// that many. The batch of an update is the one of the last threshold the samples consumed before it have reached, so
/// steps, samples and tokens convert exactly: <see cref="SamplesAt"/> sums the batch sizes of the updates before a step,
/// <see cref="StepForSamples"/> inverts it.
/// </summary>
/// <remarks>Thresholds in tokens are converted to samples as Megatron does, by whole division by
/// <see cref="TokensPerSample"/> (rounded down). Megatron reads <c>1.5B</c> through a float; here the digits are read
/// exactly, which gives the same number for every threshold a float holds exactly.</remarks>
public sealed class BatchSizeSchedule
{
    private readonly long[] _startSteps;   // the step each stage starts at
    private readonly long[] _startSamples; // the samples consumed when it starts (≥ its threshold in samples)

    /// <summary>A schedule of <paramref name="stages"/> (thresholds strictly increasing from 0, batch sizes ≥ 1).</summary>
    /// <param name="stages">The stages, the first at threshold 0.</param>
    /// <param name="tokensPerSample">When given, the thresholds count tokens of this many per sample (the sequence length).</param>
    public BatchSizeSchedule(IEnumerable<BatchSizeStage> stages, long? tokensPerSample = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = [.. stages];
        if (Stages.Length == 0) throw Guard.Fail(nameof(stages), "[]", "must have at least one stage");
        if (Stages[0].Threshold != 0) throw Guard.Fail(nameof(stages), Show(Stages), $"must start at threshold 0, not {Stages[0].Threshold}");
        for (int i = 0; i < Stages.Length; i++)
        {
            if (Stages[i].BatchSize < 1) throw Guard.Fail(nameof(stages), Show(Stages), $"has batch size {Stages[i].BatchSize} at stage {i + 1}: every batch size must be at least 1");
            if (i > 0 && Stages[i].Threshold <= Stages[i - 1].Threshold)
                throw Guard.Fail(nameof(stages), Show(Stages), $"has threshold {Stages[i].Threshold} after {Stages[i - 1].Threshold}: thresholds must increase strictly");
        }
        if (tokensPerSample is { } n && n < 1) throw Guard.Fail(nameof(tokensPerSample), n.ToString(CultureInfo.InvariantCulture), "must be at least 1");
        TokensPerSample = tokensPerSample;

        // Each stage starts at the first update whose consumed samples reach its threshold; a stage the previous one
        // overshoots entirely is never in force (it starts and ends at the same step).
        _startSteps = new long[Stages.Length];
        _startSamples = new long[Stages.Length];
        for (int i = 1; i < Stages.Length; i++)
        {
            long threshold = ThresholdInSamples(i);
            long gap = Math.Max(0, threshold - _startSamples[i - 1]);
            long updates = gap / Stages[i - 1].BatchSize + (gap % Stages[i - 1].BatchSize == 0 ? 0 : 1);
            _startSteps[i] = checked(_startSteps[i - 1] + updates);
            _startSamples[i] = checked(_startSamples[i - 1] + updates * Stages[i - 1].BatchSize);
        }
    }

    /// <summary>One batch size for the whole run.</summary>
    public static BatchSizeSchedule Constant(long batchSize) => new([new BatchSizeStage(0, batchSize)]);

    /// <summary>The stages, thresholds as given.</summary>
    public ImmutableArray<BatchSizeStage> Stages { get; }

    /// <summary>Tokens per sample when the thresholds count tokens; null when they count samples.</summary>
    public long? TokensPerSample { get; }

    /// <summary>True when the thresholds count tokens.</summary>
    public bool InTokens => TokensPerSample is not null;

    /// <summary>The batch size of the first update (the reference of the learning-rate rescaling rules).</summary>
    public long InitialBatchSize => Stages[0].BatchSize;

    /// <summary>Samples the update at <paramref name="step"/> takes.</summary>
    public long BatchAt(long step) => Stages[StageAt(NonNegative(step))].BatchSize;

    /// <summary>Micro-batches each process accumulates for the update at <paramref name="step"/> (Megatron's
    /// <c>num_microbatches</c>): the batch over micro-batch size × data-parallel processes, which must divide it.</summary>
    /// <param name="step">The optimizer step.</param>
    /// <param name="samplesPerMicroBatch">Samples each process feeds forward per micro-batch (≥ 1).</param>
    /// <param name="worldSize">Data-parallel processes (≥ 1).</param>
    /// <exception cref="ArgumentException">The batch of that step is not a whole number of micro-batches on every process.</exception>
    public long AccumulationAt(long step, long samplesPerMicroBatch, long worldSize = 1)
    {
        Guard.Check(samplesPerMicroBatch, Rules.Count(samplesPerMicroBatch));
        Guard.Check(worldSize, Rules.Count(worldSize));
        long batch = BatchAt(step);
        long perRound = samplesPerMicroBatch <= long.MaxValue / worldSize ? samplesPerMicroBatch * worldSize : long.MaxValue;
        return batch % perRound == 0 && batch >= perRound ? batch / perRound
            : throw Guard.Fail(nameof(samplesPerMicroBatch), samplesPerMicroBatch.ToString(CultureInfo.InvariantCulture),
                $"times {worldSize} processes does not divide the batch of {batch} samples at step {step}");
    }

    /// <summary>Samples consumed by the updates before <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">That many samples are more than a long holds.</exception>
    public long SamplesAt(long step)
    {
        int i = StageAt(NonNegative(step));
        long more = step - _startSteps[i];
        long batch = Stages[i].BatchSize;
        return more <= (long.MaxValue - _startSamples[i]) / batch
            ? _startSamples[i] + more * batch
            : throw Guard.Fail(nameof(step), step.ToString(CultureInfo.InvariantCulture), "consumes more samples than a long holds");
    }

    /// <summary>Tokens consumed by the updates before <paramref name="step"/>, at <paramref name="tokensPerSample"/>.</summary>
    public long TokensAt(long step, long tokensPerSample)
    {
        Guard.Check(tokensPerSample, Rules.Count(tokensPerSample));
        long samples = SamplesAt(step);
        return samples <= long.MaxValue / tokensPerSample
            ? samples * tokensPerSample
            : throw Guard.Fail(nameof(step), step.ToString(CultureInfo.InvariantCulture), $"consumes more tokens than a long holds at {tokensPerSample} a sample");
    }

    /// <summary>The first step by which <paramref name="samples"/> samples have been consumed (a partial update counts,
    /// as in <see cref="TrainingClock.StepsForSamples"/>): the least step s with <c>SamplesAt(s) ≥ samples</c>.</summary>
    public long StepForSamples(long samples)
    {
        Guard.Check(samples, Rules.NonNegativeSteps(samples));
        int i = _startSamples.Length - 1;
        while (i > 0 && _startSamples[i] > samples) i--;
        long gap = samples - _startSamples[i];
        long batch = Stages[i].BatchSize;
        return _startSteps[i] + gap / batch + (gap % batch == 0 ? 0 : 1);
    }

    /// <summary>The first step by which <paramref name="tokens"/> tokens have been consumed at <paramref name="tokensPerSample"/>.</summary>
    public long StepForTokens(long tokens, long tokensPerSample)
    {
        Guard.Check(tokensPerSample, Rules.Count(tokensPerSample));
        Guard.Check(tokens, Rules.NonNegativeSteps(tokens));
        return StepForSamples(tokens / tokensPerSample + (tokens % tokensPerSample == 0 ? 0 : 1));
    }

    /// <summary>The step at which each stage comes into force (a stage the previous one overshoots starts and ends at once).</summary>
    public ImmutableArray<long> StageStarts => [.. _startSteps];

    /// <summary>Reads Megatron's form: <c>THRESHOLD:BATCH</c> pairs separated by spaces or commas, numbers with an
    /// optional K (10³), M (10⁶), B (10⁹) or T (10¹²) suffix; pairs in any order, as Megatron sorts them.</summary>
    /// <param name="text">The schedule, e.g. <c>"0:768 250B:1536"</c>.</param>
    /// <param name="tokensPerSample">When given, the thresholds count tokens.</param>
    /// <exception cref="FormatException">A pair or a number that cannot be read (the message names it).</exception>
    public static BatchSizeSchedule Parse(string text, long? tokensPerSample = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<BatchSizeStage>();
        foreach (string pair in text.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = pair.IndexOf(':');
            if (colon < 0) throw new FormatException($"batch-size stage '{pair}' is not THRESHOLD:BATCH (e.g. 250B:1536)");
            stages.Add(new BatchSizeStage(Number(pair[..colon], pair), Number(pair[(colon + 1)..], pair)));
        }
        return new BatchSizeSchedule(stages.OrderBy(s => s.Threshold), tokensPerSample);
    }

    /// <summary>Megatron's form, each threshold with the largest suffix that writes it exactly; parses back to an equal schedule.</summary>
    public override string ToString() => string.Join(" ", Stages.Select(s => $"{Suffixed(s.Threshold)}:{Suffixed(s.BatchSize)}"));

    private long ThresholdInSamples(int stage) => TokensPerSample is { } n ? Stages[stage].Threshold / n : Stages[stage].Threshold;

    private int StageAt(long step)
    {
        int i = _startSteps.Length - 1;
        while (i > 0 && _startSteps[i] > step) i--;
        return i;
    }

    private static long NonNegative(long step) => Guard.Check(step, Rules.NonNegativeSteps(step));

    private static long Number(string text, string pair)
    {
        string digits = text.Trim().ToUpperInvariant();
        decimal multiplier = digits.Length > 0 ? digits[^1] switch { 'K' => 1e3m, 'M' => 1e6m, 'B' => 1e9m, 'T' => 1e12m, _ => 1m } : 1m;
        if (multiplier != 1m) digits = digits[..^1];
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            throw new FormatException($"batch-size stage '{pair}': '{text}' is not a whole number with an optional K, M, B or T suffix");
        decimal whole = decimal.Truncate(value * multiplier); // Megatron's int(float(…)) rounds towards zero
        return whole <= long.MaxValue ? (long)whole : throw new FormatException($"batch-size stage '{pair}': '{text}' is more than a long holds");
    }

    private static string Suffixed(long n)
    {
        foreach (var (suffix, size) in new[] { ("T", 1_000_000_000_000L), ("B", 1_000_000_000L), ("M", 1_000_000L), ("K", 1_000L) })
            if (n != 0 && n % size == 0) return (n / size).ToString(CultureInfo.InvariantCulture) + suffix;
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static string Show(ImmutableArray<BatchSizeStage> stages) => string.Join(" ", stages.Select(s => $"{s.Threshold}:{s.BatchSize}"));
}
