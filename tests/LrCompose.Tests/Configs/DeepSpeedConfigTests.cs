using LrCompose.Configs;

namespace LrCompose.Tests.Configs;

/// <summary>DeepSpeed's defaults, quirks, <c>"auto"</c> values and refusals, against <c>lr_schedules.py</c>'s formulas
/// written out here.</summary>
public class DeepSpeedConfigTests
{
    /// <summary>WarmupDecayLR's rate for update u: the minimum at construction, then iteration u − 1 of
    /// <c>min + (max − min)·gamma</c>.</summary>
    private static double WarmupDecayLr(long u, double min, double max, long warmupNumSteps, long total, bool log)
    {
        if (u == 0) return min;
        long i = u - 1, w = Math.Max(2, warmupNumSteps);
        double gamma = i < w
            ? log ? 1.0 / Math.Log(w) * Math.Log(i + 1) : (double)i / w
            : Math.Max(0.0, (double)(total - i) / Math.Max(1.0, total - w));
        return min + (max - min) * gamma;
    }

    [Theory]
    [InlineData(true, 1000, 100)]
    [InlineData(false, 1000, 100)]
    [InlineData(true, 50, 50)]
    [InlineData(false, 30, 60)]
    [InlineData(true, 7, 1)]
    public void WarmupDecayLR_follows_DeepSpeed_including_a_total_no_longer_than_the_warmup(bool log, long total, long warmup)
    {
        string type = log ? "log" : "linear";
        string json = """{"optimizer": {"type": "Adam", "params": {"lr": 0.01}}, "scheduler": {"type": "WarmupDecayLR", "params": {"total_num_steps": """
                      + total + """, "warmup_min_lr": 1e-5, "warmup_max_lr": 6e-4, "warmup_num_steps": """ + warmup
                      + ", \"warmup_type\": \"" + type + "\"}}}";
        var s = DeepSpeedConfig.Read(json).LearningRate;
        for (long u = 0; u < total + warmup + 20; u++)
            Assert.Equal(WarmupDecayLr(u, 1e-5, 6e-4, warmup, total, log), s.Rate(u), 1e-15);
    }

