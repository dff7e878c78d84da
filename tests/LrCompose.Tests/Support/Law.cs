using FsCheck;
using FsCheck.Fluent;

namespace LrCompose.Tests.Support;

/// <summary>Runs an FsCheck property for at least 1,000 generated cases and fails the test on a counter-example.</summary>
internal static class Law
{
    public const int Cases = 1000;

    public static void Holds<T>(Gen<T> gen, Func<T, bool> property) =>
        Prop.ForAll(Arb.From(gen), property).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

    public static void Holds<T>(Gen<T> gen, Action<T> property) =>
        Prop.ForAll(Arb.From(gen), property).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

    /// <summary>Equal, or within a few ulps where the operations were reordered.</summary>
    public static bool Close(double a, double b, double relative = 1e-12) =>
        a == b || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;
}
