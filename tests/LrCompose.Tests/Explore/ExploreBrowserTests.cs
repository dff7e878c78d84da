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
/// its predicted curve. Each panel's screenshot is saved under TestResults/.
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
        _browser.FindElement(By.Id("tr-warmup")).Click();
        Wait.Until(d => (d.FindElement(By.Id("tr-chart")).GetAttribute("innerHTML") ?? "").Contains("<svg"));
        ((IJavaScriptExecutor)_browser).ExecuteScript("document.getElementById('training').scrollIntoView()");
        Screenshot("training");
        _browser.FindElement(By.Id("tr-cyclic")).Click();
        Wait.Until(d => (d.FindElement(By.Id("tr-chart")).GetAttribute("innerHTML") ?? "").Contains("triangular"));
        Screenshot("cyclical");
    }
}

/// <summary>One browser at a time: two cores, and Chromium is heavy.</summary>
[CollectionDefinition(nameof(BrowserCollection), DisableParallelization = true)]
public sealed class BrowserCollection;
