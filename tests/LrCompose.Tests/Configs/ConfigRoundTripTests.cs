using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LrCompose.Configs;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Configs;

/// <summary>
/// Round trips: a configuration read into a schedule and written back gives the same numbers at every training step,
/// for generated Hugging Face, DeepSpeed and Megatron-LM configurations; and what cannot be written is refused by name.
/// </summary>
public class ConfigRoundTripTests
{
    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void RoundTrips(string text, ConfigFormat format, long steps)
    {
        var first = TrainingConfig.Read(text, "generated", format, steps);
        var written = ConfigWriter.Write(first.LearningRate, format, steps);
        var second = TrainingConfig.Read(written.Text, "written", format, steps);
        for (long t = 0; t < steps; t++)
        {
            double a = first.LearningRate.Rate(t), b = second.LearningRate.Rate(t);
            if (!(Math.Abs(a - b) <= 1e-12 + 1e-9 * Math.Abs(a)))
                throw new Xunit.Sdk.XunitException($"{text}\nwritten as {written.Text}\ndiffers at step {t}: {a} vs {b}");
        }
    }

    private static readonly Gen<double> Rate = Gen.Elements(1e-4, 3e-4, 1e-3, 0.01, 0.1);

    private static Gen<(long Steps, long Warmup)> Run() =>
        from steps in Gen.Choose(10, 1500)
        from warmup in Gen.Choose(0, steps / 2)
        select ((long)steps, (long)warmup);

    [Fact]
    public void Hugging_Face_arguments_round_trip()
    {
        var gen =
            from run in Run()
            from lr in Rate
            from type in Gen.Elements("constant", "constant_with_warmup", "linear", "cosine", "cosine_with_min_lr", "polynomial", "inverse_sqrt", "warmup_stable_decay")
            from ratio in Gen.Elements(0.0, 0.05, 0.1, 0.5)
            from power in Gen.Elements(1.0, 2.0, 0.5)
            from decay in Gen.Choose(1, (int)Math.Max(1, run.Steps - run.Warmup))
            from warmupType in Gen.Elements("linear", "cosine", "1-sqrt")
            from decayType in Gen.Elements("linear", "cosine", "1-sqrt")
            select (run, lr, type, kwargs: type switch
            {
                "cosine_with_min_lr" => $$"""{"min_lr_rate": {{N(ratio)}}}""",
                "polynomial" => $$"""{"lr_end": {{N(lr * ratio)}}, "power": {{N(power)}}}""",
                "warmup_stable_decay" => $$"""{"num_decay_steps": {{decay}}, "warmup_type": "{{warmupType}}", "decay_type": "{{decayType}}", "min_lr_ratio": {{N(ratio)}}}""",
                _ => "{}",
            });
        Law.Holds(gen, c =>
        {
            RoundTrips($$"""{"learning_rate": {{N(c.lr)}}, "lr_scheduler_type": "{{c.type}}", "warmup_steps": {{c.run.Warmup}}, "max_steps": {{c.run.Steps}}, "lr_scheduler_kwargs": {{c.kwargs}}}""",
                ConfigFormat.HuggingFace, c.run.Steps);
        });
    }

    [Fact]
    public void DeepSpeed_schedulers_round_trip()
    {
        var gen =
            from run in Run()
            from lr in Rate
            from type in Gen.Elements("WarmupLR", "WarmupDecayLR", "WarmupCosineLR")
            from log in Gen.Elements(true, false)
            from minFactor in Gen.Elements(0.0, 0.01, 0.1)
            select (run, lr, type, log, minFactor);
        Law.Holds(gen, c =>
        {
            long w = Math.Max(1, c.run.Warmup);
            string warmup = $"\"warmup_num_steps\": {w}, \"warmup_type\": \"{(c.log ? "log" : "linear")}\"";
            string parameters = c.type switch
            {
                "WarmupLR" => $"\"warmup_min_lr\": {N(c.lr * c.minFactor)}, \"warmup_max_lr\": {N(c.lr)}, {warmup}",
                "WarmupDecayLR" => $"\"total_num_steps\": {c.run.Steps}, \"warmup_min_lr\": {N(c.lr * c.minFactor)}, \"warmup_max_lr\": {N(c.lr)}, {warmup}",
                _ => $"\"total_num_steps\": {c.run.Steps}, \"warmup_min_ratio\": {N(c.minFactor)}, \"cos_min_ratio\": {N(c.minFactor)}, {warmup}",
            };
            RoundTrips("{\"optimizer\": {\"type\": \"AdamW\", \"params\": {\"lr\": " + N(c.lr) + "}}, \"scheduler\": {\"type\": \"" + c.type + "\", \"params\": {" + parameters + "}}}",
                ConfigFormat.DeepSpeed, c.run.Steps);
        });
    }

