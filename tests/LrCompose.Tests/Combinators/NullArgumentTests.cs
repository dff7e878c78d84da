using System.Reflection;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Combinators;

/// <summary>
/// Every public entry point refuses a null where its signature says "not null" with an
/// <see cref="ArgumentNullException"/> naming that parameter — never a <see cref="NullReferenceException"/> from deep
/// inside. Found by reflection, so a new method is covered the day it is added.
/// </summary>
public class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static object? Valid(Type type) => ValidArguments.For(type);

    /// <summary>A parameter that may be null and that <see cref="Valid"/> knows no value for is given null.</summary>
    private static object? ValidOrNull(ParameterInfo p) => Valid(p.ParameterType) is var v && v == ValidArguments.Unknown ? null : v;

    /// <summary>The receivers the instance methods are called on.</summary>
    private static object? Receiver(Type type) =>
        type == typeof(Schedule) ? Linear(10, 1, 0) : type == typeof(Lead) ? Warmup(5) : null;

    public static TheoryData<string> NonNullParameters()
    {
        var data = new TheoryData<string>();
        foreach (var (method, parameter) in Candidates()) data.Add(Describe(method, parameter));
        return data;
    }

    private static IEnumerable<(MethodBase Method, ParameterInfo Parameter)> Candidates()
    {
        var types = typeof(Schedule).Assembly.GetExportedTypes();
        var statics = types.Where(t => t.IsAbstract && t.IsSealed).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        var instances = new[] { typeof(Schedule), typeof(Lead) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        foreach (MethodBase method in statics.Concat(instances))
        {
            if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)) continue;   // property accessors
            if (method.Name is "Equals" or "ToString" or "GetHashCode") continue;
            var parameters = method.GetParameters();
            if (parameters.Any(p => Valid(p.ParameterType) == ValidArguments.Unknown && Nullability.Create(p).WriteState != NullabilityState.Nullable)) continue;
            foreach (var p in parameters)
                if (!p.ParameterType.IsValueType && Nullability.Create(p).WriteState == NullabilityState.NotNull)
                    yield return (method, p);
        }
    }

    private static string Describe(MethodBase method, ParameterInfo parameter) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}) {parameter.Name}";

    [Fact]
    public void The_reflection_finds_the_api()
    {
        var found = Candidates().Select(c => Describe(c.Method, c.Parameter)).ToHashSet();
        Assert.Contains("Schedules.Join(Schedule[], Int64[]) schedules", found);
        Assert.Contains("Schedule.Then(Schedule) next", found);
        Assert.Contains("Lead.Then(Schedule) next", found);
        Assert.Contains("Schedules.Sum(Schedule, Schedule) b", found);
        Assert.True(found.Count > 40, $"only {found.Count} parameters found");
    }

    [Theory]
    [MemberData(nameof(NonNullParameters))]
    public void A_null_argument_is_an_ArgumentNullException_naming_it(string which)
    {
        var (method, parameter) = Candidates().Single(c => Describe(c.Method, c.Parameter) == which);
        // Every other argument valid: its own default where it has one, else a plain valid value of its type.
        var arguments = method.GetParameters()
            .Select(p => p.Position == parameter.Position ? null : p.HasDefaultValue ? Type.Missing : ValidOrNull(p)).ToArray();
        object? receiver = method.IsStatic ? null : Receiver(method.DeclaringType!);
        var e = Assert.Throws<TargetInvocationException>(() => method.Invoke(receiver, arguments));
        Assert.True(e.InnerException is ArgumentNullException { } inner && inner.ParamName == parameter.Name,
            $"{which}: {e.InnerException?.GetType().Name} ({(e.InnerException as ArgumentException)?.ParamName}): {e.InnerException?.Message}");
    }
}
