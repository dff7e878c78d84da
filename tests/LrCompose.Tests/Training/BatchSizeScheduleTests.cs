using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Training;

/// <summary>
/// The batch-size schedule against Megatron-LM's <c>StepBatchsizeNumMicroBatchesCalculator</c>: its rule (the batch of
/// an update is the one of the last threshold the consumed samples have reached; token thresholds are divided by the
/// sequence length, rounding down) simulated update by update, and the conversion laws between steps, samples and tokens
/// while the batch grows.
/// </summary>
public class BatchSizeScheduleTests
{
    /// <summary>Megatron's loop: before each update, look the batch up by the samples consumed so far, then consume it.</summary>
    private static List<(long Batch, long Consumed)> Megatron(BatchSizeStage[] stages, long? seqLength, int updates)
    {
        var thresholds = stages.Select(s => (Samples: seqLength is { } n ? s.Threshold / n : s.Threshold, s.BatchSize)).OrderBy(s => s.Samples).ToArray();
        var trace = new List<(long, long)>();
        long consumed = 0;
        for (int i = 0; i < updates; i++)
        {
            long batch = thresholds[0].BatchSize;
            foreach (var (threshold, size) in thresholds)
            {
                if (consumed >= threshold) batch = size;
                else break;
            }
            trace.Add((batch, consumed));
            consumed += batch;
        }
        return trace;
    }

    [Fact]
    public void Each_update_takes_the_batch_Megatron_gives_it() =>
        Law.Holds(from stages in TrainingPlanGen.Stages from seq in Gen.Elements<long?>(null, 3, 2048) select (stages, seq), x =>
        {
            var schedule = new BatchSizeSchedule(x.stages, x.seq);
            var trace = Megatron(x.stages, x.seq, 400);
            for (int step = 0; step < trace.Count; step++)
            {
                Assert.Equal(trace[step].Batch, schedule.BatchAt(step));
                Assert.Equal(trace[step].Consumed, schedule.SamplesAt(step));
            }
        });

    [Fact]
    public void Steps_samples_and_tokens_convert_exactly_while_the_batch_grows() =>
        Law.Holds(from stages in TrainingPlanGen.Stages from step in Gen.Choose(0, 1_000_000) from n in Gen.Choose(1, 4096) select (stages, step: (long)step, n: (long)n), x =>
        {
            var schedule = new BatchSizeSchedule(x.stages);
            long samples = schedule.SamplesAt(x.step);
            Assert.Equal(samples + schedule.BatchAt(x.step), schedule.SamplesAt(x.step + 1));
            // The first step by which that many samples were consumed is this one; one more sample needs the next update.
            Assert.Equal(x.step, schedule.StepForSamples(samples));
            Assert.Equal(x.step + 1, schedule.StepForSamples(samples + 1));
            Assert.Equal(samples * x.n, schedule.TokensAt(x.step, x.n));
            Assert.Equal(x.step, schedule.StepForTokens(samples * x.n, x.n));
            Assert.Equal(x.step + 1, schedule.StepForTokens(samples * x.n + 1, x.n));
        });

    [Fact]
    public void A_constant_batch_converts_as_the_training_clock_does() =>
        Law.Holds(from b in Gen.Choose(1, 5_000) from samples in Gen.Choose(0, int.MaxValue) from tokens in Gen.Choose(1, 4096) select (b, samples, tokens), x =>
        {
            var clock = new TrainingClock(samplesPerMicroBatch: x.b);
            var schedule = BatchSizeSchedule.Constant(x.b);
            Assert.Equal(clock.StepsForSamples(x.samples), schedule.StepForSamples(x.samples));
            Assert.Equal(clock.StepsForTokens(x.samples, x.tokens), schedule.StepForTokens(x.samples, x.tokens));
        });

