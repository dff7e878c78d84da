using System.CommandLine;
using LrCompose.Configs;

namespace LrCompose.Cli;

/// <summary><c>export RECIPE --to hf|deepspeed|megatron [--total-steps N]</c>: the recipe as the framework's configuration,
/// on standard output (notes on the error stream), or a one-line refusal saying what the framework cannot express.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = "A recipe, a preset name or a configuration file" };
        var to = new Option<string>("--to") { Description = "The framework: hf (TrainingArguments JSON), deepspeed (ds_config.json) or megatron (flags)", Required = true };
        var total = new Option<long?>("--total-steps") { Description = "The training steps (default: the recipe's length)" };
        var command = new Command("export", "Write a recipe as a Hugging Face, DeepSpeed or Megatron-LM configuration that gives its numbers.") { recipe, to, total };
        command.SetAction(parse =>
        {
            var r = Recipe.FromArgument(parse.GetValue(recipe)!, totalSteps: parse.GetValue(total));
            var format = parse.GetValue(to) switch
            {
                "hf" or "huggingface" => ConfigFormat.HuggingFace,
                "deepspeed" => ConfigFormat.DeepSpeed,
                "megatron" => ConfigFormat.Megatron,
                var other => throw new CliInputException($"--to was '{other}': it is one of hf, deepspeed, megatron"),
            };
            ExportedConfig written;
            try
            {
                written = ConfigWriter.Write(r.Schedule, format, parse.GetValue(total) ?? r.RunSteps);
            }
            catch (ArgumentException e)
            {
                throw new CliInputException(e.Message.Replace($" (Parameter '{e.ParamName}')", ""));
            }
            parse.InvocationConfiguration.Output.WriteLine(written.Text);
            foreach (var note in written.Notes) parse.InvocationConfiguration.Error.WriteLine($"note: {note}");
            return CliApp.Ok;
        });
        return command;
    }
}
