using System.Globalization;
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
    public void Table_with_momentum_shows_the_momentum_the_config_schedules()
    {
        string path = Write("ds_config.json", DsConfig);
        var config = LrCompose.Configs.DeepSpeedConfig.Read(DsConfig);
        var (code, output, _) = CliRun.Run("table", path, "--momentum", "--steps", "300", "--every", "100");
        Assert.Equal(0, code);
        var rows = output.Trim().Split('\n').Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
            Assert.Equal(config.Momentum!.Rate(long.Parse(row[0], CultureInfo.InvariantCulture)), double.Parse(row[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_folder_a_missing_file_and_a_plan_where_a_configuration_is_asked_for_are_named_as_what_they_are()
    {
        string plan = Write("plan.txt", "lr: constant 0.1\nweight-decay: constant 0.01\n");
        string missing = Path.Combine(_dir, "nothing.json");
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["describe", _dir], $"error: {_dir} is a folder: give a recipe, a preset name or a configuration file"),
            (["describe", missing], $"error: no such file: {missing}"),
            (["import", _dir], $"error: {_dir} is a folder: give a configuration file"),
            (["compare", plan, "gpt2"], $"error: {plan} is a training plan, and this command takes one schedule: table, describe and plot take a plan"),
            (["import", plan], $"error: {plan} is a training plan: import reads a framework's configuration; table, describe and plot read a plan"),
        })
        {
            var (code, output, error) = CliRun.Run(args);
            Assert.Equal((2, ""), (code, output));
            Assert.Equal(expected, error.TrimEnd());
        }
    }

    [Fact]
    public void A_configuration_that_leaves_its_length_to_the_run_takes_it_from_total_steps_on_the_viewing_commands()
    {
        string path = Write("auto.json", """
            {"optimizer": {"type": "AdamW", "params": {"lr": 1e-3}},
             "scheduler": {"type": "WarmupDecayLR", "params": {"total_num_steps": "auto", "warmup_num_steps": 100}}}
            """);
        var (code, _, error) = CliRun.Run("describe", path);
        Assert.Equal(2, code);
        Assert.Contains("give them (--total-steps)", error);
        var expected = LrCompose.Configs.DeepSpeedConfig.Read(File.ReadAllText(path), totalSteps: 1000).LearningRate;
        var (tableCode, table, _) = CliRun.Run("table", path, "--total-steps", "1000", "--every", "250");
        Assert.Equal(0, tableCode);
        foreach (var row in table.Trim().Split('\n').Skip(1).Select(line => line.Split(',')))
            Assert.Equal(expected.Rate(long.Parse(row[0], CultureInfo.InvariantCulture)), double.Parse(row[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Import_checks_its_options_before_printing_anything()
    {
        string path = Write("ds_config.json", DsConfig);
        foreach (var args in new[] { new[] { "import", path, "--steps", "0" }, ["import", path, "--out", Path.Combine(_dir, "a.jpg")] })
        {
            var (code, output, _) = CliRun.Run(args);
            Assert.Equal((2, ""), (code, output));
        }
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

    [Theory]
    [InlineData("hf")]
    [InlineData("megatron")]
    [InlineData("deepspeed")]
    public void Export_writes_a_configuration_that_reads_back_to_the_recipe_s_numbers(string to)
    {
        // To 0: DeepSpeed's WarmupDecayLR decays to its warmup's start.
        const string recipe = "warmup 100 >> linear 900 from=1e-3 to=0";
        var (code, output, error) = CliRun.Run("export", recipe, "--to", to);
        Assert.Equal(0, code);
        string path = Write(to == "megatron" ? "train.sh" : "config.json", output);
        var (importCode, imported, _) = CliRun.Run("import", path, "--format", to == "hf" ? "hf" : to);
        Assert.Equal(0, importCode);
        var schedule = Schedule.Parse(imported.Split('\n').First(l => l.StartsWith("learning rate  "))[15..].TrimEnd('\r'));
        // DeepSpeed runs every schedule one update late, and says so on the error stream.
        long lag = to == "deepspeed" ? 1 : 0;
        if (lag == 1) Assert.Contains("note: DeepSpeed runs it one update late", error);
        for (long t = 0; t < 1000; t++) Assert.Equal(Schedule.Parse(recipe).Rate(t), schedule.Rate(t + lag), 1e-15);
    }

    [Fact]
    public void Export_refuses_in_one_line_what_the_framework_cannot_express()
    {
        var (code, output, error) = CliRun.Run("export", "cycle (cosine 1000 peak=0.1)", "--to", "megatron", "--total-steps", "4000");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("error: cycle (cosine 1000 peak=0.1) cannot be written as a Megatron-LM configuration: Megatron-LM's schedules do not repeat, and this one cycles", error.TrimEnd());
    }

    [Fact]
    public void Only_the_commands_open_files_the_explorer_s_recipe_reader_does_not()
    {
        string path = Write("ds_config.json", DsConfig);
        Assert.Equal(1e-4, LrCompose.Cli.Recipe.FromArgument(path).Schedule.Rate(0));
        Assert.Throws<RecipeFormatException>(() => LrCompose.Cli.Recipe.Read(path));
    }
}
