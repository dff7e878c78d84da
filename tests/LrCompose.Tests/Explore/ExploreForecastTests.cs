using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LrCompose.Cli.Explore;
using LrCompose.Forecast;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Explore;

/// <summary>
/// The explorer's forecast over HTTP: the predicted final loss and band are the library's own for that recipe and law
/// (the embedded fit of the shipped runs, the authors' parameters, or a law given as JSON), the real curve is drawn
/// exactly when a run was trained with the edited schedule, and bad recipes, bad laws and the step limit answer 400
/// with a clear message.
/// </summary>
public class ExploreForecastTests(ExploreServerFixture server) : IClassFixture<ExploreServerFixture>
{
    private const string Wsd = "warmup 2159 >> hold 23841 >> one-minus-sqrt 6000 from=3e-4 to=3e-6";
    private const string Cosine24000 = "warmup 2159 >> hold 1 >> cosine 21840 peak=3e-4 floor=3e-5";

    private readonly HttpClient _http = new();

    private static string FittedLawText => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "data", "gpt-25m-fitted-law.json"));

    private async Task<(HttpStatusCode Status, JsonElement Answer)> Forecast(string recipe, string? law = null)
    {
        var response = await _http.GetAsync(server.Url + "/api/forecast?r=" + Uri.EscapeDataString(recipe) + (law is null ? "" : "&law=" + Uri.EscapeDataString(law)));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task The_default_law_is_the_shipped_fit_and_its_final_loss_and_band_are_the_librarys()
    {
        var (status, answer) = await Forecast(Wsd);
        Assert.Equal(HttpStatusCode.OK, status);
        var law = LawJson.Parse(FittedLawText);
        var band = LawJson.ParseBand(FittedLawText);
        Assert.Equal(3, band.Count);
        var schedule = Schedule.Parse(Wsd);
        var ranked = ScheduleRanking.Rank(law, band, [schedule]).Single();
        Assert.Equal(31_999, answer.GetProperty("finalStep").GetInt64());
        Assert.Equal(law.Predict(schedule, [31_999])[0], answer.GetProperty("final").GetDouble());
        Assert.Equal(ranked.Low, answer.GetProperty("low").GetDouble());
        Assert.Equal(ranked.High, answer.GetProperty("high").GetDouble());
        Assert.True(ranked.Low < ranked.High);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("real").ValueKind);
        string svg = answer.GetProperty("svg").GetString()!;
        Assert.Contains("<svg", svg);
        Assert.Contains("one-minus-sqrt 6000", svg);
        Assert.Contains("band of its refits", svg);
    }

    [Fact]
    public async Task The_authors_parameters_and_a_law_given_as_JSON_are_used_as_given()
    {
        var schedule = Schedule.Parse(Wsd);
        var authors = LawJson.Read(Path.Combine(RepoPaths.Root, "docs", "data", "gpt-25m-authors-law.json"));
        var (_, byName) = await Forecast(Wsd, ForecastPanel.Authors);
        Assert.Equal(authors.Predict(schedule, [31_999])[0], byName.GetProperty("final").GetDouble());
        Assert.Equal(JsonValueKind.Null, byName.GetProperty("low").ValueKind); // the authors' law has no band

        var shifted = new MultiPowerLaw(L0: 3.5, A: 0.5, alpha: 0.5, B: 400, C: 1, beta: 0.5, gamma: 0.5);
        var (status, given) = await Forecast(Wsd, LawJson.Write(shifted));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(shifted.Predict(schedule, [31_999])[0], given.GetProperty("final").GetDouble());
        Assert.NotEqual(byName.GetProperty("final").GetDouble(), given.GetProperty("final").GetDouble());
    }

    [Fact]
    public void The_shipped_law_is_the_fit_of_the_shipped_runs()
    {
        // The embedded law is docs/data/gpt-25m-fitted-law.json; if the fit changes, it must be written again
        // (lrcompose fit docs/data/gpt-25m-runs.json --logs ../shared/loss-curves/gpt-25m --out docs/data/gpt-25m-fitted-law.json).
        var fit = LawFit.Fit(ExploreServerFixture.ShippedRuns);
        Assert.Equal(FittedLawText.TrimEnd(), LawJson.Write(fit.Law, fit.SubsetLaws));
        Assert.Equal(LawJson.Write(fit.Law), LawJson.Write(ForecastPanel.Law(ForecastPanel.Shipped).Law));
    }

    [Theory]
    [InlineData(Cosine24000)]
    [InlineData("warmup 2159 >> hold 1 >> cosine 21840 peak=0.0003 floor=0.00003")] // the same schedule, spelled otherwise
    public async Task The_real_curve_is_drawn_when_a_run_was_trained_with_the_schedule(string recipe)
    {
        var (_, answer) = await Forecast(recipe);
        Assert.Equal("cosine_24000.csv", answer.GetProperty("real").GetString());
        Assert.Contains("dots: cosine_24000.csv", answer.GetProperty("svg").GetString());
        var (_, other) = await Forecast("warmup 2159 >> hold 1 >> cosine 21841 peak=3e-4 floor=3e-5");
        Assert.Equal(JsonValueKind.Null, other.GetProperty("real").ValueKind);
        Assert.True(answer.GetProperty("svg").GetString()!.Length > other.GetProperty("svg").GetString()!.Length + 10_000, "the real curve's dots are in the chart");
    }

    [Theory]
    [InlineData("warmup 10 >> cosine 0 peak=3e-4", "steps was 0: it must be at least 1 step.")]
    [InlineData("warmup 100 >> constant 3e-4", "goes on for ever: end it")]
    [InlineData("warmup 100 >> linear 200001 from=3e-4 to=3e-5", "a forecast covers at most 200,000 steps, this schedule has 200,101")]
    [InlineData("warmup 100 >> take 100 (constant 3e-4) >> take 800 (constant 0)", "the schedule's rate is 0 at step 200, where it changes")]
    public async Task A_recipe_the_forecast_cannot_take_is_a_400_with_the_reason(string recipe, string message)
    {
        var (status, answer) = await Forecast(recipe);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Contains(message, answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_recipe_that_does_not_read_has_its_caret_position()
    {
        var (_, answer) = await Forecast("warmup 10 >> cosine 90 peak=3e-4 floor=-1");
        Assert.Equal("warmup 10 >> cosine 90 peak=3e-4 floor=-1".IndexOf("floor", StringComparison.Ordinal), answer.GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData("{\"law\": \"multi-power\"}", "the law does not read: not a law")]
    [InlineData("{\"law\": \"quadratic\", \"params\": {}}", "the law does not read: law was 'quadratic'")]
    [InlineData("not json", "the law does not read: not a law: not valid JSON")]
    public async Task A_law_that_does_not_read_is_a_400_saying_so(string law, string message)
    {
        var (status, answer) = await Forecast(Wsd, law);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_law_longer_than_the_limit_is_refused()
    {
        var (status, answer) = await Forecast(Wsd, "{" + new string('x', ForecastPanel.MaxLawLength) + "}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"a law may have at most {ForecastPanel.MaxLawLength} characters", answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_longest_forecast_allowed_answers_quickly()
    {
        const string longest = "warmup 2000 >> cosine 198000 peak=3e-4 floor=3e-5";
        await Forecast(longest); // the first request pays for loading and JIT
        var clock = Stopwatch.StartNew();
        var (status, answer) = await Forecast(longest);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(answer.GetProperty("points").GetInt32(), 150, 300);
        // Milliseconds of law and chart on a quiet machine; the bound leaves room for a busy shared one.
        Assert.True(clock.ElapsedMilliseconds < 2_000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
