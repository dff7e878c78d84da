using System.Net;
using System.Text.Json;
using LrCompose.Cli.Explore;

namespace LrCompose.Tests.Explore;

/// <summary>The explorer's server over HTTP: the page, the API, the loopback-only Host rule and the limits.</summary>
public class ExploreApiTests(ExploreServerFixture server) : IClassFixture<ExploreServerFixture>
{
    private readonly HttpClient _http = new();

    private Task<HttpResponseMessage> Get(string path) => _http.GetAsync(server.Url + path);

    private static string Q(string recipe) => Uri.EscapeDataString(recipe);

    [Fact]
    public async Task The_page_is_served_whole_and_needs_nothing_from_the_network()
    {
        var response = await Get("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<section id=\"schedules\">", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task A_recipe_gives_its_numbers_for_sliders_and_its_facts()
    {
        using var doc = JsonDocument.Parse(await (await Get("/api/recipe?r=" + Q("warmup 100 >> cosine 900 peak=0.1"))).Content.ReadAsStringAsync());
        var numbers = doc.RootElement.GetProperty("numbers").EnumerateArray().ToList();
        Assert.Equal([100.0, 900.0, 0.1], numbers.Select(n => n.GetProperty("value").GetDouble()));
        Assert.Equal("peak", numbers[2].GetProperty("key").GetString());
        Assert.Equal(0.1, doc.RootElement.GetProperty("facts").GetProperty("peak").GetDouble());
    }

    [Fact]
    public async Task A_recipe_that_does_not_read_is_the_CLIs_message_with_its_position()
    {
        var response = await Get("/api/recipe?r=" + Q("warmup 10 >> cosine 90 peak=0.1 floor=-1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("floor was -1: it must be a finite number between 0 and 1e100.", doc.RootElement.GetProperty("error").GetString());
        Assert.Equal("warmup 10 >> cosine 90 peak=0.1 floor=-1".IndexOf("floor", StringComparison.Ordinal), doc.RootElement.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task The_chart_is_svg_with_every_recipe_named()
    {
        var response = await Get("/api/chart?r=gpt2&r=" + Q("warmup 2000 >> linear 248000 from=2.5e-4 to=2.5e-5"));
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        string svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("gpt2", svg);
        Assert.Contains("linear 248000", svg);
    }

    [Fact]
    public async Task Momentum_is_drawn_on_a_right_axis_only_when_asked()
    {
        string recipe = "warmup 100 >> cosine 900 peak=0.1";
        string with = await (await Get("/api/chart?r=" + Q(recipe) + "&momentum=1")).Content.ReadAsStringAsync();
        string without = await (await Get("/api/chart?r=" + Q(recipe))).Content.ReadAsStringAsync();
        Assert.Contains("momentum of warmup 100", with);
        Assert.DoesNotContain("momentum", without);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test:5175")]
    [InlineData("10.0.0.1")]
    public async Task A_request_for_another_host_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url + "/");
        request.Headers.Host = host;
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Loopback_names_are_the_only_hosts_allowed()
    {
        Assert.True(ExploreServer.IsLoopbackHost("localhost"));
        Assert.True(ExploreServer.IsLoopbackHost("127.0.0.1"));
        Assert.True(ExploreServer.IsLoopbackHost("[::1]"));
        Assert.False(ExploreServer.IsLoopbackHost("localhost.evil.example"));
        Assert.False(ExploreServer.IsLoopbackHost("192.168.1.1"));
    }

    [Fact]
    public async Task Limits_give_a_clear_message()
    {
        var longRecipe = await Get("/api/chart?r=" + Q(string.Join(" >> ", Enumerable.Repeat("linear 10 from=0.1 to=0.01", 100)) + " >> constant 0"));
        Assert.Equal(HttpStatusCode.BadRequest, longRecipe.StatusCode);
        Assert.Contains("at most 2000 characters", await longRecipe.Content.ReadAsStringAsync());
        var many = await Get("/api/chart?" + string.Join("&", Enumerable.Repeat("r=gpt2", 9)));
        Assert.Contains("at most 8 recipes", await many.Content.ReadAsStringAsync());
        var steps = await Get("/api/chart?r=gpt2&steps=100000000");
        Assert.Contains("steps must be a whole number from 1 to 10,000,000", await steps.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_range_test_panel_gives_the_librarys_own_suggestions()
    {
        using var doc = JsonDocument.Parse(await (await Get("/api/range-test?model=classifier&rules=fastai")).Content.ReadAsStringAsync());
        var expected = Simulations.RangeTest("classifier", RangeTestRules.Fastai);
        foreach (var (name, value) in expected.Suggestions)
            Assert.Equal(value, doc.RootElement.GetProperty("suggestions").GetProperty(name).GetDouble());
        Assert.Contains("<svg", doc.RootElement.GetProperty("svg").GetString());
    }

    [Fact]
    public async Task Training_demos_give_one_finite_loss_curve_per_schedule()
    {
        using var doc = JsonDocument.Parse(await (await Get("/api/train?model=quadratic&r=" + Q("constant 0.9 |> take 300") + "&r=" + Q("warmup 60 >> constant 0.9 |> take 300"))).Content.ReadAsStringAsync());
        var finals = doc.RootElement.GetProperty("finalLosses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, finals.Length);
        Assert.All(finals, f => Assert.True(double.IsFinite(f)));
        // λ_max along each run, with the rate where it was measured; the quadratic's Hessian is 2 everywhere.
        var sharpness = doc.RootElement.GetProperty("sharpness").EnumerateArray().ToList();
        Assert.Equal(2, sharpness.Count);
        foreach (var run in sharpness)
        {
            Assert.Equal(0, run.GetProperty("steps")[0].GetInt64());
            Assert.All(run.GetProperty("values").EnumerateArray(), v => Assert.Equal(2, v.GetDouble(), 1e-6));
            Assert.Equal(run.GetProperty("steps").GetArrayLength(), run.GetProperty("rates").GetArrayLength());
        }
    }

    [Fact]
    public async Task The_warmup_panel_trains_with_and_without_the_warmup_and_says_where_the_rate_crossed_the_line()
    {
        using var doc = JsonDocument.Parse(await (await Get("/api/warmup?r=" + Q(LrCompose.Cli.Training.WarmupDemo.DefaultRecipe))).Content.ReadAsStringAsync());
        var root = doc.RootElement;
        var demo = LrCompose.Cli.Training.WarmupDemo.Run(Schedule.Parse(LrCompose.Cli.Training.WarmupDemo.DefaultRecipe));
        Assert.Equal(demo.With.Final, root.GetProperty("finalWith").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("finalWithout").ValueKind);
        Assert.True(root.GetProperty("trainedWith").GetBoolean());
        Assert.False(root.GetProperty("trainedWithout").GetBoolean());
        Assert.Equal(0, root.GetProperty("unstableWithout").GetInt64());
        Assert.Equal(100, root.GetProperty("warmupSteps").GetInt64());
        Assert.Equal(demo.With.Sharpness[0], root.GetProperty("initialSharpness").GetDouble());
        Assert.Contains("2/η without it", root.GetProperty("sharpnessSvg").GetString());
        Assert.Contains("with the warmup", root.GetProperty("lossSvg").GetString());
    }

    [Fact]
    public async Task The_warmup_panel_refuses_a_recipe_without_a_warmup_in_words()
    {
        var response = await Get("/api/warmup?r=" + Q("constant 0.1 |> take 100"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has no warmup", await response.Content.ReadAsStringAsync());
    }
}
