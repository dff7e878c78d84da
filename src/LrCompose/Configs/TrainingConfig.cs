namespace LrCompose.Configs;

/// <summary>
/// Any training configuration LrCompose reads, by its framework, or told apart by its form: a TOML file is torchtitan's;
/// JSON with <c>optimizer</c> or <c>scheduler</c> blocks is DeepSpeed's and JSON with <c>TrainingArguments</c> fields is
/// Hugging Face's; a command line with dashed schedule flags (<c>--lr-decay-style</c>, <c>--min-lr</c>) is Megatron-LM's
/// and one with underscored ones (<c>--learning_rate</c>, <c>--lr_scheduler_type</c>) is Hugging Face's.
/// </summary>
public static partial class TrainingConfig
{
    // TOML's marks, at a line's start: a table header ([lr_scheduler]) or a key = value line. A JSON array or a
    // recipe's peak=… are neither.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*\[[A-Za-z_][\w.\-]*\][ \t]*(#.*)?\r?$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex TomlTable();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*[A-Za-z_][\w.\-]*[ \t]*=", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex TomlKey();

    /// <summary>Reads <paramref name="text"/> as a configuration of <paramref name="format"/> (or of the framework its form shows).</summary>
    /// <param name="text">The configuration's text.</param>
    /// <param name="source">Its file name, for error messages and to tell a <c>.toml</c> file.</param>
    /// <param name="format">The framework, when known.</param>
    /// <param name="totalSteps">The run's optimizer updates, when the configuration does not say (or says <c>"auto"</c>).</param>
    /// <exception cref="ConfigFormatException">The configuration cannot be read, or its framework cannot be told.</exception>
    public static ImportedConfig Read(string text, string source = "config", ConfigFormat? format = null, long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return (format ?? Detect(text, source)) switch
        {
            ConfigFormat.DeepSpeed => DeepSpeedConfig.Read(text, source, totalSteps),
            ConfigFormat.Megatron => MegatronConfig.Read(text, source, totalSteps),
            ConfigFormat.Torchtitan => TorchtitanConfig.Read(text, source, totalSteps),
            _ => HuggingFaceConfig.Read(text, source, totalSteps),
        };
    }

    /// <summary>The framework a configuration's form shows.</summary>
    /// <exception cref="ConfigFormatException">Nothing in it says which framework it is for.</exception>
    public static ConfigFormat Detect(string text, string source = "config")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        string trimmed = text.TrimStart();
        if (source.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) || TomlTable().IsMatch(text))
            return ConfigFormat.Torchtitan;
        if (trimmed.StartsWith('{'))
        {
            var root = ConfigJson.Parse(text, source);
            if (root.Member("scheduler") is not null || root.Member("optimizer") is not null || root.Member("train_batch_size") is not null
                || root.Member("train_micro_batch_size_per_gpu") is not null || root.Member("zero_optimization") is not null)
                return ConfigFormat.DeepSpeed;
            if (root.Member("learning_rate") is not null || root.Member("lr_scheduler_type") is not null || root.Member("output_dir") is not null)
                return ConfigFormat.HuggingFace;
            throw new ConfigFormatException(source, "", 1, 1, "is JSON with neither DeepSpeed's optimizer/scheduler blocks nor Hugging Face's learning_rate/lr_scheduler_type: say which framework it is for");
        }
        var flags = CommandLineFlags.Parse(text, source).Flags.Members.Select(m => m.Key).ToList();
        if (flags.Any(f => f is "--lr" or "--min-lr" or "--lr-decay-style" or "--lr-warmup-iters" or "--train-iters" or "--lr-decay-iters" or "--lr-warmup-fraction"))
            return ConfigFormat.Megatron;
        if (flags.Any(f => f is "--learning_rate" or "--lr_scheduler_type" or "--warmup_steps" or "--warmup_ratio" or "--learning-rate" or "--lr-scheduler-type"))
            return ConfigFormat.HuggingFace;
        if (TomlKey().IsMatch(text) && !trimmed.Contains("--", StringComparison.Ordinal)) return ConfigFormat.Torchtitan;
        throw new ConfigFormatException(source, "", 1, 1, "shows no framework: none of Megatron-LM's --lr/--lr-decay-style nor Hugging Face's --learning_rate/--lr_scheduler_type flags is there; say which framework it is for");
    }
}
