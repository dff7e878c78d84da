using System.Text.Json;
using LrCompose.Cli.Conformance;
using LrCompose.Configs;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Configs;

/// <summary>
/// The DeepSpeed and Megatron-LM configurations of <c>golden-configs-public.json</c> (read in place) with the rates,
/// momenta and weight decays the frameworks' own scheduler code produced, through the importer and through
/// <c>lrcompose conformance</c>.
/// </summary>
public class GoldenConfigTests
{
    private static string File => Path.Combine(RepoPaths.Shared, "conformance", "golden-configs-public.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("id").GetString()!);
        return data;
    }

    private static JsonElement Case(string id)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }

    private static void AssertMatches(Schedule schedule, JsonElement c, string values)
    {
        long[] steps = c.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        double[] expected = c.GetProperty(values).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < steps.Length; i++)
        {
            double actual = schedule.Rate(steps[i]);
            Assert.True(Math.Abs(actual - expected[i]) <= 1e-12 + 1e-9 * Math.Abs(expected[i]),
                $"{c.GetProperty("id")} {values} at step {steps[i]}: {actual} vs {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_s_configuration_imports_to_the_framework_s_numbers(string id)
    {
        var c = Case(id);
        ImportedConfig config = c.GetProperty("library").GetString()!.StartsWith("DeepSpeed")
            ? DeepSpeedConfig.Read(c.GetProperty("config").GetRawText())
            : MegatronConfig.Read(ConfigCases.MegatronFlags(new PeerParams(c.GetProperty("params"))));
        AssertMatches(config.LearningRate, c, "lr");
        if (c.TryGetProperty("momentum", out _)) AssertMatches(config.Momentum!, c, "momentum");
        else Assert.Null(config.Momentum);
        if (c.TryGetProperty("weight_decay", out _)) AssertMatches(config.WeightDecay!, c, "weight_decay");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_s_configuration_is_one_training_plan_of_its_scheduled_values(string id)
    {
        var c = Case(id);
        ImportedConfig config = c.GetProperty("library").GetString()!.StartsWith("DeepSpeed")
            ? DeepSpeedConfig.Read(c.GetProperty("config").GetRawText())
            : MegatronConfig.Read(ConfigCases.MegatronFlags(new PeerParams(c.GetProperty("params"))));
        var plan = config.Plan;
        var expected = new List<(string Field, Schedule Schedule)> { (PlanField.LearningRate, config.LearningRate) };
        if (config.Momentum is { } momentum) expected.Add((PlanField.Momentum, momentum));
        if (config.Beta2 is { } beta2) expected.Add((PlanField.Beta2, beta2));
        if (config.WeightDecay is { } decay) expected.Add((PlanField.WeightDecay, decay));
        Assert.Equal(expected.Select(e => e.Field).Order(), plan.Fields.Order());
        foreach (var (field, schedule) in expected)
            foreach (long step in new long[] { 0, 1, 2, 10, 99, 1_000, 54_321 })
                Assert.Equal(schedule.Rate(step), plan.Value(field, step));
        Assert.Equal(plan, TrainingPlan.Parse(plan.ToString())); // the plan's text carries all of it
    }

    [Fact]
    public void Conformance_checks_every_case_of_the_file()
    {
        var report = ConformanceRunner.RunFile(File);
        Assert.Equal(Cases().Count, report.Results.Count);
        Assert.All(report.Results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void Conformance_reports_a_wrong_weight_decay_as_a_failure()
    {
        // Megatron's constant weight decay is --weight-decay for every iteration; 0.2 at iteration 1 is wrong.
        const string json = """
            {"cases":[{"id":"wd","library":"Megatron-LM x","schedule":"OptimizerParamScheduler",
              "params":{"init_lr":0.0,"max_lr":0.001,"min_lr":0.0,"lr_warmup_steps":0,"lr_decay_steps":10,"start_wd":0.1,"end_wd":0.1,
                        "wd_incr_steps":10,"wd_incr_style":"constant","lr_decay_style":"constant"},
              "steps":[0,1],"lr":[0.001,0.001],"weight_decay":[0.1,0.2]}]}
            """;
        var result = Assert.Single(ConformanceRunner.Run(json).Results);
        Assert.False(result.Passed);
        Assert.Equal(0.1, result.MaxAbsoluteError, 12);
    }

    [Fact]
    public void Conformance_reports_a_configuration_the_importer_refuses_with_its_reason()
    {
        const string json = """
            {"cases":[{"id":"bad","library":"DeepSpeed x","schedule":"WarmupLR",
              "config":{"scheduler":{"type":"WarmupLR","params":{"warmup_max_lr":0.001,"warmup_num_step":10}}},"steps":[0],"lr":[0]}]}
            """;
        var result = Assert.Single(ConformanceRunner.Run(json).Results);
        Assert.False(result.Passed);
        Assert.Contains("scheduler.params.warmup_num_step", result.Error);
        Assert.Contains("did you mean warmup_num_steps", result.Error);
    }
}

/// <summary>The same cases through <c>lrcompose import</c> as a user runs it on a file: the recipes it prints parse
/// back to the frameworks' numbers.</summary>
public sealed class GoldenConfigImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-golden-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(GoldenConfigTests.Cases), MemberType = typeof(GoldenConfigTests))]
    public void Every_case_imported_from_a_file_prints_recipes_with_the_framework_s_numbers(string id)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Shared, "conformance", "golden-configs-public.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        bool deepSpeed = c.GetProperty("library").GetString()!.StartsWith("DeepSpeed");
        string path = Path.Combine(_dir, deepSpeed ? "ds_config.json" : "train.sh");
        System.IO.File.WriteAllText(path, deepSpeed ? c.GetProperty("config").GetRawText() : ConfigCases.MegatronFlags(new PeerParams(c.GetProperty("params"))));
        var (code, output, error) = CliRun.Run("import", path);
        Assert.True(code == 0, error);
        var printed = output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("learning rate  ") || l.StartsWith("momentum  ") || l.StartsWith("weight decay  "))
            .ToDictionary(l => l[..13].Trim(), l => Schedule.Parse(l[15..]));
        long[] steps = c.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        foreach (var (name, values) in new[] { ("learning rate", "lr"), ("momentum", "momentum"), ("weight decay", "weight_decay") })
        {
            if (!c.TryGetProperty(values, out var expected)) continue;
            var schedule = printed[name];
            double[] want = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int i = 0; i < steps.Length; i++)
                Assert.True(Math.Abs(schedule.Rate(steps[i]) - want[i]) <= 1e-12 + 1e-9 * Math.Abs(want[i]), $"{id} {name} at {steps[i]}");
        }
    }
}
