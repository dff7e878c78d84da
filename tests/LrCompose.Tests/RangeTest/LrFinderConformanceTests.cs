using System.Text.Json;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.RangeTest;

/// <summary>
/// Every public range-test case of <c>../shared/conformance/lr-finder-public.json</c>: the raw sweep through the
/// peer's rules gives the number of iterations it recorded and kept exactly, and each suggestion within 1e-6.
/// </summary>
public class LrFinderConformanceTests
{
    internal static string File => Path.Combine(RepoPaths.Shared, "conformance", "lr-finder-public.json");

    internal sealed record Case(string Id, RangeTestRules Rules, double[] Rates, double[] Losses, int Recorded, int Kept, Dictionary<string, double> Suggestions);

    internal static IEnumerable<Case> Cases()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var expected = c.GetProperty("expected");
            yield return new Case(
                c.GetProperty("id").GetString()!,
                c.GetProperty("rules").GetString() == "fastai" ? RangeTestRules.Fastai : RangeTestRules.TorchLrFinder,
                c.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                c.GetProperty("loss").EnumerateArray().Select(Loss).ToArray(),
                expected.GetProperty("recorded").GetInt32(),
                expected.GetProperty("kept").GetInt32(),
                expected.GetProperty("suggestions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        }
    }

    /// <summary>null is NaN; "inf" / "-inf" are the infinities.</summary>
    private static double Loss(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => e.GetString() switch { "inf" or "Infinity" => double.PositiveInfinity, "-inf" or "-Infinity" => double.NegativeInfinity, _ => double.NaN },
        _ => e.GetDouble(),
    };

    public static TheoryData<string> Ids => new(Cases().Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Suggestions_match_the_peers_rules(string id)
    {
        var c = Cases().Single(x => x.Id == id);
        var result = RangeTestRecorder.Analyse(c.Rules, c.Rates, c.Losses);
        Assert.Equal(c.Recorded, result.Recorded);
        Assert.Equal(c.Kept, result.Kept);
        Assert.Equal(c.Suggestions.Keys.Order(), result.Suggestions.Keys.Order());
        foreach (var (name, expected) in c.Suggestions)
            Assert.True(Math.Abs(result.Suggestions[name] - expected) <= 1e-6 * Math.Abs(expected),
                $"{id} {name}: expected {expected:R}, got {result.Suggestions[name]:R}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_sweep_schedule_gives_the_peers_rates(string id)
    {
        // The sweep's ends, read from its first two rates in the convention of its rules; every other rate must follow.
        var c = Cases().Single(x => x.Id == id);
        int span = c.Rules == RangeTestRules.Fastai ? c.Rates.Length : c.Rates.Length - 1;
        double end = double.Parse((c.Rates[0] * Math.Pow(c.Rates[1] / c.Rates[0], span)).ToString("G10", System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.InvariantCulture);
        var sweep = Recipes.RangeSweep(c.Rates[0], end, c.Rates.Length, c.Rules);
        for (int i = 0; i < c.Rates.Length; i++)
            Assert.True(Math.Abs(sweep.Rate(i) - c.Rates[i]) <= 1e-9 * c.Rates[i], $"{id} iteration {i}: {sweep.Rate(i):R} vs {c.Rates[i]:R}");
        Assert.Equal(c.Rates.Length, sweep.Length);
    }
}
