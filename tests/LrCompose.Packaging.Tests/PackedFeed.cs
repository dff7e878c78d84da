namespace LrCompose.Packaging.Tests;

/// <summary>
/// The packages as a user gets them: the repository's sources copied to a fresh folder (a git repository of their own,
/// so SourceLink and the nuspec's commit work as in a clone), each package packed in Release into a local feed with
/// a version of its own (so nothing cached from an earlier run can stand in for it), and removed again afterwards.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>The packages a user installs.</summary>
    public static readonly string[] Packages = ["LrCompose", "LrCompose.TorchSharp", "LrCompose.Cli", "LrCompose.Forecast"];

    public PackedFeed()
    {
        Version = $"0.1.0-pack.{Guid.NewGuid():N}"[..22];
        Work = Directory.CreateTempSubdirectory("lrcompose-pack-").FullName;
        Source = Path.Combine(Work, "repo");
        Feed = Path.Combine(Work, "feed");
        CopySources(RepoRoot, Source);
        Processes.Succeed(Source, "git", "init", "-q", "-b", "main");
        Processes.Succeed(Source, "git", "add", "-A");
        Processes.Succeed(Source, "git", "-c", "user.name=pack", "-c", "user.email=pack@localhost", "commit", "-q", "-m", "packed");
        foreach (var package in Packages)
            PackOutput[package] = Processes.Succeed(Source, "dotnet", "pack", Path.Combine("src", package), "-c", "Release", "-o", Feed, $"-p:Version={Version}");
    }

    public string Version { get; }
    public string Work { get; }
    public string Source { get; }
    public string Feed { get; }

    /// <summary>What <c>dotnet pack</c> printed for each package.</summary>
    public Dictionary<string, string> PackOutput { get; } = [];

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");
    public string Symbols(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    /// <summary>The global packages folder, where restores extract this run's packages (removed in Dispose).</summary>
    public static string GlobalPackages => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        foreach (var package in Packages)
        {
            string extracted = Path.Combine(GlobalPackages, package.ToLowerInvariant(), Version);
            if (Directory.Exists(extracted)) Directory.Delete(extracted, recursive: true);
        }
        Directory.Delete(Work, recursive: true);
    }

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrCompose.sln"))) return dir.FullName;
        throw new InvalidOperationException("LrCompose.sln not found above the test binaries");
    }

    /// <summary>What packing needs: the projects and the build settings, without any build output.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in new[] { "Directory.Build.props", ".gitignore" }) File.Copy(Path.Combine(from, file), Path.Combine(Directory.CreateDirectory(to).FullName, file));
        // docs/data holds files the tool embeds (the explorer's shipped forecast law).
        foreach (var folder in new[] { "src", "generators", "docs/data" }) CopyTree(Path.Combine(from, folder), Path.Combine(to, folder));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            if (Path.GetFileName(dir) is not ("bin" or "obj")) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

[CollectionDefinition(nameof(PackedCollection))]
public sealed class PackedCollection : ICollectionFixture<PackedFeed>;
