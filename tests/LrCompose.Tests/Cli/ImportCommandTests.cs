using System.Xml.Linq;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Cli;

/// <summary><c>lrcompose import</c>, and a configuration file wherever a recipe is taken.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string DsConfig = """
        {
          "train_batch_size": 64,
          "optimizer": {"type": "AdamW", "params": {"lr": 1e-3, "weight_decay": 0.1}},
          "scheduler": {"type": "OneCycle", "params": {"cycle_min_lr": 1e-4, "cycle_max_lr": 1e-3, "cycle_first_step_size": 100}}
        }
        """;

    [Fact]
    public void Import_prints_the_recipes_the_ignored_keys_and_the_facts()
    {
        string path = Write("ds_config.json", DsConfig);
        var (code, output, error) = CliRun.Run("import", path);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("DeepSpeed", output);
        Assert.Contains("learning rate  ", output);
        Assert.Contains("momentum", output);
        Assert.Contains("ignored  train_batch_size (line 2): not about the schedule", output);
        Assert.Contains("ignored  optimizer.params.weight_decay (line 3)", output);
        Assert.Contains("peak     0.001 at step 100", output);
    }

    [Fact]
    public void Import_draws_the_rate_and_the_momentum_on_its_own_axis()
    {
        string path = Write("ds_config.json", DsConfig), chart = Path.Combine(_dir, "ds.svg");
        var (code, output, _) = CliRun.Run("import", path, "--out", chart, "--steps", "300");
        Assert.Equal(0, code);
        Assert.Contains("wrote", output);
        string svg = XDocument.Load(chart).ToString();
        Assert.Contains("learning rate", svg);
        Assert.Contains("momentum", svg);
    }

    [Fact]
    public void Compare_takes_a_config_file_where_it_takes_a_recipe()
    {
        string path = Write("ds_config.json", """
            {"optimizer": {"type": "AdamW", "params": {"lr": 1e-3}},
             "scheduler": {"type": "WarmupCosineLR", "params": {"total_num_steps": 10000, "warmup_num_steps": 1000, "warmup_type": "linear", "cos_min_ratio": 0}}}
            """);
        var (code, output, _) = CliRun.Run("compare", path, "warmup 1000 >> cosine 9000 peak=1e-3");
        Assert.Equal(0, code);
        Assert.Contains("A  ", output);
        // DeepSpeed's extra update before its first step() shifts the whole schedule by one against the recipe.
        Assert.Contains("largest difference", output);
        Assert.Contains("over 10000 steps", output);
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("table")]
    [InlineData("plot")]
    public void Describe_table_and_plot_take_a_config_file(string command)
    {
        string path = Write("train.sh", "--lr 3e-4 --min-lr 3e-5 --lr-decay-style cosine --lr-warmup-iters 10 --train-iters 100");
        var (code, output, error) = CliRun.Run(command, path);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.NotEqual("", output);
    }

    [Fact]
    public void A_bad_config_is_one_line_naming_file_position_and_key_with_exit_code_2()
    {
        string path = Write("ds_config.json", "{\n  \"scheduler\": {\"type\": \"WarmupLR\", \"params\": {\"warmup_max_lr\": 1e-3, \"warmup_num_step\": 10}}\n}\n");
        var (code, output, error) = CliRun.Run("import", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ds_config.json:2:", error);
        Assert.Contains("scheduler.params.warmup_num_step: is not a parameter of WarmupLR (did you mean warmup_num_steps?)", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(2, CliRun.Run("describe", path).Code);
    }

    [Fact]
    public void The_format_and_the_total_steps_can_be_given()
    {
        string path = Write("args.txt", "--learning_rate 1e-3 --lr_scheduler_type cosine --warmup_steps 0.1");
        Assert.Equal(2, CliRun.Run("import", path).Code);
        var (code, output, _) = CliRun.Run("import", path, "--format", "hf", "--total-steps", "1000");
        Assert.Equal(0, code);
        Assert.Contains("Hugging Face TrainingArguments, 1000 steps", output);
        Assert.Contains("warmup 100", output);
        var (badCode, _, badError) = CliRun.Run("import", path, "--format", "keras");
        Assert.Equal(2, badCode);
        Assert.Contains("hf, deepspeed, megatron, torchtitan", badError);
    }
}
