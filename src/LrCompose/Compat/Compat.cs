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
    /// Builds with the native constructors and reports a broken rule under the compat parameter it came from:
    /// <c>Torch.StepLR(baseLr: -1, …)</c> says "baseLr was -1", not the native "from". Only for values passed through
    /// unchanged; a derived value is checked under its own name before it is derived.
    /// </summary>
    private static T Named<T>(Func<T> build, params (string Native, string Compat)[] names)
    {
        try
        {
            return build();
        }
        catch (RuleViolationException e) when (Array.Exists(names, n => n.Native == e.Violation.Parameter))
        {
            string compat = Array.Find(names, n => n.Native == e.Violation.Parameter).Compat;
            throw new RuleViolationException(new Violation(compat, e.Violation.Value, e.Violation.Rule));
        }
    }

    /// <summary>
    /// Builds with the native constructors and reports a broken rule about a value LrCompose derived (a total length, a
    /// stretch factor, a milestone list moved by one) under the compat parameter it was derived from, showing that
    /// parameter's value: <c>Torch.SequentialLR</c> with milestones [-36] says "milestones was [-36]", not the native
    /// "boundaries". The rule's words stay the native ones, which speak of the schedule, not of the derivation.
    /// </summary>
    private static T NamedAs<T>(Func<T> build, params (string Native, string Compat, object? Value)[] names)
    {
        try
        {
            return build();
        }
        catch (RuleViolationException e) when (Array.Exists(names, n => n.Native == e.Violation.Parameter))
        {
            var (_, compat, value) = Array.Find(names, n => n.Native == e.Violation.Parameter);
            throw new RuleViolationException(new Violation(compat, Guard.Show(value), e.Violation.Rule));
        }
    }

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