    [Fact]
    public void Megatrons_example_reads_with_its_suffixes_and_token_thresholds()
    {
        // The docstring's example, thresholds in tokens at a sequence length of 4096.
        var schedule = BatchSizeSchedule.Parse("0:768 250B:1536 500B:3072 750B:6144", tokensPerSample: 4096);
        Assert.Equal([0L, 250_000_000_000, 500_000_000_000, 750_000_000_000], schedule.Stages.Select(s => s.Threshold));
        Assert.Equal([768L, 1536, 3072, 6144], schedule.Stages.Select(s => s.BatchSize));
        long firstSwitch = 250_000_000_000 / 4096;                      // Megatron: threshold // seq_length samples
        long updates = firstSwitch / 768 + (firstSwitch % 768 == 0 ? 0 : 1); // the first update that has consumed that many
        Assert.Equal(768, schedule.BatchAt(updates - 1));
        Assert.Equal(1536, schedule.BatchAt(updates));
        Assert.Equal(updates, schedule.StageStarts[1]);
        Assert.Equal("0:768 250B:1536 500B:3072 750B:6144", schedule.ToString());
        // K, M and T, decimals (Megatron's int(float(…)), exact here), commas, and pairs out of order.
        Assert.Equal([0L, 1_500, 2_000_000, 1_000_000_000_000], BatchSizeSchedule.Parse("1T:9, 0:1 2M:5 1.5K:3").Stages.Select(s => s.Threshold));
    }

    [Fact]
    public void Each_update_accumulates_the_batch_over_micro_batch_times_processes_as_Megatron_counts_it() =>
        Law.Holds(from micro in Gen.Choose(1, 8) from world in Gen.Choose(1, 8) from k in Gen.ArrayOf(Gen.Choose(1, 50), 3)
                  from step in Gen.Choose(0, 2_000) select (micro, world, k, step), x =>
        {
            // Batch sizes that are whole numbers of rounds, as Megatron's consistency check demands.
            long round = x.micro * x.world;
            var schedule = new BatchSizeSchedule([new(0, x.k[0] * round), new(1_000, x.k[1] * round), new(5_000, x.k[2] * round)]);
            Assert.Equal(schedule.BatchAt(x.step) / round, schedule.AccumulationAt(x.step, x.micro, x.world));
            Assert.Equal(schedule.BatchAt(x.step), schedule.AccumulationAt(x.step, x.micro, x.world) * x.micro * x.world);
        });

    [Fact]
    public void A_batch_that_is_not_whole_micro_batches_on_every_process_is_refused() =>
        Assert.Equal("samplesPerMicroBatch was 4: it times 2 processes does not divide the batch of 12 samples at step 3.",
            Assert.ThrowsAny<ArgumentException>(() => BatchSizeSchedule.Parse("0:8 16:12").AccumulationAt(3, 4, 2)).Message);

    [Fact]
    public void The_text_form_reads_back_to_an_equal_schedule() =>
        Law.Holds(TrainingPlanGen.BatchSize, b =>
        {
            var read = BatchSizeSchedule.Parse(b.ToString(), b.TokensPerSample);
            Assert.Equal(b.Stages.ToArray(), read.Stages.ToArray());
            Assert.Equal(b.StageStarts.ToArray(), read.StageStarts.ToArray());
        });

    [Fact]
    public void Bad_stages_are_refused_naming_the_rule()
    {
        Assert.Equal("stages was 5:8: it must start at threshold 0, not 5.", Assert.ThrowsAny<ArgumentException>(() => new BatchSizeSchedule([new(5, 8)])).Message);
        Assert.Equal("stages was 0:8 10:0: it has batch size 0 at stage 2: every batch size must be at least 1.",
            Assert.ThrowsAny<ArgumentException>(() => new BatchSizeSchedule([new(0, 8), new(10, 0)])).Message);
        Assert.Equal("stages was 0:8 10:16 10:32: it has threshold 10 after 10: thresholds must increase strictly.",
            Assert.ThrowsAny<ArgumentException>(() => new BatchSizeSchedule([new(0, 8), new(10, 16), new(10, 32)])).Message);
        Assert.Equal("stages was []: it must have at least one stage.", Assert.ThrowsAny<ArgumentException>(() => new BatchSizeSchedule([])).Message);
        Assert.Contains("'250X' is not a whole number", Assert.Throws<FormatException>(() => BatchSizeSchedule.Parse("0:8 250X:16")).Message);
        Assert.Contains("is not THRESHOLD:BATCH", Assert.Throws<FormatException>(() => BatchSizeSchedule.Parse("0:8 1000")).Message);
        Assert.ThrowsAny<ArgumentException>(() => BatchSizeSchedule.Constant(8).BatchAt(-1));
    }
}
