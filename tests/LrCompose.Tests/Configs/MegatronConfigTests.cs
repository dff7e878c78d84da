using LrCompose.Configs;

namespace LrCompose.Tests.Configs;

/// <summary>Megatron-LM's flags: the command-line forms, samples through the global batch, the warmup fraction of the
/// decay, the weight-decay increment, and the contradictions Megatron asserts against, against
/// <c>OptimizerParamScheduler.get_lr</c>/<c>get_wd</c> written out here.</summary>
public class MegatronConfigTests
{
    /// <summary><c>get_lr</c> at scheduler step n (linear or cosine decay).</summary>
    private static double MegatronLr(double n, double max, double min, double init, double warmup, double decay, bool cosine)
    {
        if (warmup > 0 && n <= warmup) return init + (max - init) * n / warmup;
        if (n > decay) return min;
        double ratio = (n - warmup) / (decay - warmup);
        double coeff = cosine ? 0.5 * (Math.Cos(Math.PI * ratio) + 1.0) : 1.0 - ratio;
        return min + coeff * (max - min);
    }

    [Fact]
    public void A_launcher_command_line_with_continuations_and_quotes_reads_as_its_flags()
    {
        const string script = """
            torchrun --nproc_per_node 8 pretrain_gpt.py \
                --num-layers 24 --hidden-size 1024 \
                --lr 6e-4 --min-lr=6e-5 --lr-decay-style "cosine" \
                --lr-warmup-iters 20 --train-iters 200 \
                --data-path '/data/my corpus'   # the data
            """;
        var config = MegatronConfig.Read(script);
        for (long i = 0; i < 260; i++)
            Assert.Equal(MegatronLr(i, 6e-4, 6e-5, 0, 20, 200, cosine: true), config.LearningRate.Rate(i), 1e-15);
        Assert.Equal(200, config.TotalSteps);
        Assert.Contains(config.Ignored, k => k.Key == "torchrun");
        Assert.Contains(config.Ignored, k => k.Key == "--num-layers" && k.Line == 2);
        Assert.Contains(config.Ignored, k => k.Key == "--data-path" && k.Reason == "not about the schedule");
    }

    [Fact]
    public void A_JSON_list_of_arguments_reads_as_the_command_line_does()
    {
        const string line = "--lr 6e-4 --min-lr 6e-5 --lr-decay-style linear --lr-warmup-iters 5 --train-iters 50";
        string list = "[" + string.Join(", ", line.Split(' ').Select(w => $"\"{w}\"")) + "]";
        var fromList = TrainingConfig.Read(list);
        Assert.Equal(ConfigFormat.Megatron, fromList.Format);
        for (long i = 0; i < 60; i++) Assert.Equal(MegatronLr(i, 6e-4, 6e-5, 0, 5, 50, cosine: false), fromList.LearningRate.Rate(i), 1e-15);
        var e = Assert.Throws<ConfigFormatException>(() => MegatronConfig.Read("[\"--lr\", \"abc\", \"--train-iters\", \"5\"]"));
        Assert.Equal(("--lr", 1, 10), (e.Key, e.Line, e.Column));
    }

    [Fact]
    public void Samples_are_iterations_of_the_global_batch()
    {
        // Megatron steps the scheduler by the global batch each iteration, with its thresholds in samples.
        var config = MegatronConfig.Read("--lr 1e-3 --min-lr 1e-4 --lr-decay-style linear --train-samples 25600 --lr-warmup-samples 2560 --global-batch-size 256");
        for (long i = 0; i < 120; i++)
            Assert.Equal(MegatronLr(i * 256.0, 1e-3, 1e-4, 0, 2560, 25600, cosine: false), config.LearningRate.Rate(i), 1e-15);
        Assert.Equal(100, config.TotalSteps);
    }

    [Fact]
    public void The_warmup_fraction_is_a_fraction_of_the_decay_not_of_training()
    {
        var config = MegatronConfig.Read("--lr 1e-3 --train-iters 1000 --lr-decay-iters 500 --lr-warmup-fraction 0.1");
        Assert.Equal(1e-3, config.LearningRate.Rate(50));
        Assert.True(config.LearningRate.Rate(49) < 1e-3);
        Assert.Equal(0, config.LearningRate.Rate(500));
    }

    [Fact]
    public void A_rising_weight_decay_follows_get_wd_and_a_constant_one_is_weight_decay()
    {
        var cosine = MegatronConfig.Read("--lr 1e-3 --train-iters 100 --weight-decay-incr-style cosine --start-weight-decay 0.01 --end-weight-decay 0.1").WeightDecay!;
        for (long n = 0; n <= 120; n++)
        {
            double expected = n > 100 ? 0.1 : 0.01 + 0.5 * (Math.Cos(Math.PI * (1 - n / 100.0)) + 1.0) * (0.1 - 0.01);
            Assert.Equal(expected, cosine.Rate(n), 1e-15);
        }
        var linear = MegatronConfig.Read("--lr 1e-3 --train-iters 100 --weight-decay-incr-style linear --start-weight-decay 0 --end-weight-decay 0.1").WeightDecay!;
        Assert.Equal(0.05, linear.Rate(50), 1e-15);
        Assert.Equal(0.03, MegatronConfig.Read("--lr 1e-3 --train-iters 10 --weight-decay 0.03").WeightDecay!.Rate(7));
        // Megatron's default weight decay, 0.01.
        Assert.Equal(0.01, MegatronConfig.Read("--lr 1e-3 --train-iters 10").WeightDecay!.Rate(0));
    }

