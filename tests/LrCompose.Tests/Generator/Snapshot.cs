using LrCompose.Tests.Support;

namespace LrCompose.Tests.Generator;

/// <summary>
/// Expected-file snapshots: the generated text must equal <c>Snapshots/NAME</c> after normalising line endings and the
/// generator version. On a mismatch the actual text is written beside it as <c>.received.cs</c> and the test fails;
/// a missing snapshot fails too. Set <c>UPDATE_SNAPSHOTS=1</c> to accept the received text.
/// </summary>
internal static class Snapshot
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "LrCompose.Tests", "Generator", "Snapshots");

    public static void Match(string name, string actual)
    {
        string expectedPath = Path.Combine(Folder, name);
        string normalised = Normalise(actual);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(expectedPath, normalised);
            return;
        }
        string receivedPath = Path.ChangeExtension(expectedPath, null) + ".received.cs";
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(receivedPath, normalised);
            Assert.Fail($"no snapshot {name}; the generated text is in {receivedPath} (UPDATE_SNAPSHOTS=1 accepts it)");
        }
        if (Normalise(File.ReadAllText(expectedPath)) != normalised)
        {
            File.WriteAllText(receivedPath, normalised);
            Assert.Fail($"generated text differs from {name}; see {receivedPath}");
        }
        if (File.Exists(receivedPath)) File.Delete(receivedPath);
    }

    private static string Normalise(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace($"\"{LrCompose.Generators.RecipeGenerator.Version}\"", "\"VERSION\"");
}
