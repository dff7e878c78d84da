using LrCompose.Configs;

namespace LrCompose.Cli;

/// <summary>A training configuration named on the command line: a file that exists and is not a recipe.</summary>
internal static class ConfigFile
{
    /// <summary>True for an existing file whose name has an extension or a directory (a recipe or preset name has neither).</summary>
    public static bool IsConfigFile(string argument) =>
        argument.IndexOfAny(['.', '/', '\\']) >= 0 && !argument.Contains(' ') && File.Exists(argument);

    /// <summary>
    /// Refuses an argument that names a file which is not there, or a folder, instead of reading it as a recipe (which
    /// would say "unknown schedule" or point at its slash). A recipe has no path separator and no file extension.
    /// </summary>
    public static void RefuseMissingPath(string argument)
    {
        if (argument.Length == 0 || argument.Any(char.IsWhiteSpace)) return;
        if (Directory.Exists(argument)) throw new CliInputException($"{argument} is a folder: give a recipe, a preset name or a configuration file");
        if (argument.IndexOfAny(['/', '\\']) >= 0 || FileExtensions.Any(e => argument.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            throw new CliInputException($"no such file: {argument}");
    }

    private static readonly string[] FileExtensions = [".json", ".toml", ".sh", ".txt", ".yaml", ".yml", ".args", ".csv"];

    /// <summary>
    /// Reads the file as <see cref="Read"/> does; a file no framework's form shows that is a training plan is refused
    /// with <paramref name="planRefusal"/> instead. The plan is looked for only when the configuration cannot be read,
    /// so a configuration is read once.
    /// </summary>
    public static ImportedConfig ReadRefusingPlans(string path, string planRefusal, ConfigFormat? format = null, long? totalSteps = null)
    {
        try
        {
            return Read(path, format, totalSteps);
        }
        catch (ConfigFormatException) when (format is null && PlanCommands.Read(path) is not null)
        {
            throw new CliInputException(planRefusal);
        }
    }

    /// <summary>Reads the file as the framework given, or the one its form shows.</summary>
    public static ImportedConfig Read(string path, ConfigFormat? format = null, long? totalSteps = null)
    {
        if (totalSteps is < 1) throw new CliInputException($"--total-steps was {totalSteps}: it must be at least 1");
        return TrainingConfig.Read(File.ReadAllText(path), Path.GetFileName(path), format, totalSteps);
    }

    /// <summary>The most steps shown by default for a configuration that does not say how long it trains (DeepSpeed's
    /// range test and a one-cycle's decay go on for ever).</summary>
    public const long DefaultMostSteps = 1_000_000;

    /// <summary>The configuration's learning rate as a command-line recipe, shown over its total steps by default.</summary>
    public static Recipe AsRecipe(ImportedConfig config)
    {
        var recipe = new Recipe(config.LearningRate.ToString(), config.LearningRate, []);
        // A configuration that schedules its momentum (DeepSpeed's one-cycle) shows that one under --momentum.
        return recipe with { RunSteps = config.TotalSteps ?? Math.Min(recipe.Horizon(null), DefaultMostSteps), OwnMomentum = config.Momentum };
    }

    /// <summary>The <c>--format</c> words.</summary>
    public static ConfigFormat? Format(string? word) => word switch
    {
        null => null,
        "hf" or "huggingface" => ConfigFormat.HuggingFace,
        "deepspeed" => ConfigFormat.DeepSpeed,
        "megatron" => ConfigFormat.Megatron,
        "torchtitan" => ConfigFormat.Torchtitan,
        _ => throw new CliInputException($"--format was '{word}': it is one of hf, deepspeed, megatron, torchtitan"),
    };
}
