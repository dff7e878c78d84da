using FsCheck;
using FsCheck.Fluent;

namespace LrCompose.Tests.Support;

/// <summary>
/// Runs an FsCheck property for at least 1,000 generated cases and fails the test on a counter-example. Locally every
/// run draws new cases; under CI (<c>CI=true</c>) the seed is fixed, so a landing is reproducible, and
/// <c>LRCOMPOSE_SEED=a,b</c> replays any seed FsCheck reports. <c>LRCOMPOSE_CASE_SCALE=0.1</c> runs a tenth of the
/// cases (at least one): for mutation testing, which runs the covering tests once per mutant.
/// </summary>
internal static class Law
{
    public const int Cases = 1000;

    public static void Holds<T>(Gen<T> gen, Func<T, bool> property) =>
        Prop.ForAll(Arb.From(gen), property).Check(Configure(Cases));

    public static void Holds<T>(Gen<T> gen, Action<T> property) =>
        Prop.ForAll(Arb.From(gen), property).Check(Configure(Cases));

    public static Config Configure(int cases)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Scaled(cases));
        string? seed = Environment.GetEnvironmentVariable("LRCOMPOSE_SEED")
                       ?? (Environment.GetEnvironmentVariable("CI") == "true" ? "20261123,1442695040888963407" : null);
        if (seed is null) return config;
        var parts = seed.Split(',').Select(ulong.Parse).ToArray();
        var replay = new Replay(new Rnd(parts[0], parts[1] | 1), Microsoft.FSharp.Core.FSharpOption<int>.None);
        return config.WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(replay));
    }

    private static int Scaled(int cases) =>
        double.TryParse(Environment.GetEnvironmentVariable("LRCOMPOSE_CASE_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out double scale)
        && scale is > 0 and < 1
            ? Math.Max(1, (int)Math.Ceiling(cases * scale))
            : cases;

    /// <summary>Equal, or within a few ulps where the operations were reordered.</summary>
    public static bool Close(double a, double b, double relative = 1e-12) =>
        a == b || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;
}
