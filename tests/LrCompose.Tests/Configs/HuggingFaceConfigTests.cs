using System.Globalization;
using System.Text.Json;
using LrCompose.Configs;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Configs;

/// <summary>
/// Hugging Face <c>TrainingArguments</c> through the importer: golden-public.json's transformers cases reached as a
/// user reaches them (the JSON <c>to_json_string()</c> writes, and the command line), <c>get_scheduler</c>'s routing of
/// warmup and kwargs, the warmup ratio, and the refusals; peer numbers from the file or from transformers' lambdas
/// written out here.
/// </summary>
public class HuggingFaceConfigTests
{
    /// <summary>The <c>lr_scheduler_type</c> whose function each golden case ran.</summary>
    private static readonly Dictionary<string, string> TypeOf = new()
    {
        ["get_constant_schedule"] = "constant",
        ["get_constant_schedule_with_warmup"] = "constant_with_warmup",
        ["get_linear_schedule_with_warmup"] = "linear",
        ["get_cosine_schedule_with_warmup"] = "cosine",
        ["get_cosine_with_hard_restarts_schedule_with_warmup"] = "cosine_with_restarts",
        ["get_polynomial_decay_schedule_with_warmup"] = "polynomial",
        ["get_inverse_sqrt_schedule"] = "inverse_sqrt",
        ["get_cosine_with_min_lr_schedule_with_warmup"] = "cosine_with_min_lr",
        ["get_wsd_schedule"] = "warmup_stable_decay",
    };

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.GoldenPublic));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            if (c.GetProperty("library").GetString()!.StartsWith("transformers"))
            {
                data.Add(c.GetProperty("id").GetString()!, true);
                data.Add(c.GetProperty("id").GetString()!, false);
            }
        return data;
    }

    /// <summary>The TrainingArguments that make <c>get_scheduler</c> call the case's function with its parameters.</summary>
    private static (string Json, string CommandLine) Arguments(JsonElement c)
    {
        var p = c.GetProperty("params");
        var fields = new Dictionary<string, object> { ["output_dir"] = "out", ["learning_rate"] = p.GetProperty("base_lr").GetDouble(),
            ["lr_scheduler_type"] = TypeOf[c.GetProperty("schedule").GetString()!] };
        var kwargs = new Dictionary<string, object>();
        foreach (var member in p.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null || member.Name == "base_lr") continue;
            if (member.Name == "num_warmup_steps") fields["warmup_steps"] = member.Value.GetInt64();
            else if (member.Name == "num_training_steps") fields["max_steps"] = member.Value.GetInt64();
            else kwargs[member.Name] = member.Value.Clone();
        }
        fields["lr_scheduler_kwargs"] = kwargs;
        string json = JsonSerializer.Serialize(fields);
        var line = fields.Where(f => f.Key != "lr_scheduler_kwargs").Select(f => $"--{f.Key} {Convert.ToString(f.Value, CultureInfo.InvariantCulture)}").ToList();
        line.Add($"--lr_scheduler_kwargs '{JsonSerializer.Serialize(kwargs)}'");
        return (json, "python train.py " + string.Join(" ", line));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_transformers_case_is_reached_through_TrainingArguments(string id, bool asJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.GoldenPublic));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        var (json, commandLine) = Arguments(c);
        var config = HuggingFaceConfig.Read(asJson ? json : commandLine);
        long[] steps = c.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        double[] lr = c.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < steps.Length; i++)
            Assert.True(Math.Abs(config.LearningRate.Rate(steps[i]) - lr[i]) <= 1e-12 + 1e-9 * Math.Abs(lr[i]), $"{id} at {steps[i]}: {config.LearningRate.Rate(steps[i])} vs {lr[i]}");
        Assert.Contains(config.Ignored, k => k.Key.TrimStart('-') == "output_dir");
    }

    /// <summary>transformers' linear lambda: <c>s/max(1, W)</c>, then <c>max(0, (T − s)/max(1, T − W))</c>.</summary>
    private static double Linear(long s, long w, long t) =>
        s < w ? (double)s / Math.Max(1, w) : Math.Max(0.0, (double)(t - s) / Math.Max(1, t - w));

    [Theory]
    [InlineData("""{"learning_rate": 0.001, "max_steps": 1000, "warmup_steps": 0.03}""", 1000, 30)]
    [InlineData("""{"learning_rate": 0.001, "max_steps": 1001, "warmup_steps": 0.03}""", 1001, 31)]
    [InlineData("""{"learning_rate": 0.001, "max_steps": 1000, "warmup_ratio": 0.1, "warmup_steps": 0}""", 1000, 100)]
    [InlineData("""{"learning_rate": 0.001, "max_steps": 1000, "warmup_steps": 7}""", 1000, 7)]
    public void Warmup_below_one_is_a_ratio_of_the_total_rounded_up(string json, long total, long warmup)
    {
        var s = HuggingFaceConfig.Read(json).LearningRate;
        for (long t = 0; t <= total + 5; t++) Assert.Equal(1e-3 * Linear(t, warmup, total), s.Rate(t), 1e-18);
    }

    [Fact]
    public void The_total_steps_may_be_given_when_max_steps_does_not_say()
    {
        var s = HuggingFaceConfig.Read("""{"learning_rate": 0.001, "max_steps": -1, "warmup_steps": 0.1}""", totalSteps: 500).LearningRate;
        Assert.Equal(1e-3 * Linear(20, 50, 500), s.Rate(20), 1e-18);
        Assert.Equal(0, s.Rate(500));
    }

    [Fact]
    public void Constant_drops_the_warmup_and_the_kwargs_and_says_so()
    {
        var config = HuggingFaceConfig.Read("""{"learning_rate": 0.002, "lr_scheduler_type": "constant", "warmup_steps": 100, "lr_scheduler_kwargs": {"num_cycles": 2}}""");
        Assert.Equal(0.002, config.LearningRate.Rate(0));
        Assert.Contains(config.Ignored, k => k.Key == "warmup_steps" && k.Reason.Contains("no warmup"));
        Assert.Contains(config.Ignored, k => k.Key == "lr_scheduler_kwargs" && k.Reason.Contains("drops"));
    }

    [Fact]
    public void Inverse_sqrt_drops_the_timescale_kwarg_so_it_is_the_warmup()
    {
        var config = HuggingFaceConfig.Read("""{"learning_rate": 0.001, "lr_scheduler_type": "inverse_sqrt", "warmup_steps": 10, "lr_scheduler_kwargs": {"timescale": 1000}}""");
        // transformers' _get_inverse_sqrt_schedule_lr_lambda with timescale = num_warmup_steps = 10.
        for (long s = 10; s < 100; s++) Assert.Equal(1e-3 / Math.Sqrt((s - 10 + 10.0) / 10), config.LearningRate.Rate(s), 1e-17);
        Assert.Contains(config.Ignored, k => k.Key == "lr_scheduler_kwargs");
    }

    [Fact]
    public void Cosine_warmup_with_min_lr_follows_its_lambda()
    {
        const long w = 10, t = 100;
        foreach (double? warmupRate in new double?[] { null, 0.2 })
        {
            string kwargs = warmupRate is { } r ? $$"""{"min_lr_rate": 0.1, "warmup_lr_rate": {{r.ToString(CultureInfo.InvariantCulture)}}}""" : """{"min_lr_rate": 0.1}""";
            var s = HuggingFaceConfig.Read($$"""{"learning_rate": 0.001, "lr_scheduler_type": "cosine_warmup_with_min_lr", "warmup_steps": {{w}}, "max_steps": {{t}}, "lr_scheduler_kwargs": """ + kwargs + "}").LearningRate;
            for (long step = 0; step < 150; step++)
            {
                // _get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda.
                double f;
                if (step < w) f = warmupRate is { } wr ? wr + (1.0 - wr) * step / Math.Max(1, w - 1) : (step + 1.0) / Math.Max(1, w);
                else
                {
                    double progress = (step - w + 1.0) / Math.Max(1.0, t - w);
                    f = Math.Max(0, 0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * progress)) * (1 - 0.1) + 0.1);
                }
                Assert.Equal(1e-3 * f, s.Rate(step), 1e-15);
            }
        }
    }

    [Theory]
    [InlineData("linear", "linear")]
    [InlineData("cosine", "cosine")]
    [InlineData("1-sqrt", "1-sqrt")]
    [InlineData("1-sqrt", "cosine")]
    public void Warmup_stable_decay_follows_its_lambda_with_every_warmup_and_decay_type(string warmupType, string decayType)
    {
        const long w = 10, stable = 30, decay = 20;
        var s = HuggingFaceConfig.Read($$"""
            {"learning_rate": 0.01, "lr_scheduler_type": "warmup_stable_decay", "warmup_steps": {{w}}, "max_steps": {{w + stable + decay}},
             "lr_scheduler_kwargs": {"num_decay_steps": {{decay}}, "warmup_type": "{{warmupType}}", "decay_type": "{{decayType}}", "min_lr_ratio": 0.1} }
            """).LearningRate;
        for (long step = 0; step < 80; step++)
        {
            // _get_wsd_scheduler_lambda.
            double f;
            if (step < w)
            {
                double p = (double)step / w;
                f = warmupType switch { "linear" => p, "cosine" => 0.5 * (1 - Math.Cos(Math.PI * p)), _ => 1 - Math.Sqrt(1 - p) } * 0.9 + 0.1;
            }
            else if (step < w + stable) f = 1;
            else if (step < w + stable + decay)
            {
                double p = (double)(step - w - stable) / decay;
                f = decayType switch { "linear" => 1 - p, "cosine" => 0.5 * (1 + Math.Cos(Math.PI * 0.5 * 2.0 * p)), _ => 1 - Math.Sqrt(p) } * 0.9 + 0.1;
            }
            else f = 0.1;
            Assert.Equal(0.01 * f, s.Rate(step), 1e-15);
        }
    }

    [Fact]
    public void Reduce_on_plateau_is_the_rate_before_any_reduction_and_says_why()
    {
        var config = HuggingFaceConfig.Read("--learning_rate 0.01 --lr_scheduler_type reduce_lr_on_plateau --lr_scheduler_kwargs '{\"patience\": 3}' --warmup_steps 5");
        Assert.Equal(0.01, config.LearningRate.Rate(1000));
        Assert.Contains(config.Ignored, k => k.Reason.Contains("metric"));
        Assert.Contains(config.Ignored, k => k.Key == "--warmup_steps");
    }

    [Theory]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine_with_min_lr", "max_steps": 100, "lr_scheduler_kwargs": {"min_lr": 1e-5, "min_lr_rate": 0.1}}""",
        "lr_scheduler_kwargs.min_lr_rate", "0.1}}", "contradicts min_lr")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine_with_min_lr", "max_steps": 100}""", "lr_scheduler_kwargs.min_lr_rate", null, "is needed")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine", "max_steps": 100, "lr_scheduler_kwargs": {"num_cycle": 2}}""",
        "lr_scheduler_kwargs.num_cycle", "2}", "did you mean num_cycles?")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine_annealing"}""", "lr_scheduler_type", "\"cosine_annealing\"", "not a SchedulerType")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine", "max_steps": 100, "warmup_steps": 200}""", "warmup_steps", "200", "longer than the 100 steps")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "cosine"}""", "max_steps", null, "is needed by cosine")]
    [InlineData("""{"learning_rate": 1e-3, "warmup_steps": 0.1}""", "warmup_steps", "0.1", "ratio of the total steps")]
    [InlineData("""{"learning_rate": 1e-3, "max_steps": 10, "lr_warmup_steps": 3}""", "lr_warmup_steps", "3}", "not a TrainingArguments field")]
    [InlineData("""{"learning_rate": -1e-3, "lr_scheduler_type": "cosine", "max_steps": 10}""", "learning_rate", "-1e-3", "a learning rate is not negative")]
    [InlineData("""{"learning_rate": 1e-3, "lr_scheduler_type": "polynomial", "max_steps": 10, "lr_scheduler_kwargs": {"lr_end": 0.01}}""",
        "lr_scheduler_kwargs.lr_end", "0.01}", "transformers requires lr_end below the learning rate")]
    public void Bad_arguments_are_one_error_naming_the_key_and_its_position(string json, string key, string? marker, string words)
    {
        var e = Assert.Throws<ConfigFormatException>(() => HuggingFaceConfig.Read(json, "args.json"));
        Assert.Equal(key, e.Key);
        if (marker is not null) Assert.Equal((1, json.IndexOf(marker, StringComparison.Ordinal) + 1), (e.Line, e.Column));
        Assert.Contains(words, e.Message);
        Assert.StartsWith($"args.json:{e.Line}:{e.Column}: {key}: ", e.Message);
    }

    [Fact]
    public void A_kwargs_error_on_the_command_line_points_at_the_kwargs_value()
    {
        const string line = "--learning_rate 3e-4 --lr_scheduler_type cosine_with_min_lr --max_steps 100 --lr_scheduler_kwargs '{\"min_lr\": 1e-5, \"min_lr_rate\": 0.1}'";
        var e = Assert.Throws<ConfigFormatException>(() => HuggingFaceConfig.Read(line));
        Assert.Equal("lr_scheduler_kwargs.min_lr_rate", e.Key);
        Assert.Equal(line.IndexOf('\'') + 1, e.Column);
    }
}
