using System.Collections.Immutable;

namespace LrCompose.Configs;

/// <summary>A schedule written as a framework's configuration.</summary>
/// <param name="Format">The framework.</param>
/// <param name="Text">The configuration: a <c>TrainingArguments</c> JSON, a <c>ds_config.json</c> fragment, or Megatron-LM flags.</param>
/// <param name="TotalSteps">The steps over which it gives the schedule's numbers.</param>
/// <param name="Notes">What the reader should know: where the framework differs outside those steps, or a one-update lag.</param>
public sealed record ExportedConfig(ConfigFormat Format, string Text, long TotalSteps, ImmutableArray<string> Notes)
{
    /// <summary>The configuration's text.</summary>
    public string Text { get; init; } = Text ?? throw new ArgumentNullException(nameof(Text));

    /// <summary>The steps over which it gives the schedule's numbers.</summary>
    public long TotalSteps { get; init; } = TotalSteps >= 1 ? TotalSteps
        : throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, $"TotalSteps was {TotalSteps}: it must be at least 1");

    /// <summary>What the reader should know.</summary>
    public ImmutableArray<string> Notes { get; init; } = Notes.IsDefault ? [] : Notes;
}
