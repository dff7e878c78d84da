using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrCompose.Validation;

/// <summary>Turns a broken <see cref="Rules"/> rule into an exception naming the parameter, the value and the rule.</summary>
internal static class Guard
{
    public static T Check<T>(T value, string? brokenRule, [CallerArgumentExpression(nameof(value))] string parameter = "")
    {
        if (brokenRule is null) return value;
        throw Fail(parameter, Show(value), brokenRule);
    }

    public static ArgumentException Fail(string parameter, string shownValue, string rule) =>
        new RuleViolationException(new Violation(parameter, shownValue, rule));

    /// <summary>Refuses a null array, and an array holding a null, naming the parameter and the position.</summary>
    public static void NoNulls<T>(T[] items, [CallerArgumentExpression(nameof(items))] string parameter = "") where T : class
    {
        ArgumentNullException.ThrowIfNull(items, parameter);
        int i = Array.IndexOf(items, null);
        if (i >= 0) throw new ArgumentNullException(parameter, $"{parameter}[{i}] is null: every element must be a schedule.");
    }

    public static double Rate(double value, [CallerArgumentExpression(nameof(value))] string parameter = "") =>
        Check(value, Rules.Rate(value), parameter);

    public static long Length(long value, [CallerArgumentExpression(nameof(value))] string parameter = "") =>
        Check(value, Rules.Length(value), parameter);

    public static string Show<T>(T value) => value switch
    {
        null => "null",
        string text => text,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long[] a => "[" + string.Join(", ", a) + "]",
        double[] a => "[" + string.Join(", ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object>().Select(Show)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Throws the runtime form of a shared <see cref="Violation"/>.</summary>
internal static class ViolationExtensions
{
    public static void ThrowIfAny(this Violation? violation)
    {
        if (violation is not null) throw new RuleViolationException(violation);
    }
}

/// <summary>
/// The <see cref="ArgumentOutOfRangeException"/> every constructor throws for a broken rule. It keeps the structured
/// <see cref="Violation"/> (parameter, value, rule), so the text binder reports it at the argument without reading
/// the message back.
/// </summary>
internal sealed class RuleViolationException(Violation violation) : ArgumentOutOfRangeException(violation.Parameter, violation.Message)
{
    public Violation Violation { get; } = violation;

    /// <summary>Just the rule's words (without .NET's "(Parameter 'x')" suffix).</summary>
    public override string Message => Violation.Message;
}
