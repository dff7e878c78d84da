using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// Schedules under the names, parameters and defaults of the Python libraries, number for number (including their
/// quirks, each documented where it is reproduced). Every constructor is built from LrCompose's own shapes and
/// combinators wherever the shape allows, so printing one shows the native recipe it equals.
/// </summary>
public static partial class Compat
{
    /// <summary>
    /// The peers' "warmup of 0 steps means no warmup": a linear warmup from <paramref name="from"/> into
    /// <paramref name="next"/>, or <paramref name="next"/> itself when <paramref name="steps"/> is 0.
    /// </summary>
    private static Schedule OptionalWarmup(long steps, double from, Schedule next, string parameter)
    {
        Guard.Check(steps, Rules.NonNegativeSteps(steps), parameter);
        return steps == 0 ? next : Schedules.Warmup(steps, from).Then(next);
    }
}
