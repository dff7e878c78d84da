using System.IO.Compression;
using System.Xml.Linq;

namespace LrCompose.Packaging.Tests;

/// <summary>
/// The command-line tool is framework-dependent and portable: one <c>any</c> build run by <c>dotnet</c>, with the
/// chart library's natives for every platform; installed from the packed package it runs and draws.
/// </summary>
[Collection(nameof(PackedCollection))]
public sealed class ToolPackageTests(PackedFeed feed)
{
    [Fact]
    public void The_tool_is_one_portable_build_with_every_platform_natives()
    {
        using var package = ZipFile.OpenRead(feed.Package("LrCompose.Cli"));
        var names = package.Entries.Select(e => e.FullName).ToList();
        var builds = names.Where(n => n.StartsWith("tools/net10.0/", StringComparison.Ordinal)).Select(n => n.Split('/')[2]).Distinct().ToList();
        Assert.Equal(["any"], builds);
        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("dotnet", command.Attribute("Runner")?.Value);
        Assert.Equal("lrcompose", command.Attribute("Name")?.Value);
        foreach (var native in new[] { "win-x64/native/libSkiaSharp.dll", "osx/native/libSkiaSharp.dylib", "linux-x64/native/libSkiaSharp.so", "linux-arm64/native/libSkiaSharp.so" })
            Assert.Contains($"tools/net10.0/any/runtimes/{native}", names);
        Assert.DoesNotContain(names, n => n.StartsWith("tools/net10.0/any/runtimes/", StringComparison.Ordinal) && n.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Installed_from_the_feed_the_tool_lists_presets_and_draws_a_chart()
    {
        string tools = Path.Combine(feed.Work, "tools");
        Processes.Succeed(feed.Work, "dotnet", "tool", "install", "LrCompose.Cli", "--tool-path", tools, "--version", feed.Version, "--add-source", feed.Feed);
        string lrcompose = Path.Combine(tools, OperatingSystem.IsWindows() ? "lrcompose.exe" : "lrcompose");
        Assert.Contains("gpt2", Processes.Succeed(feed.Work, lrcompose, "presets"));
        string chart = Path.Combine(feed.Work, "gpt2.png");
        Processes.Succeed(feed.Work, lrcompose, "plot", "gpt2", "--out", chart);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(chart)[..4]);
    }
}
