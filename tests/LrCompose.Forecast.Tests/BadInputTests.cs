using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>Every kind of bad input is one clear error naming the file and the line, never a wrong fit.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-forecast-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static LossLogException At(string path, int line, Action read)
    {
        var e = Assert.Throws<LossLogException>(read);
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.StartsWith(line > 0 ? $"{path} line {line}: " : $"{path}: ", e.Message);
        return e;
    }

    [Theory]
    [InlineData("nan", "loss is NaN")]
    [InlineData("NaN", "loss is NaN")]
    [InlineData("inf", "loss is infinite")]
    [InlineData("-Infinity", "loss is infinite")]
    [InlineData("0", "loss must be above 0")]
    [InlineData("four", "loss is not a number")]
    public void A_loss_that_is_not_a_finite_positive_number_names_its_line(string loss, string problem)
    {
        string path = Write("bad.csv", $"step,lr,loss\n10,0.1,4.1\n20,0.1,{loss}\n30,0.1,3.9\n");
        Assert.Contains(problem, At(path, 3, () => LossLogReader.ReadCsv(path)).Problem);
    }

    [Fact]
    public void Steps_that_do_not_increase_name_the_line()
    {
        string path = Write("order.csv", "step,lr,loss\n10,0.1,4.1\n20,0.1,4.0\n\n20,0.1,3.9\n");
        Assert.Contains("does not increase", At(path, 5, () => LossLogReader.ReadCsv(path)).Problem);
    }

    [Fact]
    public void A_missing_column_names_the_header_line()
    {
        string path = Write("columns.csv", "step,lr,value\n10,0.1,4.1\n");
        Assert.Contains("must name the columns step and loss", At(path, 1, () => LossLogReader.ReadCsv(path)).Problem);
        // Other names by option.
        var curve = LossLogReader.ReadCsv(path, new LossLogColumns(loss: "value"));
        Assert.Equal([4.1], curve.Losses.ToArray());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_names_its_line()
    {
        string path = Write("cells.csv", "step,lr,loss\n10,0.1\n");
        Assert.Contains("2 columns", At(path, 2, () => LossLogReader.ReadCsv(path)).Problem);
    }

    [Fact]
    public void A_log_longer_than_its_schedule_names_the_first_line_past_the_end()
    {
        string log = Write("long.csv", "step,lr,loss\n50,0.1,4.1\n99,0.1,4.0\n100,0.1,3.9\n");
        string manifest = Write("m.json", """{"runs": [{"log": "long.csv", "schedule": "warmup 10 >> take 90 (constant 0.1)", "role": "train"}]}""");
        var e = At(log, 4, () => RunManifest.Read(manifest).Load());
        Assert.Contains("past the end of the schedule, which lasts 100 steps", e.Problem);
    }

    [Fact]
    public void A_rate_of_0_where_the_rate_changes_names_the_first_line_that_needs_it()
    {
        string log = Write("zero.csv", "step,lr,loss\n20,0.1,4.1\n60,0.1,4.0\n70,0.1,3.9\n");
        string manifest = Write("m.json", """
            {"runs": [
              {"log": "zero.csv", "schedule": "warmup 10 >> linear 40 from=0.1 to=0 >> take 50 (constant 0)", "role": "train"}
            ]}
            """);
        var e = At(log, 3, () => RunManifest.Read(manifest).Load());
        Assert.Contains("rate is 0 at step 50", e.Problem);
        Assert.Contains("rate^(-gamma)", e.Problem);
    }

    [Fact]
    public void Too_few_points_to_fit_name_the_last_point()
    {
        string log = Write("short.csv", "step,lr,loss\n20,0.1,4.1\n30,0.1,4.0\n40,0.1,3.9\n");
        string manifest = Write("m.json", """{"runs": [{"log": "short.csv", "schedule": "warmup 10 >> take 90 (constant 0.1)", "role": "train"}]}""");
        var runs = RunManifest.Read(manifest).Load();
        var e = At(log, 4, () => LawFit.Fit(runs));
        Assert.Contains("3 points in all", e.Problem);
        Assert.Contains("needs at least 14", e.Problem);
    }

    [Fact]
    public void A_manifest_entry_with_a_bad_recipe_or_role_names_the_manifest_line()
    {
        string manifest = Write("m.json", "{\"runs\": [\n  {\"log\": \"a.csv\", \"schedule\": \"constant 0.1\", \"role\": \"train\"},\n  {\"log\": \"b.csv\", \"schedule\": \"cosin 10\", \"role\": \"test\"}\n]}");
        Assert.Contains("does not read", At(manifest, 3, () => RunManifest.Read(manifest)).Problem);
        string roles = Write("r.json", "{\"runs\": [\n  {\"log\": \"a.csv\", \"schedule\": \"constant 0.1\", \"role\": \"validate\"}\n]}");
        Assert.Contains("role must be train or test", At(roles, 2, () => RunManifest.Read(roles)).Problem);
        string broken = Write("broken.json", "{\"runs\": [\n  {\"log\": \"a.csv\",\n");
        Assert.Contains("not valid JSON", Assert.Throws<LossLogException>(() => RunManifest.Read(broken)).Problem);
        string missing = Write("missing.json", "{\"runs\": [{\"log\": \"nowhere.csv\", \"schedule\": \"constant 0.1\", \"role\": \"train\"}]}");
        Assert.Contains("does not exist", At(missing, 1, () => RunManifest.Read(missing).Load()).Problem);
    }

    [Fact]
    public void A_trainer_state_is_read_and_its_bad_entries_name_their_line()
    {
        string path = Write("trainer_state.json", """
            {
              "log_history": [
                {"step": 10, "loss": 4.1, "learning_rate": 0.1},
                {"step": 10, "eval_loss": 4.3},
                {"step": 20, "loss": 4.0, "learning_rate": 0.1}
              ]
            }
            """);
        var curve = LossLogReader.Read(path);
        Assert.Equal([10L, 20L], curve.Steps.ToArray());
        Assert.Equal([0.1, 0.1], curve.LoggedRates.ToArray());
        Assert.Equal([3, 5], curve.Lines.ToArray());
        string bad = Write("bad_state.json", "{\n  \"log_history\": [\n    {\"step\": 10, \"loss\": 4.1},\n    {\"step\": 5, \"loss\": 4.0}\n  ]\n}");
        Assert.Contains("does not increase", At(bad, 4, () => LossLogReader.Read(bad)).Problem);
    }

    [Fact]
    public void Json_lines_are_read_and_their_bad_lines_named()
    {
        string path = Write("log.jsonl", "{\"step\": 1, \"loss\": 5.0, \"lr\": 0.01}\n{\"step\": 2, \"eval\": 1}\n{\"step\": 3, \"loss\": 4.5, \"lr\": 0.01}\n");
        var curve = LossLogReader.Read(path);
        Assert.Equal([1L, 3L], curve.Steps.ToArray());
        Assert.Equal([1, 3], curve.Lines.ToArray());
        string bad = Write("bad.jsonl", "{\"step\": 1, \"loss\": 5.0}\n{\"step\": 2, \"loss\": \"nan\"}\n");
        Assert.Contains("loss is NaN", At(bad, 2, () => LossLogReader.Read(bad)).Problem);
        string bare = Write("bare.jsonl", "{\"step\": 1, \"loss\": 5.0}\n{\"step\": 2, \"loss\": NaN}\n");
        Assert.Contains("loss is NaN", At(bare, 2, () => LossLogReader.Read(bare)).Problem);
        string missing = Write("nostep.jsonl", "{\"loss\": 5.0}\n");
        Assert.Contains("no step", At(missing, 1, () => LossLogReader.Read(missing)).Problem);
    }

    [Fact]
    public void Constructors_name_the_parameter_the_value_and_the_rule()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MultiPowerLaw(3, 0.5, -0.5, 300, 2, 0.5, 0.5));
        Assert.Equal("alpha", e.ParamName);
        Assert.StartsWith("alpha was -0.5: it must be a finite number above 0.", e.Message);
        var m = Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumLaw(3, 0.5, 0.5, 1, 1));
        Assert.StartsWith("lambda was 1: it must be at least 0 and below 1.", m.Message);
        var c = Assert.Throws<ArgumentOutOfRangeException>(() => new LossCurve("x.csv", [1, 1], [4, 3]));
        Assert.StartsWith("steps[1] was 1: steps must increase", c.Message);
        var f = Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions(huberDelta: 0));
        Assert.StartsWith("huberDelta was 0", f.Message);
        var law = Shared.ReferenceLaw;
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => law.Predict(Schedule.Parse("warmup 10 >> take 90 (constant 0.1)"), [50, 100]));
        Assert.Contains("the schedule lasts 100 steps", p.Message);
        var z = Assert.Throws<ArgumentOutOfRangeException>(() => law.Predict(Schedule.Parse("warmup 10 >> take 90 (constant 0.1)"), [0]));
        Assert.Contains("add up to 0 by step 0", z.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleOptimizer.Optimize(law, 1000, 3e-4, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleOptimizer.Optimize(law, 1000, 3e-4, 100, floor: 3e-4));
    }
}
