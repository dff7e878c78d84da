using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.PeerParity;

/// <summary>
/// No internal words through a peer's door (issue 25): every compat constructor, given parameters from the peer's
/// whole accepted range and beyond it, either returns a schedule whose rates are finite, or refuses with an
/// <see cref="ArgumentException"/> that names one of that constructor's own parameters — never a value LrCompose
/// derived from them (<c>knots</c>, <c>steps</c>, <c>from</c>).
/// </summary>
public class PeerWordsTests
{
    private static readonly Type[] Peers =
        [typeof(Compat.Torch), typeof(Compat.HuggingFace), typeof(Compat.Optax), typeof(Compat.Timm), typeof(Compat.Keras)];

    private static IEnumerable<MethodInfo> Constructors => Peers.SelectMany(peer =>
        peer.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));

    public static TheoryData<string> Names => new(Constructors.Select(Name));

    /// <summary><c>Torch.CyclicLR</c>; an enum overload of a string option is named by its enum, <c>Torch.CyclicLR(TriangularMode)</c>,
    /// and an overload taking its settings as a record by the record, <c>Timm.CosineLRScheduler(TimmCycleOptions)</c>.</summary>
    private static string Name(MethodInfo m) =>
        m.DeclaringType!.Name + "." + m.Name
        + (m.GetParameters().FirstOrDefault(p => p.ParameterType.IsEnum || OptionsRecords.Contains(p.ParameterType)) is { } option ? "(" + option.ParameterType.Name + ")" : "");

    /// <summary>The records a compat constructor may take its settings as.</summary>
    private static readonly Type[] OptionsRecords = [typeof(TimmCycleOptions), typeof(PlateauPolicy)];

    [Fact]
    public void Every_peer_has_its_constructors_drawn()
    {
        Assert.Equal(19, Constructors.Count(m => m.DeclaringType == typeof(Compat.Torch)));
        Assert.Equal(10, Constructors.Count(m => m.DeclaringType == typeof(Compat.HuggingFace)));
        Assert.Equal(14, Constructors.Count(m => m.DeclaringType == typeof(Compat.Optax)));
        Assert.Equal(8, Constructors.Count(m => m.DeclaringType == typeof(Compat.Timm)));
        Assert.Equal(6, Constructors.Count(m => m.DeclaringType == typeof(Compat.Keras)));
        Assert.Equal(Constructors.Count(), Constructors.Select(Name).Distinct().Count());   // overloads only by an option enum: a name is one constructor
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_constructor_returns_a_finite_schedule_or_refuses_in_its_own_words(string name)
    {
        var method = Constructors.Single(m => Name(m) == name);
        var parameters = method.GetParameters();
        var own = OwnWords(parameters);
        var arguments = Gen.CollectToArray(parameters, PeerArgumentGen.For);
        Law.Holds(arguments, args =>
        {
            object? built;
            try
            {
                built = method.Invoke(null, args);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is ArgumentException e)
            {
                Assert.True(e.ParamName is not null && own.Contains(e.ParamName) && e.Message.Contains(e.ParamName, StringComparison.Ordinal),
                    $"{name}({Show(parameters, args)}) refused under '{e.ParamName}', not one of its parameters: {e.Message}");
                return;
            }
            catch (TargetInvocationException wrapped)
            {
                Assert.Fail($"{name}({Show(parameters, args)}) threw {wrapped.InnerException!.GetType().Name}, not an ArgumentException: {wrapped.InnerException.Message}");
                return;
            }
            foreach (var schedule in Schedules(built))
                foreach (long step in Probes(schedule))
                    Assert.True(double.IsFinite(schedule.Rate(step)), $"{name}({Show(parameters, args)}) is {schedule.Rate(step)} at step {step}");
        });
    }

    /// <summary>The constructor's parameters, for optax's <c>sgdr_schedule</c> the keys of each <c>cosine_kwargs</c>
    /// entry (<c>CosineKwargs</c>'s members, which take the names of <c>warmup_cosine_decay_schedule</c>), and for timm's
    /// cycle settings by name the members of <see cref="TimmCycleOptions"/> (the positional overload's names).</summary>
    private static HashSet<string> OwnWords(ParameterInfo[] parameters)
    {
        var words = parameters.Select(p => p.Name!).ToHashSet();
        if (parameters.Any(p => p.ParameterType == typeof(TimmCycleOptions)))
            words.UnionWith(typeof(TimmCycleOptions).GetProperties().Where(p => p.CanWrite).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]));
        foreach (var p in parameters.Where(p => p.ParameterType == typeof(Compat.Optax.CosineKwargs[])))
            words.UnionWith(typeof(Compat.Optax.CosineKwargs).GetConstructors()[0].GetParameters().Select(k => char.ToLowerInvariant(k.Name![0]) + k.Name[1..]));
        return words;
    }

    private static IEnumerable<Schedule> Schedules(object? built) => built switch
    {
        Schedule s => [s],
        RateAndMomentum rm => [rm.LearningRate, rm.Momentum],
        PlateauState state => [Schedules(state)],
        _ => throw new InvalidOperationException($"a compat constructor returned {built?.GetType().Name ?? "null"}"),
    };

    /// <summary>A plateau state as the rate it gives a schedule: <see cref="PlateauState.Apply"/> to a constant 1,
    /// after a few observations (so its reductions run too).</summary>
    private static Schedule Schedules(PlateauState state)
    {
        Assert.True(double.IsFinite(state.Rate));
        foreach (double metric in new[] { 1.0, 1.0, 1.0, 2.0, double.NaN, 0.5 }) state = state.Observe(metric);
        Assert.True(double.IsFinite(state.Rate));
        return state.Apply(LrCompose.Schedules.Constant(1));
    }

    /// <summary>The first step, some middle ones, the last one (for a schedule that ends) and the far end of time.</summary>
    private static IEnumerable<long> Probes(Schedule schedule)
    {
        long last = schedule.Length is { } n ? n - 1 : 1_000_000;
        return new[] { 0, 1, last / 3, last / 2, Math.Max(0, last - 1), last, last + 1, long.MaxValue }.Distinct();
    }

    private static string Show(ParameterInfo[] parameters, object?[] args) =>
        string.Join(", ", parameters.Zip(args, (p, a) => p.Name + ": " + Show(a)));

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => '"' + s + '"',
        long[] a => "[" + string.Join(", ", a) + "]",
        double[] a => "[" + string.Join(", ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        IReadOnlyDictionary<long, double> d => "{" + string.Join(", ", d.Select(kv => kv.Key + ": " + Show(kv.Value))) + "}",
        Array a => "[" + string.Join(", ", a.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
