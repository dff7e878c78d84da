using LrCompose.Configs;

namespace LrCompose.Tests.Configs;

/// <summary>torchtitan's <c>[lr_scheduler]</c> against <c>linear_warmup_stable_decay</c> written out here, and the
/// TOML subset's refusals.</summary>
public class TorchtitanConfigTests
{
    /// <summary>torchtitan's lambda for step s (from <c>build_lr_schedulers</c>, with its virtual last step).</summary>
    private static double Lambda(long s, long t, long warmupSteps, double? decayRatio, string type, double minLrFactor)
    {
        long w = Math.Min(warmupSteps, t);
        long d = decayRatio is { } r ? Math.Min((long)Math.Round(t * r, MidpointRounding.ToEven), t - w) : t - w;
        long stable = t + 1 - w - d;
        if (s < w) return (s + 1.0) / w;
        if (s < w + stable) return 1.0;
        double progress = (double)(s + 1 - (w + stable)) / d;
        double adjustment = type switch { "linear" => 1 - progress, "sqrt" => 1 - Math.Sqrt(progress), _ => 0.5 * (1.0 + Math.Cos(Math.PI * progress)) };
        return minLrFactor + (1 - minLrFactor) * adjustment;
    }

    [Theory]
    [InlineData(1000, 200, null, "linear", 0.0)]
    [InlineData(1000, 100, 0.2, "cosine", 0.1)]
    [InlineData(500, 10, 0.5, "sqrt", 0.05)]
    [InlineData(100, 0, 0.3, "linear", 0.0)]
    [InlineData(50, 60, null, "cosine", 0.0)]
    [InlineData(100, 20, 0.9, "linear", 0.0)]
    public void The_schedule_follows_torchtitan_to_the_last_training_step(long steps, long warmup, double? decayRatio, string type, double factor)
    {
        string ratio = decayRatio is { } r ? $"decay_ratio = {r.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n" : "";
        string toml = $"""
            # a torchtitan job
            [job]
            dump_folder = "./outputs"

            [optimizer]
            name = "AdamW"
            lr = 8e-4

            [lr_scheduler]
            warmup_steps = {warmup}  # steps
            {ratio}decay_type = "{type}"
            min_lr_factor = {factor.ToString(System.Globalization.CultureInfo.InvariantCulture)}

            [training]
            steps = {steps}
            """;
        var config = TorchtitanConfig.Read(toml);
        Assert.Equal(steps, config.TotalSteps);
        for (long s = 0; s < steps; s++)
            Assert.Equal(8e-4 * Lambda(s, steps, warmup, decayRatio, type, factor), config.LearningRate.Rate(s), 1e-15);
        Assert.Contains(config.Ignored, k => k.Key == "[job]");
        Assert.Contains(config.Ignored, k => k.Key == "optimizer.name");
    }

    [Fact]
    public void The_virtual_last_step_keeps_the_last_training_step_above_the_floor()
    {
        var s = TorchtitanConfig.Read("[lr_scheduler]\nwarmup_steps = 0\n[training]\nsteps = 10\n[optimizer]\nlr = 1.0\n").LearningRate;
        Assert.Equal(1.0, s.Rate(0));
        Assert.True(s.Rate(9) > 0);
        Assert.Equal(0, s.Rate(10));
    }

    [Theory]
    [InlineData("[lr_scheduler]\nwarmup_steps = [1, 2]\n[training]\nsteps = 10\n", "lr_scheduler.warmup_steps", 2, "an array")]
    [InlineData("[lr_scheduler]\ndecay = \"linear\"\n[training]\nsteps = 10\n", "lr_scheduler.decay", 2, "did you mean decay_type?")]
    [InlineData("[lr_scheduler]\ndecay_type = \"exp\"\n[training]\nsteps = 10\n", "lr_scheduler.decay_type", 2, "linear, sqrt, cosine")]
    [InlineData("[lr_scheduler]\nwarmup_steps = 10\n", "training.steps", 1, "is needed")]
    [InlineData("[lr_scheduler]\nmin_lr_factor = 0.1\nlr_min = 0.1\n[training]\nsteps = 10\n", "lr_scheduler.lr_min", 3, "older name")]
    [InlineData("[training]\nsteps = 10\n[training]\nsteps = 20\n", "training", 3, "given twice")]
    public void Bad_job_files_are_named_by_key_and_line(string toml, string key, int line, string words)
    {
        var e = Assert.Throws<ConfigFormatException>(() => TorchtitanConfig.Read(toml, "job.toml"));
        Assert.Equal(key, e.Key);
        Assert.Equal(line, e.Line);
        Assert.Contains(words, e.Message);
    }

    [Fact]
    public void Forms_the_reader_does_not_take_are_skipped_outside_the_tables_it_reads()
    {
        const string toml = "[compile]\ncomponents = [\n  \"model\",\n  \"loss\",\n]\nenable = true\n[training]\nsteps = 10\n";
        var config = TorchtitanConfig.Read(toml);
        Assert.Equal(10, config.TotalSteps);
        Assert.Contains(config.Ignored, k => k.Key == "[compile]");
    }
}

/// <summary>The result types refuse what no reader produces.</summary>
public class ConfigValueTests
{
    [Fact]
    public void Public_constructors_refuse_bad_values_naming_them()
    {
        Assert.Equal("LearningRate", Assert.Throws<ArgumentNullException>(() => new ImportedConfig(ConfigFormat.DeepSpeed, null!,
            System.Collections.Immutable.ImmutableSortedDictionary<string, Schedule>.Empty, [], null)).ParamName);
        Assert.Equal("TotalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ImportedConfig(ConfigFormat.DeepSpeed, Schedules.Constant(1),
            System.Collections.Immutable.ImmutableSortedDictionary<string, Schedule>.Empty, [], 0)).ParamName);
        Assert.Equal("Line", Assert.Throws<ArgumentOutOfRangeException>(() => new IgnoredKey("k", 0, 1, "why")).ParamName);
        Assert.Equal("TotalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ExportedConfig(ConfigFormat.Megatron, "--lr 1", 0, [])).ParamName);
        Assert.Equal("line", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfigFormatException("f", "k", 0, 1, "p")).ParamName);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("lr: warmup 100 >> cosine 900 peak=0.001\nweight-decay: constant 0.1")]
    public void Only_TOML_s_table_headers_and_key_lines_tell_torchtitan(string text)
    {
        // A JSON array or a training plan (its recipes hold peak=…) is no framework's, not a torchtitan file with a fault.
        var e = Assert.Throws<ConfigFormatException>(() => TrainingConfig.Detect(text, "file"));
        Assert.Contains("shows no framework", e.Message);
        Assert.Equal(ConfigFormat.Torchtitan, TrainingConfig.Detect("[lr_scheduler]\nwarmup_steps = 10\n", "file"));
        Assert.Equal(ConfigFormat.Torchtitan, TrainingConfig.Detect("warmup_steps = 10\n", "file"));
    }
}
