using System.Text.Json;
using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>The repository, the shipped manifest and the shared loss curves beside the repository
/// (<c>../shared/loss-curves</c>), read in place.</summary>
internal static class Shared
{
    public static string Root { get; } = FindRoot();

    public static string Curves => Path.GetFullPath(Path.Combine(Root, "..", "shared", "loss-curves", "gpt-25m"));

    public static string Manifest => Path.Combine(Root, "docs", "data", "gpt-25m-runs.json");

    private static readonly Lazy<IReadOnlyList<Run>> LazyRuns = new(() => RunManifest.Read(Manifest).Load(Curves));

    /// <summary>The nine shipped runs, in manifest order.</summary>
    public static IReadOnlyList<Run> Runs => LazyRuns.Value;

    private static readonly Lazy<JsonDocument> LazyReference = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Curves, "reference.json"))));

    /// <summary>The authors' reference.json.</summary>
    public static JsonElement Reference => LazyReference.Value.RootElement;

    /// <summary>The authors' fitted parameters.</summary>
    public static MultiPowerLaw ReferenceLaw => MultiPowerLaw.FromArray(Reference.GetProperty("params").EnumerateArray().Select(p => p.GetDouble()).ToArray());

    public static JsonElement Curve(string log) => Reference.GetProperty("curves").GetProperty(log);

    public static long[] Steps(string log) => Curve(log).GetProperty("steps").EnumerateArray().Select(s => s.GetInt64()).ToArray();

    public static double[] Predicted(string log) => Curve(log).GetProperty("predicted").EnumerateArray().Select(s => s.GetDouble()).ToArray();

    public static string[] Logs => Reference.GetProperty("curves").EnumerateObject().Select(p => p.Name).ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrCompose.sln"))) return dir.FullName;
        throw new InvalidOperationException("LrCompose.sln not found above the test binaries");
    }
}
