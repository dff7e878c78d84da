using FsCheck;
using FsCheck.Fluent;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Support;

/// <summary>
/// FsCheck generators of random schedules: every shape, and random compositions of every combinator, so that the laws
/// are checked over structures nobody picked by hand.
/// </summary>
internal static class ScheduleGen
{
    /// <summary>Ordinary rates mostly, and now and then the extremes a user can type: 0, −0, the smallest subnormal,
    /// 1e-300, and a value that dwarfs the others (1e20).</summary>
    public static readonly Gen<double> Rate = Gen.Frequency(
        (9, Gen.Choose(0, 10_000).Select(i => i / 1000.0)),
        (1, Gen.Elements(0.0, -0.0, double.Epsilon, 1e-300, 1e-4, 1e20)));
    public static readonly Gen<double> PositiveRate = Gen.Choose(1, 10_000).Select(i => i / 1000.0);
    public static readonly Gen<long> Length = Gen.Choose(1, 400).Select(i => (long)i);
    public static readonly Gen<double> Gamma = Gen.Choose(1, 1000).Select(i => i / 1000.0);

    /// <summary>Shapes with a finite length.</summary>
    public static readonly Gen<Schedule> FinitePhase = Gen.OneOf(
        from n in Length from a in Rate from b in Rate select Linear(n, a, b),
        from n in Length from a in Rate from b in Rate from e in Gen.Elements(1.0, 2.0, 0.5) from k in Gen.Elements(1.0, 2.0)
            select Cosine(n, a, b, e, k),
        from n in Length from a in Rate from b in Rate from p in Gen.Elements(0.5, 1.0, 2.0, 3.0) select Polynomial(n, a, b, p),
        from n in Length from a in Rate from b in Rate select Tanh(n, a, b),
        from n in Length from a in Rate from b in Rate select OneMinusSqrt(n, a, b),
        from n in Length from a in Rate select Constant(a).Take(n),
        from w in Length from s in Gen.Elements(RampsFromZero) from c in Gen.Elements(WarmupCount.FromZero, WarmupCount.FromOne)
            from n in Length from a in Rate select Warmup(w, shape: s, count: c).Then(Cosine(n, a)),
        from w in Length from n in Length from a in PositiveRate select Warmup(w, @from: a / 100, shape: WarmupShape.Exponential).Then(Linear(n, a, 0)),
        from a in Rate from b in Rate from c in Rate select Interpolate(Interpolation.Cosine, new Knot(0, a), new Knot(7.5, b), new Knot(30, c)));

    /// <summary>Every warmup shape that can start at 0 (all but the geometric one), read from the enum so that a new shape
    /// is drawn without a line here.</summary>
    public static WarmupShape[] RampsFromZero => Enum.GetValues<WarmupShape>().Where(s => s != WarmupShape.Exponential).ToArray();

    /// <summary>Shapes that go on for ever.</summary>
    public static readonly Gen<Schedule> Unbounded = Gen.OneOf(
        Rate.Select(Constant),
        from a in Rate from g in Gamma from n in Length from s in Gen.Elements(true, false) from b in Gen.Choose(0, 50)
            select Exponential(a, g, n, s, b),
        from a in Rate from g in Gamma from n in Length select StepDecay(a, g, n),
        from a in Rate from g in Gamma from m in Gen.Choose(0, 300) select MultiStep(a, g, m, m + 10, m + 10, m + 200),
        from a in Rate from b in Rate select PiecewiseConstant([a, b, a / 2], [10, 40]),
        from a in Rate from n in Length select InverseSqrt(a, n),
        from a in Rate from k in Gen.Choose(1, 400) from e in Gen.Elements(0.3, 0.51, 1.0, 2.5) from s in Gen.Choose(0, 300) select PowerLaw(a, k + 0.5, e, s),
        from a in Rate from g in Gamma from n in Length select InverseTime(a, g, n),
        from a in Rate from b in Rate from u in Length from d in Length from m in Gen.Elements(TriangularMode.Triangular, TriangularMode.Triangular2, TriangularMode.ExpRange)
            select Triangular(Math.Min(a, b), Math.Max(a, b), u, d, m, m == TriangularMode.ExpRange ? 0.99 : 1));

    public static readonly Gen<Schedule> Shape = Gen.OneOf(FinitePhase, Unbounded);

    /// <summary>Random compositions of every combinator, up to a few levels deep.</summary>
    public static readonly Gen<Schedule> Composed = Gen.Sized(size => Compose(Math.Min(size / 25, 3)));

    private static Gen<Schedule> Compose(int depth)
    {
        if (depth <= 0) return Shape;
        var inner = Compose(depth - 1);
        var finite = inner.Select(s => s.Length is null ? s.Take(97) : s);
        return Gen.OneOf(
            Shape,
            // Any word at all, drawn from its parameter list: a new word is in every law that uses this with no line here.
            Gen.Choose(0, int.MaxValue).Select(WordCalls.AnyWord),
            from a in finite from b in inner select a.Then(b),
            from s in inner from k in Gen.Elements(0.0, 0.5, 2.0, 3.0) select s.Scale(k),
            from a in inner from b in inner select a.Scale(b),
            from a in inner from b in inner select a + b,
            from s in finite from m in Gen.Elements(1.0, 1.5, 2.0) from d in Gen.Elements(1.0, 0.5) from l in Gen.Elements<int?>(null, 3)
                select s.Cycle(m, d, l),
            from s in inner from d in Gen.Choose(0, 100) select s.Shift(d),
            from s in inner from k in Gen.Elements(1.5, 2.0, 3.0) select s.Stretch(k),
            from s in inner from lo in Rate from hi in Rate select s.Clamp(Math.Min(lo, hi), Math.Max(lo, hi)),
            from s in inner from n in Length select s.Take(n),
            from a in inner from b in inner from max in Gen.Elements(true, false) select max ? Max(a, b) : Min(a, b),
            from s in inner select s.Mirror(0.85, 0.95),
            from s in inner from e in Gen.Choose(1, 20) select s.PerEpoch(e),
            from s in inner from n in Gen.Choose(1, 40) from sample in Gen.Elements(Enum.GetValues<StairSample>()) from span in Gen.Elements<long?>(null, 7, 30)
                select s.Staircase(n, sample, s.Length is null ? 30 : span), // an unending schedule needs a span
            from s in inner from k in Gen.Choose(0, 300) from n in Length from to in Rate
                from shape in Gen.Elements(Enum.GetValues<DecayShape>()) select s.DecayAt(s.Length is { } length ? k % length : k, n, to, shape), // a decay starts before a finite schedule ends
            from s in finite from f in Gen.Choose(0, 99) from extra in Gen.Choose(1, 500)
                select s.Retarget((long)(f / 100.0 * s.Length!.Value), (long)(f / 100.0 * s.Length!.Value) + extra));
    }

    /// <summary>Steps to probe: small, around typical joins, and far out to the end of time.</summary>
    public static readonly Gen<long> Step = Gen.OneOf(
        Gen.Choose(0, 2_000).Select(i => (long)i),
        Gen.Choose(0, int.MaxValue).Select(i => (long)i * 4_294_967_296L + i),
        Gen.Elements(0L, 1L, long.MaxValue, long.MaxValue - 1, 1L << 53, (1L << 53) + 1, 9_007_199_254_740_993L));

    public static Arbitrary<Schedule> Arb(Gen<Schedule> gen) => FsCheck.Fluent.Arb.From(gen);
}
