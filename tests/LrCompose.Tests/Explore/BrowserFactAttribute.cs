namespace LrCompose.Tests.Explore;

/// <summary>
/// A test that needs headless Chromium and its driver. On a machine without them it is reported as skipped with one
/// line saying what to install — the README's test command must pass with the .NET SDK alone — except under
/// <c>CI=true</c>, where a missing browser is a failure like any other: CI provisions it and must not skip silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Where the Debian packages <c>chromium</c> and <c>chromium-driver</c> put the browser and its driver.</summary>
    public static readonly string[] BrowserPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <inheritdoc cref="BrowserPaths"/>
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>Skipped on this machine, or not.</summary>
    public BrowserFactAttribute()
    {
        if (SkipReason(BrowserPaths.Any(File.Exists), File.Exists(DriverPath), Environment.GetEnvironmentVariable("CI")) is { } reason)
            Skip = reason;
    }

    /// <summary>Why the browser tests are skipped, or null when they run: they run when both are present, and always
    /// under CI (where a missing browser must fail, not vanish).</summary>
    public static string? SkipReason(bool browser, bool driver, string? ci) =>
        (browser && driver) || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "needs headless Chromium and its driver: on Debian/Ubuntu 'apt-get install chromium chromium-driver' (.ci/run installs them)";
}