    [Fact]
    public void The_first_two_updates_share_the_warmup_s_start()
    {
        var s = DeepSpeedConfig.Read("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_min_lr": 2e-5, "warmup_max_lr": 1e-3}}}""").LearningRate;
        Assert.Equal(2e-5, s.Rate(0));
        Assert.Equal(2e-5, s.Rate(1));
        Assert.True(s.Rate(2) > 2e-5);
        // Defaults: a log warmup over 1000 iterations, so the maximum from update 1000 on.
        Assert.Equal(1e-3, s.Rate(1000));
        Assert.True(s.Rate(999) < 1e-3);
    }

    [Fact]
    public void WarmupLR_without_a_maximum_takes_the_optimizer_s_lr()
    {
        var s = DeepSpeedConfig.Read("""{"optimizer": {"type": "AdamW", "params": {"lr": 0.004}}, "scheduler": {"type": "WarmupLR", "params": {"warmup_num_steps": 10}}}""").LearningRate;
        Assert.Equal(0.004, s.Rate(50));
    }

    [Fact]
    public void No_scheduler_block_is_the_optimizer_s_constant_rate()
    {
        var config = DeepSpeedConfig.Read("""{"train_batch_size": 32, "optimizer": {"type": "AdamW", "params": {"lr": 0.002}}}""");
        Assert.Equal(0.002, config.LearningRate.Rate(0));
        Assert.Equal(0.002, config.LearningRate.Rate(123456));
        Assert.Contains(config.Ignored, k => k.Key == "train_batch_size");
    }

    [Fact]
    public void Auto_values_are_filled_as_the_Hugging_Face_integration_fills_them()
    {
        const string json = """
            {"optimizer": {"type": "AdamW", "params": {"lr": "auto"}},
             "scheduler": {"type": "WarmupDecayLR", "params": {"total_num_steps": "auto", "warmup_min_lr": "auto", "warmup_max_lr": "auto", "warmup_num_steps": 10}}}
            """;
        var config = DeepSpeedConfig.Read(json, totalSteps: 200);
        Assert.Equal(200, config.TotalSteps);
        // warmup_max_lr "auto" is Hugging Face's default learning rate, 5e-5; warmup_min_lr "auto" is 0.
        Assert.Equal(5e-5, config.LearningRate.Rate(11), 1e-18);
        Assert.Equal(0, config.LearningRate.Rate(1));
        Assert.Equal(0, config.LearningRate.Rate(201));
        Assert.Equal(3e-4, DeepSpeedConfig.Read(json, totalSteps: 200, learningRate: 3e-4).LearningRate.Rate(11), 1e-18);
    }

    [Fact]
    public void An_auto_warmup_without_warmup_steps_says_why_DeepSpeed_refuses_it()
    {
        const string json = """{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 1e-3, "warmup_num_steps": "auto"}}}""";
        var e = Assert.Throws<ConfigFormatException>(() => DeepSpeedConfig.Read(json));
        Assert.Equal("scheduler.params.warmup_num_steps", e.Key);
        Assert.Contains("0 unless given", e.Message);
        Assert.Equal(1e-3, DeepSpeedConfig.Read(json, warmupSteps: 50).LearningRate.Rate(50));
    }

    [Fact]
    public void OneCycle_momentum_is_there_only_for_an_optimizer_with_betas()
    {
        const string withSgd = """
            {"optimizer": {"type": "SGD", "params": {"lr": 0.1, "momentum": 0.9}},
             "scheduler": {"type": "OneCycle", "params": {"cycle_min_lr": 0.01, "cycle_max_lr": 0.1, "cycle_first_step_size": 10, "cycle_min_mom": 0.85}}}
            """;
        var config = DeepSpeedConfig.Read(withSgd);
        Assert.Null(config.Momentum);
        Assert.Contains(config.Ignored, k => k.Key == "scheduler.params.cycle_min_mom" && k.Reason.Contains("no betas"));
        var adam = DeepSpeedConfig.Read(withSgd.Replace("SGD", "Adam"));
        // Set to cycle_min_mom at construction, then the cycle's top (cycle_max_mom's default 0.9) less one step of it.
        Assert.Equal(0.85, adam.Momentum!.Rate(0));
        Assert.Equal(0.9 - (0.9 - 0.85) * 0.1, adam.Momentum.Rate(1), 15);
        // DeepSpeed writes the whole betas pair, (momentum, 0.99), from construction on: β2 is 0.99 at every step, and
        // the optimizer's own betas are reported as overridden.
        Assert.Null(config.Beta2);
        var withBetas = DeepSpeedConfig.Read(withSgd.Replace("\"SGD\", \"params\": {\"lr\": 0.1, \"momentum\": 0.9}", "\"Adam\", \"params\": {\"lr\": 0.1, \"betas\": [0.9, 0.95]}"));
        foreach (long step in new long[] { 0, 1, 10, 19, 20, 5_000 }) Assert.Equal(0.99, withBetas.Beta2!.Rate(step));
        Assert.Contains(withBetas.Ignored, k => k.Key == "optimizer.params.betas" && k.Reason == "DeepSpeed's OneCycle overrides them each step with (momentum, 0.99)");
        Assert.Equal(0.99, withBetas.Plan.Value(PlanField.Beta2, 7));
    }

    /// <summary>Each bad config with the key named and the text its position must point at (the first occurrence of
    /// the marker: the value, or the object a missing key belongs in).</summary>
    [Theory]
    [InlineData("""{"scheduler": {"type": "WarmupCosine", "params": {}}}""", "scheduler.type", "\"WarmupCosine\"", "not a DeepSpeed scheduler")]
    [InlineData("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001, "warmup_steps": 10}}}""", "scheduler.params.warmup_steps", "10", "did you mean warmup_num_steps?")]
    [InlineData("""{"scheduler": {"type": "WarmupDecayLR", "params": {"total_num_steps": "auto"}}}""", "scheduler.params.total_num_steps", "\"auto\"", "give them")]
    [InlineData("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001, "warmup_num_steps": 0}}}""", "scheduler.params.warmup_num_steps", "0}", "positive")]
    [InlineData("""{"scheduler": {"type": "OneCycle", "params": {"cycle_max_lr": 0.1}}}""", "scheduler.params.cycle_min_lr", "{\"cycle_max_lr\"", "is needed")]
    [InlineData("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001}}, "scheduler": {}}""", "scheduler", "\"scheduler\": {}", "twice")]
    [InlineData("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001, "last_batch_iteration": 99}}}""", "scheduler.params.last_batch_iteration", "99", "from its start")]
    [InlineData("""{"scheduler": {"type": "OneCycle", "params": {"cycle_min_lr": 0.1, "cycle_max_lr": 0.001}}}""", "scheduler.params.cycle_min_lr", "0.1,", "above cycle_max_lr")]
    [InlineData("""{"optimizer": {"type": "AdamW", "params": {"lr": 1e-3}}, "scheduler": {"type": "WarmupCosineLR", "params": {"total_num_steps": 100, "warmup_min_ratio": -1}}}""", "scheduler.params.warmup_min_ratio", "-1}", "is not negative")]
    public void A_bad_config_is_one_error_naming_the_key_and_its_position(string json, string key, string marker, string words)
    {
        var e = Assert.Throws<ConfigFormatException>(() => DeepSpeedConfig.Read(json, "ds.json"));
        Assert.Equal(key, e.Key);
        Assert.Equal((1, json.IndexOf(marker, StringComparison.Ordinal) + 1), (e.Line, e.Column));
        Assert.Contains(words, e.Message);
        Assert.StartsWith($"ds.json:1:{e.Column}: {key}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unknown_warmup_type_is_DeepSpeed_s_log_warmup_and_reported()
    {
        var config = DeepSpeedConfig.Read("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001, "warmup_num_steps": 10, "warmup_type": "cosine"}}}""");
        var log = DeepSpeedConfig.Read("""{"scheduler": {"type": "WarmupLR", "params": {"warmup_max_lr": 0.001, "warmup_num_steps": 10}}}""");
        for (long u = 0; u < 20; u++) Assert.Equal(log.LearningRate.Rate(u), config.LearningRate.Rate(u));
        Assert.Equal(1e-3 / Math.Log(10) * Math.Log(2), config.LearningRate.Rate(2), 1e-18);
        Assert.Contains(config.Ignored, k => k.Key == "scheduler.params.warmup_type" && k.Reason.Contains("uses log"));
    }

    [Fact]
    public void WarmupCosineLR_without_an_optimizer_lr_is_refused_naming_it()
    {
        var e = Assert.Throws<ConfigFormatException>(() => DeepSpeedConfig.Read("""{"scheduler": {"type": "WarmupCosineLR", "params": {"total_num_steps": 100}}}"""));
        Assert.Equal("optimizer.params.lr", e.Key);
        Assert.Contains("multiply the optimizer's lr", e.Message);
    }

    [Fact]
    public void Broken_JSON_is_reported_where_the_reader_stopped()
    {
        const string json = "{\"scheduler\": {\"type\": \"WarmupLR\",\n  \"params\": {\"warmup_max_lr\": 0.001,}}}";
        var e = Assert.Throws<ConfigFormatException>(() => DeepSpeedConfig.Read(json));
        Assert.Equal(2, e.Line);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Positions_count_lines_and_columns_of_a_formatted_file()
    {
        const string json = "{\n  \"scheduler\": {\n    \"type\": \"WarmupLR\",\n    \"params\": {\n      \"warmup_max_lr\": -1\n    }\n  }\n}\n";
        var e = Assert.Throws<ConfigFormatException>(() => DeepSpeedConfig.Read(json));
        Assert.Equal((5, 24), (e.Line, e.Column));
        Assert.Equal("scheduler.params.warmup_max_lr", e.Key);
    }
}
