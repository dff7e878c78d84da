namespace LrCompose;

/// <summary>
/// Marks a static <see cref="Schedule"/> property or field, inside a <c>partial</c> type, whose recipe the LrCompose
/// generator compiles into a <c>readonly struct</c> implementing <see cref="ICompiledSchedule"/>: every constant folded,
/// the phases flattened into a branch chain, no delegates and no allocation. The member itself keeps working at run
/// time, and the struct's <see cref="ICompiledSchedule.ToSchedule"/> returns it.
/// </summary>
/// <example>
/// <code>
/// public static partial class Schedules
/// {
///     [CompiledSchedule]
///     public static Schedule Gpt2 => Warmup(2_000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5));
/// }
/// // generated: public readonly struct Gpt2Schedule : ICompiledSchedule { … }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class CompiledScheduleAttribute : Attribute
{
    /// <summary>Generates a struct named after the member with <c>Schedule</c> appended.</summary>
    public CompiledScheduleAttribute() { }

    /// <summary>Generates a struct with the given name.</summary>
    public CompiledScheduleAttribute(string structName) => StructName = structName;

    /// <summary>The generated struct's name, or null for <c>{Member}Schedule</c>.</summary>
    public string? StructName { get; }
}

/// <summary>A schedule compiled by the generator: evaluation by step, plus the runtime value it was compiled from.</summary>
public interface ICompiledSchedule : ISchedule
{
    /// <summary>The runtime schedule this struct was generated from (for printing, plotting, comparing).</summary>
    Schedule ToSchedule();
}

/// <summary>Helpers the generated code calls; not meant for direct use.</summary>
public static class CompiledScheduleSupport
{
    /// <summary>Throws the same exception as <see cref="Schedule.Rate"/> for a negative step.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void ThrowNegativeStep(long step) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, $"step was {step}: it must be 0 or more (steps count from 0).");
}
