using LrCompose.Cli.Explore;
using LrCompose.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace LrCompose.Tests.Explore;

/// <summary>
/// The explorer in a real browser: headless Chromium (the Debian packages chromium and chromium-driver, which .ci/run
/// installs when missing; without them the tests are skipped with one line, except under CI=true) driven by Selenium. Type a recipe and the chart changes; move a slider and the recipe text
/// and the chart change; a bad recipe shows the caret message and the last good chart stays; a toggle hides a series;
/// the range-test panel shows the library's own suggestions; editing the forecast's recipe, by text or slider, redraws
/// its predicted curve; the warmup panel shows λ_max against 2/η for the schedule being edited. Each panel's screenshot is saved under TestResults/.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ExploreBrowserTests(ExploreServerFixture server) : IClassFixture<ExploreServerFixture>, IDisposable
{
    private readonly ChromeDriver _browser = Start();

    private static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.BrowserPaths.FirstOrDefault(File.Exists) ?? BrowserFactAttribute.BrowserPaths[0] };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.DriverPath)!, Path.GetFileName(BrowserFactAttribute.DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public void Dispose() => _browser.Quit();

    private WebDriverWait Wait => new(_browser, TimeSpan.FromSeconds(20));

    private string ChartSvg() => _browser.FindElement(By.Id("chart")).GetAttribute("innerHTML") ?? "";

    private void Screenshot(string name)
    {
        string dir = Path.Combine(RepoPaths.Root, "TestResults");
        Directory.CreateDirectory(dir);
        _browser.GetScreenshot().SaveAsFile(Path.Combine(dir, $"explore-{name}.png"));
    }

    private IWebElement FirstRecipe => _browser.FindElements(By.CssSelector("#recipes input[type=text]"))[0];

    private void Open()
    {
        _browser.Navigate().GoToUrl(server.Url + "/");
        Wait.Until(_ => ChartSvg().Contains("<svg") && _browser.FindElements(By.CssSelector(".slider")).Count > 0);
    }

    [BrowserFact]
    public void Typing_a_recipe_redraws_the_chart()
    {
        Open();
        string before = ChartSvg();
        FirstRecipe.Clear();
        FirstRecipe.SendKeys("warmup 50 >> linear 950 from=0.08 to=0" + Keys.Enter);
        Wait.Until(_ => ChartSvg() != before && ChartSvg().Contains("linear 950"));
        Screenshot("schedules");
    }

    [BrowserFact]
    public void Moving_a_slider_rewrites_the_recipe_and_redraws()
    {
        Open();
        string text = FirstRecipe.GetAttribute("value")!, chart = ChartSvg();
        var slider = _browser.FindElements(By.CssSelector(".slider")).First(s => s.GetAttribute("data-key") == "peak");
        new Actions(_browser).ClickAndHold(slider).MoveByOffset(60, 0).Release().Perform();
        Wait.Until(_ => FirstRecipe.GetAttribute("value") != text && ChartSvg() != chart);
        Assert.Contains("peak=", FirstRecipe.GetAttribute("value"));
        Assert.DoesNotContain("peak=0.1 ", FirstRecipe.GetAttribute("value") + " ");
    }

    [BrowserFact]
    public void A_bad_recipe_shows_the_caret_message_and_the_last_good_chart_stays()
    {
        Open();
        string chart = ChartSvg();
        FirstRecipe.Clear();
        FirstRecipe.SendKeys("warmup 10 >> cosine 0 peak=0.1" + Keys.Enter);
        var error = Wait.Until(d => d.FindElements(By.CssSelector(".error")).FirstOrDefault(e => e.Text.Length > 0));
        Assert.Contains("steps was 0: it must be at least 1 step.", error!.Text);
        Assert.Contains("^", error.Text);
        Assert.Contains("<svg", ChartSvg());
        Screenshot("error");
    }

    [BrowserFact]
    public void A_toggle_hides_its_series()
    {
        Open();
        Wait.Until(_ => ChartSvg().Contains("linear 300"));
        _browser.FindElements(By.CssSelector("#recipes .toggle"))[1].Click();
        Wait.Until(_ => !ChartSvg().Contains("linear 300"));
    }

    [BrowserFact]
    public void Editing_the_forecast_recipe_redraws_the_predicted_curve()
    {
        Open();
        string Chart() => _browser.FindElement(By.Id("fc-chart")).GetAttribute("innerHTML") ?? "";
        string Final() => _browser.FindElement(By.Id("fc-final")).Text;
        // The default recipe is the 25M cosine run's schedule, so its real curve is named.
        Wait.Until(_ => Chart().Contains("<svg") && Final().Contains("cosine_24000.csv"));
        Assert.Contains("band [", Final());
        ((IJavaScriptExecutor)_browser).ExecuteScript("document.getElementById('forecast').scrollIntoView()");
        Screenshot("forecast");

        var input = _browser.FindElement(By.CssSelector("#fc-recipe input[type=text]"));
        string chart = Chart(), final = Final();
        const string wsd = "warmup 2159 >> hold 23841 >> one-minus-sqrt 6000 from=3e-4 to=3e-6";
        input.Clear();
        input.SendKeys(wsd + Keys.Enter);
        Wait.Until(_ => Chart() != chart && Chart().Contains("one-minus-sqrt 6000") && Final() != final);
        double expected = LrCompose.Forecast.ScheduleRanking.Rank(ForecastPanel.Law(ForecastPanel.Shipped).Law, [], [Schedule.Parse(wsd)]).Single().Loss;
        Assert.StartsWith($"predicted final loss {expected.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} at step 31999", Final());

        chart = Chart();
        var slider = _browser.FindElements(By.CssSelector("#fc-recipe .slider")).First(s => s.GetAttribute("data-key") == "to");
        new Actions(_browser).ClickAndHold(slider).MoveByOffset(60, 0).Release().Perform();
        Wait.Until(_ => input.GetAttribute("value") != wsd && Chart() != chart);
    }

    [BrowserFact]
    public void The_range_test_panel_shows_the_librarys_own_suggestions()
    {
        Open();
        _browser.FindElement(By.Id("rt-run")).Click();
        Wait.Until(d => d.FindElements(By.CssSelector("#rt-suggestions .suggestion")).Count == 4);
        var shown = _browser.FindElements(By.CssSelector("#rt-suggestions tr")).ToDictionary(
            r => r.FindElements(By.TagName("td"))[0].Text, r => double.Parse(r.FindElement(By.CssSelector(".suggestion")).Text, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in Simulations.RangeTest("quadratic", RangeTestRules.Fastai).Suggestions)
            Assert.Equal(value, shown[name], value * 1e-3);
        ((IJavaScriptExecutor)_browser).ExecuteScript("document.getElementById('range-test').scrollIntoView()");
        Screenshot("range-test");
        _browser.FindElement(By.Id("tr-cyclic")).Click();
        Wait.Until(d => (d.FindElement(By.Id("tr-chart")).GetAttribute("innerHTML") ?? "").Contains("triangular"));
        Assert.Contains("largest η·λ_max/2", _browser.FindElement(By.Id("tr-sharpness")).Text);
        // Every chart of the page is an inline SVG: an id used twice would make one chart clip by another's paths.
        var duplicated = ((IJavaScriptExecutor)_browser).ExecuteScript(
            "const seen = new Set(), twice = []; document.querySelectorAll('[id]').forEach(e => seen.has(e.id) ? twice.push(e.id) : seen.add(e.id)); return twice.join(' ');");
        Assert.Equal("", duplicated);
        ((IJavaScriptExecutor)_browser).ExecuteScript("document.getElementById('training').scrollIntoView()");
        Screenshot("cyclical");
    }

    [BrowserFact]
    public void The_warmup_panel_shows_sharpness_under_the_line_with_the_warmup_and_redraws_for_the_edited_schedule()
    {
        Open();
        string Sharpness() => _browser.FindElement(By.Id("wu-sharpness")).GetAttribute("innerHTML") ?? "";
        string Loss() => _browser.FindElement(By.Id("wu-loss")).GetAttribute("innerHTML") ?? "";
        string Facts() => _browser.FindElement(By.Id("wu-facts")).Text;
        // The default sits where warmup helps: without it the rate is above 2/λ_max from step 0 and the run diverges.
        Wait.Until(_ => Sharpness().Contains("2/η with the warmup") && Loss().Contains("diverged at step") && Facts().Length > 0);
        var demo = LrCompose.Cli.Training.WarmupDemo.Run(Schedule.Parse(LrCompose.Cli.Training.WarmupDemo.DefaultRecipe));
        string F2(double v) => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"λ_max {F2(demo.With.Sharpness[0])} at the start", Facts());
        Assert.Contains($"{F2(demo.With.Sharpness[^1])} at the end with the warmup", Facts());
        Assert.Contains("With the warmup: trained", Facts());
        Assert.Contains("Without: diverged, its rate first above 2/λ_max at step 0.", Facts());
        ((IJavaScriptExecutor)_browser).ExecuteScript("document.getElementById('warmup').scrollIntoView()");
        Screenshot("warmup");

        // At a peak under 2/λ_max of the start the warmup is not needed: both runs train, and the charts are redrawn.
        var input = _browser.FindElement(By.CssSelector("#wu-recipe input[type=text]"));
        string sharpness = Sharpness(), loss = Loss();
        input.Clear();
        input.SendKeys("warmup 100 >> constant 0.05 |> take 400" + Keys.Enter);
        Wait.Until(_ => Sharpness() != sharpness && Loss() != loss && Facts().Contains("Without: trained"));
        Assert.Contains("peak 0.05", Facts());
        Assert.DoesNotContain("diverged", Loss());

        // A recipe without a warmup is refused with the server's words; the last charts stay.
        input.Clear();
        input.SendKeys("cosine 100 peak=0.1" + Keys.Enter);
        Wait.Until(d => d.FindElement(By.CssSelector("#wu-recipe .error")).Text.Contains("has no warmup"));
        Assert.Contains("<svg", Sharpness());
    }
}

/// <summary>One browser at a time: two cores, and Chromium is heavy.</summary>
[CollectionDefinition(nameof(BrowserCollection), DisableParallelization = true)]
public sealed class BrowserCollection;
