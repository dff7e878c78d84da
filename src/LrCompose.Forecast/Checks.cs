using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrCompose.Forecast;

/// <summary>Argument checks whose messages name the parameter, the value and the rule, as the core library's do.</summary>
internal static class Checks
{
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string parameter = "") =>
        double.IsFinite(value) ? value : throw Fail(parameter, value, "it must be a finite number");

    public static double AtLeast(double value, double least, [CallerArgumentExpression(nameof(value))] string parameter = "") =>
        double.IsFinite(value) && value >= least ? value : throw Fail(parameter, value, $"it must be a finite number of at least {Show(least)}");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string parameter = "") =>
        double.IsFinite(value) && value > 0 ? value : throw Fail(parameter, value, "it must be a finite number above 0");

    public static ArgumentOutOfRangeException Fail(string parameter, object value, string rule) =>
        new(parameter, $"{parameter} was {Show(value)}: {rule}.");

    public static string Show(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