    [Fact]
    public void Megatron_flags_round_trip()
    {
        var gen =
            from run in Run()
            from lr in Rate
            from style in Gen.Elements("constant", "linear", "cosine", "inverse-square-root", "WSD")
            from wsdStyle in Gen.Elements("linear", "cosine", "exponential", "minus_sqrt")
            from minFactor in Gen.Elements(0.0, 0.1)
            from initFactor in Gen.Elements(0.0, 0.01)
            from wsd in Gen.Choose(1, (int)Math.Max(1, run.Steps - run.Warmup - 1))
            // Training may stop before the decay ends (--train-iters below --lr-decay-iters).
            from beyond in Gen.Elements(0L, 0L, 1L, 37L, 400L)
            select (run, lr, style, wsdStyle, minFactor, initFactor, wsd, beyond);
        Law.Holds(gen, c =>
        {
            string wsd = c.style == "WSD" ? $" --lr-wsd-decay-style {c.wsdStyle} --lr-wsd-decay-iters {c.wsd}" : "";
            string decay = c.beyond > 0 ? $" --lr-decay-iters {c.run.Steps + c.beyond}" : "";
            RoundTrips($"--lr {N(c.lr)} --min-lr {N(c.lr * c.minFactor)} --lr-warmup-init {N(c.lr * c.initFactor)} --lr-warmup-iters {c.run.Warmup} " +
                       $"--lr-decay-style {c.style}{wsd}{decay} --train-iters {c.run.Steps}", ConfigFormat.Megatron, c.run.Steps);
        });
    }

    [Fact]
    public void A_cycle_is_refused_for_Megatron_naming_why()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ConfigWriter.Write(Schedule.Parse("cycle (cosine 1000 peak=0.1)"), ConfigFormat.Megatron, 5000));
        Assert.Contains("cannot be written as a Megatron-LM configuration", e.Message);
        Assert.Contains("do not repeat", e.Message);
    }

    [Fact]
    public void A_schedule_no_configuration_gives_is_refused_and_one_that_DeepSpeed_gives_late_is_noted()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ConfigWriter.Write(Schedule.Parse("step-decay from=0.1 gamma=0.5 every=100"), ConfigFormat.HuggingFace, 1000));
        Assert.Contains("no lr_scheduler_type gives its numbers", e.Message);
        var late = ConfigWriter.Write(Schedule.Parse("warmup 100 >> linear 900 from=1e-3 to=0"), ConfigFormat.DeepSpeed);
        Assert.Contains(late.Notes, n => n.Contains("one update late"));
        var config = DeepSpeedConfig.Read(late.Text);
        for (long t = 0; t < 1000; t++) Assert.Equal(Schedule.Parse("warmup 100 >> linear 900 from=1e-3 to=0").Rate(t), config.LearningRate.Rate(t + 1), 1e-15);
    }

    [Fact]
    public void An_unending_schedule_needs_the_total_steps()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ConfigWriter.Write(Schedule.Parse("invsqrt peak=0.01 timescale=100"), ConfigFormat.HuggingFace));
        Assert.Equal("totalSteps", e.ParamName);
        Assert.Contains("goes on for ever", e.Message);
    }

    [Fact]
    public void A_schedule_that_rises_into_a_constant_for_ever_needs_its_total_steps()
    {
        // Its final constant is where training happens: ending training where it starts would write the warmup's last
        // step as the peak.
        var schedule = Schedules.Warmup(100).Then(Schedules.Constant(1e-3));
        foreach (var format in new[] { ConfigFormat.HuggingFace, ConfigFormat.DeepSpeed, ConfigFormat.Megatron })
        {
            var e = Assert.Throws<ArgumentException>(() => ConfigWriter.Write(schedule, format));
            Assert.Contains("goes on for ever: give the total steps", e.Message);
            var written = ConfigWriter.Write(schedule, format, totalSteps: 1_000);
            Assert.Equal(1e-3, TrainingConfig.Read(written.Text, "written", format, 1_000).LearningRate.Rate(500 + (format == ConfigFormat.DeepSpeed ? 1 : 0)));
        }
    }
}
