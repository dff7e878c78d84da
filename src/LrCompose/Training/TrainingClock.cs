using System.Globalization;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// Where training is, in the unit a schedule counts: applied optimizer updates. An immutable value: every event
/// (<see cref="MicroBatch"/>, <see cref="Update"/>) returns the next clock, so a checkpoint is just the clock.
/// </summary>
/// <remarks>
/// <para>The step is <c>Origin + AppliedUpdates</c>. Micro-batches only advance it when the gradient accumulation is
/// complete and the update is applied; an update the optimizer skipped (mixed precision found an inf or NaN gradient)
/// does not advance it. World size and accumulation are in the conversion from samples, tokens and epochs to updates,
/// so an epoch-based recipe cannot be driven per micro-batch by mistake: <see cref="UpdatesPerEpoch"/> is the one door.</para>
/// </remarks>
public sealed record TrainingClock
{
    /// <summary>A clock at step <paramref name="origin"/>.</summary>
    /// <param name="samplesPerMicroBatch">Samples each process feeds forward per micro-batch (≥ 1).</param>
    /// <param name="accumulation">Micro-batches per optimizer update (gradient accumulation, ≥ 1).</param>
    /// <param name="worldSize">Data-parallel processes (≥ 1); each update consumes every process's micro-batches.</param>
    /// <param name="origin">The schedule step of the first update (explicit: 0 for a fresh run).</param>
    public TrainingClock(long samplesPerMicroBatch = 1, long accumulation = 1, long worldSize = 1, long origin = 0)
    {
        SamplesPerMicroBatch = Guard.Check(samplesPerMicroBatch, Rules.Count(samplesPerMicroBatch));
        Accumulation = Guard.Check(accumulation, Rules.Count(accumulation));
        WorldSize = Guard.Check(worldSize, Rules.Count(worldSize));
        Origin = Guard.Check(origin, Rules.NonNegativeSteps(origin));
        // b·a·w samples an update: refused, not overflowed, when it does not fit in a long.
        SamplesPerUpdate = samplesPerMicroBatch <= long.MaxValue / accumulation / worldSize
            ? samplesPerMicroBatch * accumulation * worldSize
            : throw Guard.Fail(nameof(worldSize), Guard.Show(worldSize),
                $"makes {samplesPerMicroBatch}·{accumulation}·{worldSize} samples an update, more than a long holds");
    }

    /// <summary>Samples each process feeds forward per micro-batch.</summary>
    public long SamplesPerMicroBatch { get; }

    /// <summary>Micro-batches per optimizer update.</summary>
    public long Accumulation { get; }

    /// <summary>Data-parallel processes.</summary>
    public long WorldSize { get; }

    /// <summary>The schedule step of the first update.</summary>
    public long Origin { get; }

    /// <summary>Samples one optimizer update consumes: per micro-batch × accumulation × world size.</summary>
    public long SamplesPerUpdate { get; }

    /// <summary>Optimizer updates applied so far (skipped ones are not counted).</summary>
    public long AppliedUpdates { get; private init; }

    /// <summary>Updates the optimizer skipped (for logs: they never move the schedule).</summary>
    public long SkippedUpdates { get; private init; }

    /// <summary>Micro-batches accumulated towards the next update (0 … accumulation − 1).</summary>
    public long PendingMicroBatches { get; private init; }

    /// <summary>The schedule step in force: <c>Origin + AppliedUpdates</c>.</summary>
    public long Step => Origin + AppliedUpdates;

    /// <summary>True when the micro-batches of one update have been accumulated: call <see cref="Update"/> now.</summary>
    public bool UpdateDue => PendingMicroBatches == Accumulation;

    /// <summary>The rate the optimizer should use now.</summary>
    public double Rate(ISchedule schedule) => schedule.Rate(Step);

    /// <summary>One micro-batch fed forward and backward on every process.</summary>
    /// <exception cref="InvalidOperationException">An update is due: call <see cref="Update"/> first.</exception>
    public TrainingClock MicroBatch() => UpdateDue
        ? throw new InvalidOperationException($"the {Accumulation} micro-batches of an update are accumulated: call Update() before the next micro-batch")
        : this with { PendingMicroBatches = PendingMicroBatches + 1 };

    /// <summary>The optimizer step at the end of an accumulation: applied (the schedule moves on) or skipped (it does not).</summary>
    /// <param name="applied">False when the optimizer skipped the update (e.g. a mixed-precision overflow).</param>
    public TrainingClock Update(bool applied = true) => applied
        ? this with { AppliedUpdates = AppliedUpdates + 1, PendingMicroBatches = 0 }
        : this with { SkippedUpdates = SkippedUpdates + 1, PendingMicroBatches = 0 };

    /// <summary>Updates in an epoch over <paramref name="datasetSamples"/> samples: each process takes
    /// ⌈N / (b·w)⌉ micro-batches, and a partial accumulation at the end of the epoch still makes an update.</summary>
    public long UpdatesPerEpoch(long datasetSamples)
    {
        Guard.Check(datasetSamples, Rules.Count(datasetSamples));
        long microBatches = Ceiling(datasetSamples, SamplesPerMicroBatch * WorldSize);
        return Ceiling(microBatches, Accumulation);
    }

    /// <summary>Updates in <paramref name="epochs"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or that many epochs
    /// have more updates than a long holds.</exception>
    public long StepsForEpochs(long epochs, long datasetSamples)
    {
        Guard.Check(epochs, Rules.NonNegativeSteps(epochs));
        long perEpoch = UpdatesPerEpoch(datasetSamples);
        Guard.Check(epochs, Rules.StepProduct(epochs, perEpoch));
        return epochs * perEpoch;
    }

    /// <summary>Updates that consume <paramref name="samples"/> samples (rounded up: a partial update is an update).</summary>
    public long StepsForSamples(long samples) => Ceiling(Guard.Check(samples, Rules.NonNegativeSteps(samples)), SamplesPerUpdate);

    /// <summary>Updates that consume <paramref name="tokens"/> tokens at <paramref name="tokensPerSample"/> (GPT-3
    /// states its warmup as 375M tokens).</summary>
    public long StepsForTokens(long tokens, long tokensPerSample)
    {
        Guard.Check(tokensPerSample, Rules.Count(tokensPerSample));
        Guard.Check(tokens, Rules.NonNegativeSteps(tokens));
        // An update of more tokens than a long holds takes any token count there is in one update (none for none).
        if (SamplesPerUpdate > long.MaxValue / tokensPerSample) return tokens == 0 ? 0 : 1;
        return Ceiling(tokens, SamplesPerUpdate * tokensPerSample);
    }

    private static long Ceiling(long a, long b) => a / b + (a % b == 0 ? 0 : 1);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"step {Step} (origin {Origin}, {AppliedUpdates} applied, {SkippedUpdates} skipped, {PendingMicroBatches}/{Accumulation} micro-batches)");
}
