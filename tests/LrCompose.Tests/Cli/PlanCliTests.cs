using System.Globalization;
using System.Text.Json;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Cli;

/// <summary><c>table</c>, <c>describe</c> and <c>plot</c> given a training plan: every entry, on one step axis, with the
/// values the library's plan gives.</summary>
public sealed class PlanCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-plan-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TrainingPlan Plan = new TrainingPlan(BatchSizeSchedule.Parse("0:4 40:8"), rescale: LearningRateRescale.Sqrt)
        .With(PlanField.LearningRate, Warmup(10).Then(Cosine(90, peak: 0.1)))
        .With(PlanField.WeightDecay, Linear(100, 0.1, 0.01))
        .Group("head", lr => lr.Scale(0.1));

    [Fact]
    public void Table_lists_every_entry_with_the_plans_values()
    {
        var (code, output, error) = CliRun.Run("table", Plan.ToString().Replace("\n", "; "), "--every", "7");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal("step,batch-size,samples,lr,weight-decay,head/lr", lines[0]);
        foreach (string line in lines.Skip(1))
        {
            var cells = line.Split(',');
            long step = long.Parse(cells[0], CultureInfo.InvariantCulture);
            Assert.Equal(Plan.BatchSize!.BatchAt(step), long.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(Plan.Value(PlanField.LearningRate, step), double.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal(Plan.Value(PlanField.LearningRate, step, "head"), double.Parse(cells[5], CultureInfo.InvariantCulture));
        }
        Assert.Equal("99", lines[^1].Split(',')[0]); // the longest entry's last step
    }

    [Fact]
    public void A_plan_file_in_text_or_json_reads_as_the_plan_and_json_output_has_the_same_columns()
    {
        string text = Path.Combine(_dir, "run.plan"), json = Path.Combine(_dir, "run.json");
        File.WriteAllText(text, Plan.ToString());
        File.WriteAllText(json, Plan.ToJson());
        Assert.Equal(CliRun.Run("table", text).Out, CliRun.Run("table", json).Out);
        var (code, output, _) = CliRun.Run("table", json, "--format", "json", "--steps", "50", "--every", "49");
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal([0L, 49], rows.Select(r => r.GetProperty("step").GetInt64()));
        Assert.Equal(Plan.Value(PlanField.WeightDecay, 49), rows[1].GetProperty("weight-decay").GetDouble());
        Assert.Equal(Plan.BatchSize!.SamplesAt(49), rows[1].GetProperty("samples").GetInt64());
    }

    [Fact]
    public void Describe_reports_each_entry_and_plot_draws_them_all()
    {
        var (code, output, error) = CliRun.Run("describe", Plan.ToString());
        Assert.True(code == 0, error);
        Assert.Contains($"fingerprint {Plan.Fingerprint}", output);
        Assert.Contains("== lr", output);
        Assert.Contains("== weight-decay\nrecipe   " + Linear(100, 0.1, 0.01), output.Replace("\r\n", "\n"));
        Assert.Contains("== head/lr", output);
        Assert.Contains("stages from steps 0, 10", output); // ten updates of 4 reach 40 samples
        string png = Path.Combine(_dir, "plan.png");
        Assert.Equal(0, CliRun.Run("plot", Plan.ToString(), "--out", png).Code);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void A_broken_plan_or_a_recipe_only_option_is_one_line_and_exit_2()
    {
        var (code, _, error) = CliRun.Run("table", "lr: cosine peak=0.1; momentum: constant 0.9");
        Assert.Equal(2, code);
        Assert.StartsWith("error: cosine expects the length", error);
        // A JSON file that is neither a plan nor a configuration (the range-test references) is named, in one line.
        (code, _, error) = CliRun.Run("table", Path.Combine(RepoPaths.Shared, "conformance", "lr-finder-public.json"));
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: lr-finder-public.json:1:1: is JSON with neither", error);
        // A plan's JSON gives each field of a group once, and has no members but its own.
        string Edited(Action<System.Text.Json.Nodes.JsonObject> edit)
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(TrainingPlan.Parse("lr: constant 0.1").ToJson())!.AsObject();
            edit(root);
            return root.ToJsonString();
        }
        foreach (var (json, problem) in new[]
        {
            (Edited(r => r["entries"]!.AsArray().Add(r["entries"]![0]!.DeepClone())), "$.entries[1] gives lr a second time"),
            (Edited(r => r["entires"] = new System.Text.Json.Nodes.JsonArray()), "$.entires is not a member of a plan's document"),
            (Edited(r => r["entries"]![0]!["feild"] = "x"), "$.entries[0].feild is not a member of a plan's entry"),
        })
        {
            var refused = Assert.Throws<RecipeFormatException>(() => TrainingPlan.FromJson(json));
            Assert.StartsWith(problem, refused.Problem);
        }
        // One with a plan's entries is read as a plan, and its fault named as a plan's.
        string broken = Path.Combine(Path.GetTempPath(), $"broken-plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, """{"entries": 3}""");
        try
        {
            (code, _, error) = CliRun.Run("table", broken);
            Assert.Equal(2, code);
            Assert.Contains("is not a training plan in JSON", error);
        }
        finally
        {
            File.Delete(broken);
        }
        // A step whose samples a long cannot count.
        (code, _, error) = CliRun.Run("table", Plan.ToString(), "--steps", "9223372036854775807", "--every", "9223372036854775806");
        Assert.Equal(2, code);
        Assert.Equal("error: step was 9223372036854775806: it consumes more samples than a long holds.", error.TrimEnd());
        (code, _, error) = CliRun.Run("table", Plan.ToString(), "--momentum");
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--momentum", error);
    }
}
