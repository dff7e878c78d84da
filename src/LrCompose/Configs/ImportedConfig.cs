using System.Collections.Immutable;

namespace LrCompose.Configs;

/// <summary>The training frameworks whose configurations LrCompose reads and writes.</summary>
public enum ConfigFormat
{
    /// <summary>Hugging Face <c>TrainingArguments</c>: its JSON (<c>to_json_string()</c>) or its command line.</summary>
    HuggingFace,
    /// <summary>A DeepSpeed <c>ds_config.json</c>: the <c>optimizer</c> and <c>scheduler</c> blocks.</summary>
    DeepSpeed,
    /// <summary>Megatron-LM's command-line arguments.</summary>
    Megatron,
    /// <summary>torchtitan's TOML job file, its <c>[lr_scheduler]</c> table.</summary>
    Torchtitan,
}

/// <summary>A key of the configuration that does not change the schedule, and why.</summary>
/// <param name="Key">The key or flag as the framework spells it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Reason">Why it does not count (the framework drops it, or it is not about the schedule).</param>
public sealed record IgnoredKey(string Key, int Line, int Column, string Reason)
{
    /// <summary>The key or flag.</summary>
    public string Key { get; init; } = Key ?? throw new ArgumentNullException(nameof(Key));

    /// <summary>1-based line.</summary>
    public int Line { get; init; } = Line >= 1 ? Line : throw new ArgumentOutOfRangeException(nameof(Line), Line, "Line must be at least 1");

    /// <summary>1-based column.</summary>
    public int Column { get; init; } = Column >= 1 ? Column : throw new ArgumentOutOfRangeException(nameof(Column), Column, "Column must be at least 1");

    /// <summary>Why it does not count.</summary>
    public string Reason { get; init; } = Reason ?? throw new ArgumentNullException(nameof(Reason));

    /// <inheritdoc />
    public override string ToString() => $"{Key} (line {Line}): {Reason}";
}

/// <summary>
/// What a training configuration does over the steps: the learning rate, the other values it schedules (Megatron's
/// weight decay, DeepSpeed one-cycle's momentum) under the framework's own names, the keys that do not change any of
/// them, and the run's length when the configuration says it. An immutable value; every schedule counts optimizer
/// updates from 0, the rate update 0 uses first.
/// </summary>
/// <param name="Format">The framework the configuration was read as.</param>
/// <param name="LearningRate">The learning rate of each update.</param>
/// <param name="Others">Other scheduled values by name: <c>momentum</c> and <c>beta2</c> (DeepSpeed <c>OneCycle</c> sets
/// Adam's betas to its cycled momentum and 0.99 each step), <c>weight_decay</c> (Megatron).</param>
/// <param name="Ignored">Keys present that change nothing here, each with its reason.</param>
/// <param name="TotalSteps">The updates the configuration trains for, when it says (or was given).</param>
public sealed record ImportedConfig(ConfigFormat Format, Schedule LearningRate, ImmutableSortedDictionary<string, Schedule> Others,
    ImmutableArray<IgnoredKey> Ignored, long? TotalSteps)
{
    /// <summary>The learning rate of each update.</summary>
    public Schedule LearningRate { get; init; } = LearningRate ?? throw new ArgumentNullException(nameof(LearningRate));

    /// <summary>Other scheduled values by the framework's name.</summary>
    public ImmutableSortedDictionary<string, Schedule> Others { get; init; } =
        Others is null ? throw new ArgumentNullException(nameof(Others))
        : Others.Values.Any(v => v is null) ? throw new ArgumentException("Others holds a null schedule; every named value needs one", nameof(Others))
        : Others;

    /// <summary>Keys present that change nothing here.</summary>
    public ImmutableArray<IgnoredKey> Ignored { get; init; } = Ignored.IsDefault ? [] : Ignored;

    /// <summary>The updates the configuration trains for, when known.</summary>
    public long? TotalSteps { get; init; } = TotalSteps is null or >= 1 ? TotalSteps
        : throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, $"TotalSteps was {TotalSteps}: it must be at least 1 when given");

    /// <summary>The momentum schedule, if the configuration has one.</summary>
    public Schedule? Momentum => Others.GetValueOrDefault("momentum");

    /// <summary>Adam's β2, if the configuration schedules it (DeepSpeed's cycling one-cycle: 0.99).</summary>
    public Schedule? Beta2 => Others.GetValueOrDefault("beta2");

    /// <summary>The weight-decay schedule, if the configuration has one.</summary>
    public Schedule? WeightDecay => Others.GetValueOrDefault("weight_decay");

    /// <summary>
    /// The configuration as one training plan a loop can apply: the learning rate and each other scheduled value as
    /// its entry (<c>weight_decay</c> is the plan's <see cref="PlanField.WeightDecay"/>, <c>momentum</c> its
    /// <see cref="PlanField.Momentum"/>; any other name with its underscores as hyphens).
    /// </summary>
    public TrainingPlan Plan =>
        Others.Aggregate(TrainingPlan.Of(LearningRate), (plan, other) => plan.With(PlanFieldOf(other.Key), other.Value));

    // The frameworks spell names with underscores; a plan's field names are kebab-case.
    private static string PlanFieldOf(string name) => name.Replace('_', '-');
}
