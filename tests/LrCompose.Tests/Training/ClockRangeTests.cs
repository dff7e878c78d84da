namespace LrCompose.Tests.Training;

/// <summary>
/// The clock and the epoch converter at the edge of a long: the largest batch that fits is taken, one sample more is
/// refused by name; step counts past long.MaxValue are refused by name, never wrapped or thrown as an overflow.
/// </summary>
public class ClockRangeTests
{
    private const long Seventh = long.MaxValue / 7;   // 2^63 − 1 is 7 · 1317624576693539401

    [Fact]
    public void The_largest_update_that_fits_in_a_long_is_taken_and_one_more_sample_is_refused()
    {
        Assert.Equal(long.MaxValue, new TrainingClock(samplesPerMicroBatch: Seventh, accumulation: 7).SamplesPerUpdate);
        var e = Assert.ThrowsAny<ArgumentException>(() => new TrainingClock(samplesPerMicroBatch: Seventh + 1, accumulation: 7));
        Assert.Equal("worldSize", e.ParamName);
        Assert.Equal("worldSize was 1: it makes 1317624576693539402·7·1 samples an update, more than a long holds.", e.Message);
    }

    [Fact]
    public void Epochs_past_long_MaxValue_steps_are_refused_by_name()
    {
        Assert.Equal(long.MaxValue, new Epochs(Seventh).Steps(7));
        var e = Assert.ThrowsAny<ArgumentException>(() => new Epochs(Seventh).Steps(8));
        Assert.Equal("epochs was 8: it must keep the schedule within long.MaxValue (9223372036854775807) steps.", e.Message);
        Assert.Equal(0, default(Epochs).Steps(5));

        var clock = new TrainingClock();
        Assert.Equal(long.MaxValue, clock.StepsForEpochs(7, Seventh));
        var f = Assert.ThrowsAny<ArgumentException>(() => clock.StepsForEpochs(8, Seventh));
        Assert.Equal("epochs", f.ParamName);
    }

    [Fact]
    public void An_update_of_more_tokens_than_a_long_holds_takes_every_token_count_in_one_update()
    {
        var clock = new TrainingClock(samplesPerMicroBatch: Seventh, accumulation: 7);
        Assert.Equal(1, clock.StepsForTokens(long.MaxValue, tokensPerSample: 2));
        Assert.Equal(1, clock.StepsForTokens(1, tokensPerSample: 2));
        Assert.Equal(0, clock.StepsForTokens(0, tokensPerSample: 2));
        Assert.Equal(1, clock.StepsForTokens(long.MaxValue, tokensPerSample: 1));
        Assert.Equal(2, new TrainingClock(samplesPerMicroBatch: Seventh).StepsForTokens(Seventh + 1, tokensPerSample: 1));
    }
}
