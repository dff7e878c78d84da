using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace LrCompose.Packaging.Tests;

/// <summary>
/// A fresh console project that references the packed packages, exactly as a user's would, running each package
/// readme's example: the library (with its bundled generator), and TorchSharp training on the CPU — which on a system
/// whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12) works only through the package's own build step.
/// </summary>
[Collection(nameof(PackedCollection))]
public sealed partial class ConsumerTests(PackedFeed feed)
{
    private string Consumer(string name, string references, string program, string properties = "")
    {
        string dir = Directory.CreateDirectory(Path.Combine(feed.Work, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="lrcompose-feed" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }

    private static string Example(string package)
    {
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepoRoot, "src", package, "PACKAGE.md")).Replace("\r\n", "\n");
        return CSharpBlock().Match(readme) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"{package}'s PACKAGE.md has no csharp example");
    }

    [Fact]
    public void The_library_package_readme_example_runs_in_a_fresh_project()
    {
        string dir = Consumer("LibraryConsumer", $"""<PackageReference Include="LrCompose" Version="{feed.Version}" />""", Example("LrCompose"));
        string output = Processes.Succeed(dir, "dotnet", "run");
        Assert.Matches(@"^0\.000249\d+ True 0\.95 lr,weight-decay\s*$", output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void The_TorchSharp_package_readme_example_trains_in_a_fresh_project_without_copying_any_file()
    {
        if (!(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)) return; // TorchSharp-cpu's natives here are linux-x64
        string dir = Consumer("TorchSharpConsumer",
            $"""
            <PackageReference Include="LrCompose.TorchSharp" Version="{feed.Version}" />
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
            """,
            Example("LrCompose.TorchSharp"), "<RuntimeIdentifier>linux-x64</RuntimeIdentifier><SelfContained>false</SelfContained>");
        string output = Processes.Succeed(dir, "dotnet", "run", "-r", "linux-x64");
        Assert.Matches(@"^step 100, rate [0-9.eE-]+\s*$", output.Trim().Split('\n')[^1]);
    }

    [GeneratedRegex("```csharp\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
