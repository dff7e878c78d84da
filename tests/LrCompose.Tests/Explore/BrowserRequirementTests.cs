namespace LrCompose.Tests.Explore;

/// <summary>The browser tests on a machine with the SDK alone: skipped with one line saying what to install, never
/// failed; under CI a missing browser is not skipped (it fails).</summary>
public sealed class BrowserRequirementTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Without_the_browser_outside_CI_the_tests_are_skipped_with_what_to_install(bool browser, bool driver)
    {
        string? reason = BrowserFactAttribute.SkipReason(browser, driver, ci: null);
        Assert.NotNull(reason);
        Assert.DoesNotContain('\n', reason);
        Assert.Contains("apt-get install chromium chromium-driver", reason);
    }

    [Theory]
    [InlineData(false, false, "true")]
    [InlineData(false, false, "TRUE")]
    [InlineData(true, true, null)]
    [InlineData(true, true, "true")]
    public void With_the_browser_or_under_CI_the_tests_run(bool browser, bool driver, string? ci) =>
        Assert.Null(BrowserFactAttribute.SkipReason(browser, driver, ci));
}
