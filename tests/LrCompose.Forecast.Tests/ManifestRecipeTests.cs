using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>The shipped manifest's recipes are the schedules the nine runs were trained with: against the CSV's
/// <c>lr</c> column at every logged step, and against the formulas of the loss-curves README at every step.</summary>
public sealed class ManifestRecipeTests
{
    public static TheoryData<string> Logs => new(Shared.Logs);

    /// <summary>The README's η_i for a run, written as the README writes it.</summary>
    private static double Formula(string log, long i)
    {
        const double peak = 3e-4, floor = 3e-5;
        if (i < 2160) return peak * i / 2159;
        string name = Path.GetFileNameWithoutExtension(log);
        if (name.StartsWith("constant_")) return peak;
        if (name.StartsWith("cosine_"))
        {
            double n = double.Parse(name["cosine_".Length..]);
            return floor + 0.5 * (peak - floor) * (1 + Math.Cos(Math.PI * (i - 2160) / (n - 2160)));
        }
        if (name == "wsd_20000_24000") return i < 20000 ? peak : Math.Pow(peak, (24000.0 - i) / 4000) * Math.Pow(floor, (i - 20000.0) / 4000);
        if (name == "wsdld_20000_24000") return i < 20000 ? peak : peak * (1 - (i - 20000.0) / 4000) + floor * (i - 20000.0) / 4000;
        if (name.StartsWith("wsdcon_")) return i < 8000 ? peak : int.Parse(name["wsdcon_".Length..]) * 1e-5;
        throw new InvalidOperationException(log);
    }

    private static long RunLength(string log)
    {
        string name = Path.GetFileNameWithoutExtension(log);
        return name.StartsWith("wsdcon_") ? 16000 : name.EndsWith("72000") ? 72000 : 24000;
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_recipe_matches_the_logged_lr_at_every_logged_step(string log)
    {
        var run = Shared.Runs.Single(r => r.Log == log);
        Assert.Equal(run.Curve.Count, run.Curve.LoggedRates.Length);
        for (int i = 0; i < run.Curve.Count; i++)
        {
            double expected = run.Curve.LoggedRates[i], actual = run.Schedule.Rate(run.Curve.Steps[i]);
            Assert.True(Math.Abs(actual - expected) <= 1.5e-15, $"{log} step {run.Curve.Steps[i]}: recipe {actual:R}, log {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_recipe_matches_the_readme_formula_at_every_step(string log)
    {
        var run = Shared.Runs.Single(r => r.Log == log);
        long length = RunLength(log);
        Assert.Equal(length, run.Schedule.Length);
        double worst = 0;
        for (long i = 0; i < length; i++)
        {
            double expected = Formula(log, i), actual = run.Schedule.Rate(i);
            worst = Math.Max(worst, Math.Abs(actual - expected));
            Assert.True(Math.Abs(actual - expected) <= 1e-15 * 3e-4, $"{log} step {i}: recipe {actual:R}, formula {expected:R}");
        }
    }

    [Fact]
    public void The_manifest_lists_the_authors_split()
    {
        var manifest = RunManifest.Read(Shared.Manifest);
        var train = Shared.Reference.GetProperty("train").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var test = Shared.Reference.GetProperty("test").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        Assert.Equal(train, manifest.Entries.Where(e => e.Role == RunRole.Train).Select(e => e.Log).ToHashSet());
        Assert.Equal(test, manifest.Entries.Where(e => e.Role == RunRole.Test).Select(e => e.Log).ToHashSet());
    }

    [Fact]
    public void A_manifest_round_trips_through_its_json()
    {
        var manifest = RunManifest.Read(Shared.Manifest);
        string path = Path.Combine(Directory.CreateTempSubdirectory("lrcompose-manifest-").FullName, "m.json");
        File.WriteAllText(path, manifest.ToJson());
        var again = RunManifest.Read(path);
        Assert.Equal(manifest.Entries.Select(e => (e.Log, e.Recipe, e.Role)), again.Entries.Select(e => (e.Log, e.Recipe, e.Role)));
    }
}
