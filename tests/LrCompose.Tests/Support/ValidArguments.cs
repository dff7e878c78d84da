using static LrCompose.Schedules;

namespace LrCompose.Tests.Support;

/// <summary>A plain valid value for each parameter type the public API takes, for the tests that call every public
/// method by reflection and make one argument wrong at a time.</summary>
internal static class ValidArguments
{
    /// <summary>A type with no plain valid value here (not <see cref="System.Reflection.Missing.Value"/>, which
    /// reflection reads as "use the parameter's default").</summary>
    public static readonly object Unknown = new();

    public static object? For(Type type) => type switch
    {
        _ when type == typeof(double) => 0.5,
        _ when type == typeof(long) => 10L,
        _ when type == typeof(int) => 2,
        _ when type == typeof(bool) => false,
        _ when type == typeof(string) => "x",
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when Nullable.GetUnderlyingType(type) is not null => null,
        _ when type == typeof(Schedule) => Linear(10, 1, 0),
        _ when type == typeof(Schedule[]) => new[] { Linear(10, 1, 0), Constant(0.5) },
        _ when type == typeof(long[]) => new long[] { 5 },
        _ when type == typeof(double[]) => new[] { 0.5, 0.25 },
        _ when type == typeof(Lead) => Warmup(5),
        _ when type == typeof(Portion[]) => new[] { new Portion(1, n => Linear(n, 1, 0)) },
        _ when type == typeof(Func<double, double>) => new Func<double, double>(x => x),
        _ when type == typeof(Func<long, double>) => new Func<long, double>(_ => 0.5),
        _ => Unknown,
    };
}
