using System.CommandLine;
using LrCompose.Configs;

namespace LrCompose.Cli;

/// <summary><c>import FILE [--format hf|deepspeed|megatron|torchtitan] [--total-steps N] [--out chart] [--steps N]</c>: what a
/// training configuration does to the learning rate (and the other values it schedules), as recipes, with the facts
/// <c>describe</c> gives and every key that changes nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A ds_config.json, a Hugging Face TrainingArguments JSON or command line, Megatron-LM flags, or a torchtitan TOML" };
        var format = new Option<string?>("--format") { Description = "The framework: hf, deepspeed, megatron or torchtitan (default: told from the file)" };
        var total = new Option<long?>("--total-steps") { Description = "The run's optimizer updates, when the file does not say (or says \"auto\")" };
        var output = new Option<string?>("--out") { Description = "Also write a chart to this .png or .svg file" };
        var steps = new Option<long?>("--steps") { Description = "How many steps to describe and draw (default: the total steps, or the schedule's length)" };
        var command = new Command("import", "Read the schedule out of a training configuration: the recipe it equals, its facts, what it ignores.") { file, format, total, output, steps };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliInputException(Directory.Exists(path) ? $"{path} is a folder: give a configuration file" : $"no such file: {path}");
            var config = ConfigFile.ReadRefusingPlans(path, $"{path} is a training plan: import reads a framework's configuration; table, describe and plot read a plan",
                ConfigFile.Format(parse.GetValue(format)), parse.GetValue(total));
            // Every option is checked before anything is printed: an error never follows half an answer.
            long horizon = ConfigFile.AsRecipe(config).Horizon(parse.GetValue(steps));
            Sampling.Scannable(horizon, "import");
            string? chartFormat = parse.GetValue(output) is { } outPath ? Charts.FormatOf(outPath) : null;
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"{path}: {Name(config.Format)}{(config.TotalSteps is { } t ? $", {t} steps" : "")}");
            writer.WriteLine($"learning rate  {config.LearningRate}");
            foreach (var (name, schedule) in config.Others) writer.WriteLine($"{name.Replace('_', ' '),-13}  {schedule}");
            foreach (var key in config.Ignored.OrderBy(k => k.Line).ThenBy(k => k.Column)) writer.WriteLine($"ignored  {key}");
            writer.WriteLine();
            writer.Write(ScheduleReport.Of(config.LearningRate, Sampling.Scannable(horizon, "import")).Render());
            if (parse.GetValue(output) is { } chart)
            {
                var series = new List<Series> { new("learning rate", config.LearningRate) };
                series.AddRange(config.Others.Select(o => new Series(o.Key.Replace('_', ' '), o.Value, RightAxis: true)));
                byte[] image = Charts.Render(series, horizon, chartFormat!, false, $"{Path.GetFileName(path)} ({Name(config.Format)})",
                    rightAxis: config.Others.Count == 0 ? null : string.Join(", ", config.Others.Keys.Select(k => k.Replace('_', ' '))));
                FileOutput.WriteAtomically(chart, image);
                writer.WriteLine($"wrote {chart} ({image.Length} bytes, {horizon} steps)");
            }
            return CliApp.Ok;
        });
        return command;
    }

    internal static string Name(ConfigFormat format) => format switch
    {
        ConfigFormat.HuggingFace => "Hugging Face TrainingArguments",
        ConfigFormat.DeepSpeed => "DeepSpeed",
        ConfigFormat.Megatron => "Megatron-LM",
        _ => "torchtitan",
    };
}
