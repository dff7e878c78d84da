using System.Reflection;
using FsCheck;
using FsCheck.Fluent;

namespace LrCompose.Tests.Support;

/// <summary>
/// Arguments for a compat constructor, drawn by parameter type and name over the whole range the peer itself accepts
/// plus values outside it. The peers check little: PyTorch <c>lr_scheduler.py</c> wants positive integer step counts,
/// <c>0 ≤ pct_start ≤ 1</c>, <c>T_mult ≥ 1</c> and its option strings; transformers <c>optimization.py</c> wants
/// <c>lr_end &lt; lr_init</c>, <c>0 ≤ min_lr_ratio ≤ 1</c>, exactly one of <c>min_lr</c>/<c>min_lr_rate</c> and its
/// <c>decay_type</c> words; timm <c>scheduler/*.py</c> asserts <c>t_initial &gt; 0</c>, <c>lr_min ≥ 0</c>
/// (tanh: <c>lb &lt; ub</c>, <c>cycle_limit ≥ 0</c>, <c>warmup_t ≥ 0</c>, <c>warmup_lr_init ≥ 0</c>); optax raises
/// for a non-positive <c>decay_steps</c> and a <c>warmup_steps</c> past it; Keras checks almost nothing. So every
/// number is drawn from plain values, edges (0, 1, the smallest and largest the types hold) and values no peer means
/// (negative, NaN, infinite), every option from the peer's words and a word it does not know.
/// </summary>
internal static class PeerArgumentGen
{
    /// <summary>Rates, factors and shares: ordinary values mostly, then the edges, then values outside every range.</summary>
    public static readonly Gen<double> Number = Gen.Frequency(
        (5, Gen.Choose(0, 1000).Select(i => i / 1000.0)),
        (2, Gen.Choose(0, 200).Select(i => i / 10.0)),
        (1, Gen.Choose(-1000, 0).Select(i => i / 100.0)),
        (2, Gen.Elements(0.0, -0.0, 1.0, 0.5, 2.0, 1e-300, double.Epsilon, Math.BitDecrement(1.0), Math.BitIncrement(1.0), 1e4, 1e100,
            1e200, double.MaxValue, -1.0, -1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    /// <summary>Step counts: short runs mostly, the edges 0 and 1, long and negative counts, and the largest.</summary>
    public static readonly Gen<long> Steps = Gen.Frequency(
        (6, Gen.Choose(0, 200).Select(i => (long)i)),
        (1, Gen.Choose(-50, -1).Select(i => (long)i)),
        (2, Gen.Elements(0L, 1L, 2L, 1_000_000L, 1L << 40, 1L << 53, (1L << 53) + 1, long.MaxValue, long.MaxValue - 1, long.MinValue)));

    public static readonly Gen<int> Count = Gen.Frequency(
        (6, Gen.Choose(-2, 8)),
        (1, Gen.Elements(int.MaxValue, int.MinValue, 1000)));

    /// <summary>Milestones and boundaries: sorted or not, with repeats, negatives and empty lists.</summary>
    public static readonly Gen<long[]> StepList = Gen.Frequency(
        (4, Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 300).Select(i => (long)i), n)).Select(a => a.Order().ToArray())),
        (2, Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Steps, n))));

    public static readonly Gen<double[]> NumberList = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Number, n));

    public static readonly Gen<IReadOnlyDictionary<long, double>?> Scales = Gen.Frequency(
        (1, Gen.Constant<IReadOnlyDictionary<long, double>?>(null)),
        (5, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(from b in Steps from v in Number select (Boundary: b, Scale: v), n))
            .Select(pairs => (IReadOnlyDictionary<long, double>?)pairs.DistinctBy(p => p.Boundary).ToDictionary(p => p.Boundary, p => p.Scale))));

    /// <summary>The words a peer knows for each option (by the compat parameter's name), and one it does not.</summary>
    private static readonly Dictionary<string, string[]> Options = new()
    {
        ["mode"] = ["triangular", "triangular2", "exp_range", "min", "max"],
        ["annealStrategy"] = ["cos", "linear"],
        ["decayType"] = ["linear", "cosine", "1-sqrt"],
        ["interpolateType"] = ["linear", "cosine"],
        ["thresholdMode"] = ["rel", "abs"],
        ["name"] = ["lr_lambda"],
    };

    public static Gen<string> Option(string parameter) =>
        Gen.Frequency((8, Gen.Elements(Options.GetValueOrDefault(parameter, ["x"]))), (1, Gen.Elements("", "cubic", "COS")));

    /// <summary>Inner schedules for the combining constructors: valid ones, so a refusal is the outer constructor's.</summary>
    private static readonly Gen<Schedule> Part = Gen.Elements(Schedules.Constant(0.1), Schedules.Linear(10, 1, 0), Schedules.Cosine(7, 0.5));

    private static readonly Gen<Func<double, Schedule>> TorchPart = Gen.Elements<Func<double, Schedule>>(
        b => Compat.Torch.LinearLR(b, 0.5, 1, 10), b => Compat.Torch.StepLR(b, 3, 0.5), b => Compat.Torch.ExponentialLR(b, 0.9));

    private static readonly Gen<Compat.Optax.CosineKwargs> Kwargs =
        from init in Number from peak in Number from warmup in Steps from decay in Steps from end in Number from exponent in Number
        select new Compat.Optax.CosineKwargs(init, peak, warmup, decay, end, exponent);

    /// <summary>timm's cycle settings by name: every member drawn over the peer's range and beyond, as the positional
    /// overload's parameters are.</summary>
    private static readonly Gen<TimmCycleOptions> TimmCycles =
        from lrMin in Number from mul in Number from decay in Number from limit in Count from warmupT in Steps from init in Number
        from prefix in Gen.Elements(true, false)
        select new TimmCycleOptions { LrMin = lrMin, CycleMul = mul, CycleDecay = decay, CycleLimit = limit, WarmupT = warmupT, WarmupLrInit = init, WarmupPrefix = prefix };

    /// <summary>Plateau policies for <c>ReduceLROnPlateau(baseLr, policy)</c>: valid ones (a policy checks itself when
    /// it is made), so a refusal is the constructor's.</summary>
    private static readonly Gen<PlateauPolicy> Policies =
        from mode in Gen.Elements(PlateauMode.Min, PlateauMode.Max) from factor in Gen.Choose(1, 999) from patience in Gen.Choose(0, 8)
        from threshold in Gen.Choose(0, 100) from thresholdMode in Gen.Elements(ThresholdMode.Rel, ThresholdMode.Abs) from cooldown in Gen.Choose(0, 3)
        from minRate in Gen.Choose(0, 1000) from eps in Gen.Choose(0, 100)
        select new PlateauPolicy(mode, factor / 1000.0, patience, threshold / 1000.0, thresholdMode, cooldown, minRate / 1e4, eps / 1e6);

    /// <summary>A value for <paramref name="parameter"/>; optional parameters sometimes keep their default.</summary>
    public static Gen<object?> For(ParameterInfo parameter)
    {
        var value = ByType(parameter);
        return parameter.HasDefaultValue
            ? Gen.Frequency((1, Gen.Constant(parameter.DefaultValue)), (3, value))
            : value;
    }

    private static Gen<object?> ByType(ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Gen.Frequency((1, Gen.Constant<object?>(null)), (3, ByType(inner, parameter.Name!)));
        return ByType(type, parameter.Name!);
    }

    private static Gen<object?> ByType(Type type, string name) => type switch
    {
        _ when type == typeof(double) => Number.Select(v => (object?)v),
        _ when type == typeof(long) => Steps.Select(v => (object?)v),
        _ when type == typeof(int) => Count.Select(v => (object?)v),
        _ when type == typeof(bool) => Gen.Elements<object?>(true, false),
        _ when type == typeof(string) => Option(name).Select(v => (object?)v),
        // The enum overloads of the string options: every member, the ones the peer lacks included.
        _ when type.IsEnum => Gen.Elements(Enum.GetValues(type).Cast<object?>().ToArray()),
        _ when type == typeof(long[]) => StepList.Select(v => (object?)v),
        _ when type == typeof(double[]) => NumberList.Select(v => (object?)v),
        _ when type == typeof(IReadOnlyDictionary<long, double>) => Scales.Select(v => (object?)v),
        _ when type == typeof(Schedule[]) => Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Part, n)).Select(v => (object?)v),
        _ when type == typeof(Func<double, Schedule>[]) => Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(TorchPart, n)).Select(v => (object?)v),
        _ when type == typeof(Func<long, double>) => Gen.Elements<object?>(new Func<long, double>(_ => 0.5), new Func<long, double>(t => 1.0 / (t + 1.0))),
        _ when type == typeof(Compat.Optax.CosineKwargs[]) => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Kwargs, n)).Select(v => (object?)v),
        _ when type == typeof(TimmCycleOptions) => TimmCycles.Select(v => (object?)v),
        _ when type == typeof(PlateauPolicy) => Policies.Select(v => (object?)v),
        _ => throw new NotSupportedException($"no generator for {type} ({name}): add one, so every compat constructor is drawn"),
    };
}
