using System.Reflection;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Reliability;

/// <summary>
/// Every number a public constructor takes is checked, and a bad one is reported under that parameter's own name:
/// NaN for every <c>double</c>, the most negative value for every <c>long</c> and <c>int</c>. Found by reflection, so a
/// new constructor or a new parameter is covered the day it is added.
/// </summary>
public class EveryNumberIsCheckedTests
{
    /// <summary>The receiver of instance constructors.</summary>
    internal static readonly Schedule Finite = Linear(10, 1, 0);

    /// <summary>Plain valid values; a parameter with a default gets its default.</summary>
    private static object? Valid(ParameterInfo p) => p.HasDefaultValue ? Type.Missing : ValidArguments.For(p.ParameterType);

    /// <summary>Where the plain values do not make a valid call, the arguments that do.</summary>
    private static readonly Dictionary<string, object?[]> Baselines = new()
    {
        ["Recipes.WarmupCosine"] = [0.5, 10L, 100L, Type.Missing, Type.Missing],
        ["Recipes.RangeSweep(RangeTestRules)"] = [1e-5, 1.0, 100L, Type.Missing, Type.Missing],
        ["Recipes.RangeSweep(SweepCurve)"] = [1e-5, 1.0, 100L, SweepCurve.Exponential, Type.Missing],
        ["Schedule.Retarget"] = [2L, 20L],
        ["Schedule.DecayAt"] = [2L, 10L, Type.Missing, Type.Missing],
        ["HuggingFace.GetLinearScheduleWithWarmup"] = [0.5, 10L, 100L],
        ["HuggingFace.GetCosineScheduleWithWarmup"] = [0.5, 10L, 100L, Type.Missing],
        ["HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup"] = [0.5, 10L, 100L, Type.Missing],
        ["HuggingFace.GetCosineWithMinLrScheduleWithWarmup"] = [0.5, 10L, 100L, Type.Missing, 0.01, Type.Missing],
        ["HuggingFace.GetPolynomialDecayScheduleWithWarmup"] = [0.5, 10L, 100L, Type.Missing, Type.Missing],
        ["Optax.WarmupCosineDecaySchedule"] = [0.0, 0.5, 10L, 100L, Type.Missing, Type.Missing],
        ["Optax.PiecewiseInterpolateSchedule"] = ["linear", 0.5, null],
    };

    /// <summary>
    /// Peer quirks LrCompose reproduces on purpose, so these values are accepted: optax treats a transition of 0 steps or
    /// fewer as a constant, and its exponential decay counts a negative <c>transition_begin</c> as 0.
    /// </summary>
    private static readonly HashSet<(string, string)> PeerAccepts =
    [
        ("Optax.LinearSchedule", "transitionSteps"), ("Optax.PolynomialSchedule", "transitionSteps"),
        ("Optax.ExponentialDecay", "transitionSteps"), ("Optax.ExponentialDecay", "transitionBegin"),
        ("Optax.WarmupExponentialDecaySchedule", "transitionSteps"), ("Optax.WarmupExponentialDecaySchedule", "transitionBegin"),
    ];

    internal static IEnumerable<MethodInfo> Constructors()
    {
        var owners = typeof(Schedule).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && t.Namespace == "LrCompose");
        var statics = owners.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        var instance = typeof(Schedule).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        return statics.Concat(instance).Where(m => !m.IsSpecialName && !m.Name.StartsWith("Parse", StringComparison.Ordinal)
            && (typeof(Schedule).IsAssignableFrom(m.ReturnType) || m.ReturnType == typeof(Lead) || m.ReturnType == typeof(RateAndMomentum)));
    }

    /// <summary><c>Optax.PiecewiseInterpolateSchedule</c>; an enum overload of a string option is named by its enum too:
    /// <c>Optax.PiecewiseInterpolateSchedule(Interpolation)</c>.</summary>
    internal static string Key(MethodInfo m) =>
        $"{m.DeclaringType!.Name}.{m.Name}" + (Overloaded(m) && m.GetParameters().FirstOrDefault(p => p.ParameterType.IsEnum) is { } option
            ? "(" + option.ParameterType.Name + ")" : "");

    private static bool Overloaded(MethodInfo m) =>
        m.DeclaringType!.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Count(o => o.Name == m.Name) > 1;

    internal static object?[]? Arguments(MethodInfo m)
    {
        if (Baselines.TryGetValue(Key(m), out var given) && given.Length == m.GetParameters().Length) return (object?[])given.Clone();
        var args = m.GetParameters().Select(Valid).ToArray();
        return args.Contains(ValidArguments.Unknown) ? null : args;
    }

    internal static object? Call(MethodInfo m, object?[] args)
    {
        try { return m.Invoke(m.IsStatic ? null : Finite, args); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }

    /// <summary>A number parameter and the bad value it is given.</summary>
    public static TheoryData<string, int, string> BadNumbers()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var m in Constructors())
        {
            if (Arguments(m) is null) continue;
            foreach (var p in m.GetParameters())
            {
                var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (t == typeof(double) || t == typeof(long) || t == typeof(int)) data.Add(Describe(m), p.Position, p.Name!);
            }
        }
        return data;
    }

    internal static string Describe(MethodInfo m) => $"{Key(m)}({string.Join(", ", m.GetParameters().Select(p => p.Name))})";

    internal static object Bad(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(double) => (object)double.NaN,
        var t when t == typeof(long) => (object)long.MinValue,
        _ => (object)int.MinValue,
    };

    [Fact]
    public void Every_constructor_has_a_valid_call_to_start_from()
    {
        var failing = new List<string>();
        foreach (var m in Constructors())
        {
            var args = Arguments(m);
            if (args is null) continue;
            try { Call(m, args); }
            catch (Exception e) { failing.Add($"{Describe(m)}: {e.Message}"); }
        }
        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.True(BadNumbers().Count() > 100, $"only {BadNumbers().Count()} number parameters found");
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void A_bad_number_is_an_ArgumentException_naming_its_parameter(string constructor, int position, string parameter)
    {
        var m = Constructors().Single(c => Describe(c) == constructor);
        var args = Arguments(m)!;
        args[position] = Bad(m.GetParameters()[position].ParameterType);
        Exception? thrown = null;
        try { Call(m, args); }
        catch (Exception e) { thrown = e; }
        if (PeerAccepts.Contains((Key(m), parameter)))
        {
            Assert.Null(thrown);
            return;
        }
        // The compat layer too names its own parameter (baseLr, not the native from it feeds).
        Assert.True(thrown is ArgumentException { } a && a.ParamName == parameter,
            $"{constructor} with {parameter} = {args[position]}: {(thrown is null ? "accepted" : $"{thrown.GetType().Name} ({(thrown as ArgumentException)?.ParamName}): {thrown.Message}")}");
    }
}
