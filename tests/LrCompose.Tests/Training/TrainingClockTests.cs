using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Training;

/// <summary>Laws of the training clock: only applied updates move the schedule, and an epoch recipe driven per
/// micro-batch is the same recipe driven per epoch, for any accumulation, world size and dataset.</summary>
public class TrainingClockTests
{
    [Fact]
    public void A_skipped_update_never_advances_the_rate() =>
        Law.Holds(from s in ScheduleGen.Composed from k in Gen.Choose(1, 8) from events in Gen.ListOf(Gen.Elements(true, false)) select (s, k, events), x =>
        {
            var clock = new TrainingClock(accumulation: x.k);
            long applied = 0;
            foreach (bool ok in x.events)
            {
                for (int i = 0; i < x.k; i++)
                {
                    Assert.Equal(x.s.Rate(applied), clock.Rate(x.s));
                    clock = clock.MicroBatch();
                }
                double before = clock.Rate(x.s);
                clock = clock.Update(applied: ok);
                if (ok) applied++;
                else Assert.Equal(before, clock.Rate(x.s));
                Assert.Equal(applied, clock.Step);
            }
        });

    [Fact]
    public void An_epoch_recipe_driven_per_micro_batch_equals_it_driven_per_epoch() =>
        Law.Holds(from b in Gen.Choose(1, 16) from k in Gen.Choose(1, 8) from w in Gen.Choose(1, 4) from n in Gen.Choose(1, 400)
                  from epochs in Gen.Choose(1, 6) from recipe in Gen.Elements(
                      MultiStep(0.1, 0.1, 2, 4), StepDecay(0.1, 0.5, 2), Cosine(6, 0.1, 0.001), Warmup(1).Then(Linear(5, 0.1, 0)))
                  select (b, k, w, n, epochs, recipe), x =>
        {
            var clock = new TrainingClock(samplesPerMicroBatch: x.b, accumulation: x.k, worldSize: x.w);
            long perEpoch = clock.UpdatesPerEpoch(x.n);
            var bySteps = x.recipe.PerEpoch(perEpoch);
            long microBatchesPerEpoch = (x.n + x.b * x.w - 1) / (x.b * x.w);
            for (int epoch = 0; epoch < x.epochs; epoch++)
            {
                for (long m = 0; m < microBatchesPerEpoch; m++)
                {
                    // Every micro-batch of epoch e trains at the epoch recipe's rate for e.
                    Assert.Equal(x.recipe.Rate(epoch), clock.Rate(bySteps));
                    clock = clock.MicroBatch();
                    if (clock.UpdateDue || m == microBatchesPerEpoch - 1) clock = clock.Update();
                }
                Assert.Equal((epoch + 1) * perEpoch, clock.Step);
            }
        });

    [Theory]
    [InlineData(8, 4, 2, 64)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(3, 2, 5, 30)]
    public void Samples_per_update_multiply_micro_batch_accumulation_and_world_size(long b, long k, long w, long expected)
    {
        var clock = new TrainingClock(b, k, w);
        Assert.Equal(expected, clock.SamplesPerUpdate);
        Assert.Equal(1, clock.StepsForSamples(expected));
        Assert.Equal(2, clock.StepsForSamples(expected + 1));
    }

    [Fact]
    public void A_warmup_stated_in_tokens_becomes_updates()
    {
        // 2,048-token samples, 8 per micro-batch, 8 micro-batches, 8 processes: 1,048,576 tokens per update.
        var clock = new TrainingClock(samplesPerMicroBatch: 8, accumulation: 8, worldSize: 8);
        Assert.Equal(375, clock.StepsForTokens(375L * 1_048_576, tokensPerSample: 2048));
        Assert.Equal(376, clock.StepsForTokens(375L * 1_048_576 + 1, tokensPerSample: 2048));
    }

    [Fact]
    public void The_origin_is_where_the_schedule_starts_and_an_update_cannot_be_skipped_silently()
    {
        var clock = new TrainingClock(accumulation: 2, origin: 1000);
        Assert.Equal(1000, clock.Step);
        clock = clock.MicroBatch().MicroBatch();
        Assert.True(clock.UpdateDue);
        Assert.Throws<InvalidOperationException>(() => clock.MicroBatch());
        Assert.Equal(1001, clock.Update().Step);
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new TrainingClock(accumulation: 0));
    }
}
