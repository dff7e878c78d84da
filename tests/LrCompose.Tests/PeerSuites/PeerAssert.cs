namespace LrCompose.Tests.PeerSuites;

/// <summary>The peers' own comparison rules, so a ported assertion is exactly as strict as the original.</summary>
internal static class PeerAssert
{
    /// <summary>numpy's <c>assert_allclose</c>: <c>|actual − expected| ≤ atol + rtol·|expected|</c> (rtol 1e-7 by default).</summary>
    public static void AllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double atol = 0, double rtol = 1e-7)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= atol + rtol * Math.Abs(expected[i]),
                $"item {i}: expected {expected[i]:R}, got {actual[i]:R} (atol {atol}, rtol {rtol})");
    }

    /// <summary>numpy's <c>assert_allclose</c> for one value.</summary>
    public static void AllClose(double expected, double actual, double atol = 0, double rtol = 1e-7) =>
        AllClose([expected], [actual], atol, rtol);

    /// <summary>pytest's <c>approx</c>: relative 1e-6 (or the given <paramref name="rel"/>), absolute 1e-12.</summary>
    public static void Approx(double expected, double actual, double rel = 1e-6) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(rel * Math.Abs(expected), 1e-12), $"expected ≈{expected:R}, got {actual:R} (rel {rel})");

    /// <summary>unittest's <c>assertAlmostEqual(a, b, delta=d)</c> over two lists of the same length.</summary>
    public static void ListAlmostEqual(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double delta)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= delta, $"item {i}: expected {expected[i]:R}, got {actual[i]:R} (delta {delta})");
    }

    /// <summary>The rates of steps 0 … n − 1.</summary>
    public static double[] Rates(this Schedule schedule, int n) => Enumerable.Range(0, n).Select(t => schedule.Rate(t)).ToArray();

    /// <summary>The rates at the given steps.</summary>
    public static double[] Rates(this Schedule schedule, params long[] steps) => steps.Select(schedule.Rate).ToArray();
}

/// <summary>One ported assertion group: the peer's test function (with its parameters) and what it checks.</summary>
public sealed record PeerCase(string Name, Action Check)
{
    public override string ToString() => Name;
}
