namespace LrCompose.Tests.Support;

/// <summary>Finds the repository root (the folder holding LrCompose.sln) and the shared folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string GoldenPublic => Path.Combine(Shared, "conformance", "golden-public.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrCompose.sln"))) return dir.FullName;
        throw new InvalidOperationException("LrCompose.sln not found above the test binaries");
    }
}