    [Fact]
    public void A_flag_of_several_values_is_read_whole()
    {
        // Megatron's --data-path takes weights and paths; it is not about the schedule, and it does not end the flags.
        var config = MegatronConfig.Read("--lr 1e-3 --data-path 0.5 corpus-a 0.5 corpus-b --train-iters 10");
        Assert.Equal(10, config.TotalSteps);
        Assert.Contains(config.Ignored, k => k.Key == "--data-path");
    }

    [Fact]
    public void Flags_a_style_does_not_read_are_reported_as_ignored()
    {
        var config = MegatronConfig.Read("--lr 1e-3 --train-iters 10 --lr-decay-style cosine --lr-wsd-decay-style linear");
        Assert.Contains(config.Ignored, k => k.Key == "--lr-wsd-decay-style" && k.Reason.Contains("only read by --lr-decay-style WSD"));
    }

    [Theory]
    [InlineData("--min-lr 1e-5 --train-iters 10", "--lr", "is needed")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-warmup-iters 10 --lr-warmup-fraction 0.1", "--lr-warmup-fraction", "contradicts")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-warmup-iters 100", "--lr-warmup-iters", "not shorter than the 100 decay iterations")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-decay-style WSD", "--lr-decay-style", "needs --lr-wsd-decay-iters")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-decay-style cosin", "--lr-decay-style", "one of constant, linear, cosine")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-warmup-itres 10", "--lr-warmup-itres", "did you mean --lr-warmup-iters?")]
    [InlineData("--lr 1e-3 --train-iters 100 --start-weight-decay 0.1", "--start-weight-decay", "contradicts --weight-decay-incr-style constant")]
    [InlineData("--lr 1e-3 --train-samples 1000 --global-batch-size 3", "--train-samples", "not a whole number of iterations")]
    [InlineData("--lr 1e-3 --train-iters 100 --train-samples 1000", "--train-samples", "contradicts --train-iters")]
    [InlineData("--lr 1e-3 --min-lr 1e-2 --train-iters 100", "--lr", "at least --min-lr")]
    [InlineData("--lr 1e-3 --lr-decay-style cosine", "--train-iters", "is needed")]
    [InlineData("--lr abc --train-iters 100", "--lr", "must be a number")]
    // What Megatron-LM's argument validation refuses: iterations mixed with samples, samples without the batch.
    [InlineData("--lr 1e-3 --train-iters 100 --lr-warmup-samples 64 --global-batch-size 32", "--lr-warmup-samples", "Megatron-LM refuses the mix (give --lr-warmup-iters)")]
    [InlineData("--lr 1e-3 --train-iters 100 --lr-decay-samples 1600 --global-batch-size 32", "--lr-decay-samples", "Megatron-LM refuses the mix")]
    [InlineData("--lr 1e-3 --train-samples 3200 --global-batch-size 32 --lr-warmup-iters 10", "--lr-warmup-iters", "Megatron-LM refuses the mix (give --lr-warmup-samples)")]
    [InlineData("--lr 1e-3 --train-samples 3200", "--train-samples", "give --global-batch-size")]
    [InlineData("--lr 1e-3 --train-samples 3200 --global-batch-size 32 --rampup-batch-size 16 16 1600", "--rampup-batch-size", "does not follow a ramp")]
    [InlineData("--lr 1e-3 2e-3 --train-iters 100", "--lr", "must be a number")]
    public void Bad_flags_are_one_error_naming_the_flag(string flags, string key, string words)
    {
        var e = Assert.Throws<ConfigFormatException>(() => MegatronConfig.Read(flags, "train.sh"));
        Assert.Equal(key, e.Key);
        Assert.Contains(words, e.Message);
        Assert.StartsWith($"train.sh:{e.Line}:{e.Column}: {key}: ", e.Message);
        if (flags.Contains(key + " ")) Assert.Equal(flags.IndexOf(key + " ", StringComparison.Ordinal) + key.Length + 2, e.Column);
    }

    [Fact]
    public void An_unclosed_quote_is_named_where_it_opens()
    {
        var e = Assert.Throws<ConfigFormatException>(() => MegatronConfig.Read("--lr 1e-3 --data-path 'oops"));
        Assert.Equal((1, 23), (e.Line, e.Column));
        Assert.Contains("never closed", e.Message);
    }
}
