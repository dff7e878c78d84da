using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LrCompose.Packaging.Tests;

/// <summary>
/// Each packed package says where it comes from and can be trusted: a licence expression, the project and repository
/// addresses with the commit, its own short readme (not the contributors' README with its relative links), symbols in a
/// .snupkg whose PDB points at the repository through SourceLink, a reproducible build, and a pack with no warnings.
/// </summary>
[Collection(nameof(PackedCollection))]
public sealed partial class PackageMetadataTests(PackedFeed feed)
{
    private const string Repository = "https://github.com/LrCompose/LrCompose";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Packages => new(PackedFeed.Packages);

    private static XElement Metadata(ZipArchive package, string id)
    {
        var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement? Element(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    [Theory, MemberData(nameof(Packages))]
    public void The_nuspec_names_licence_project_repository_and_commit(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var metadata = Metadata(package, id);
        var license = Element(metadata, "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        Assert.Equal(Repository, Element(metadata, "projectUrl")?.Value);
        var repository = Element(metadata, "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.Equal(Repository, repository?.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository?.Attribute("commit")?.Value ?? "");
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")?.Value));
    }

    [Theory, MemberData(nameof(Packages))]
    public void The_readme_is_the_package_own_with_absolute_links_only(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        Assert.Equal("README.md", Element(Metadata(package, id), "readme")?.Value);
        string packed = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.Equal(File.ReadAllText(Path.Combine(PackedFeed.RepoRoot, "src", id, "PACKAGE.md")), packed);
        Assert.Empty(RelativeLink().Matches(packed).Select(m => m.Value));
        Assert.True(packed.Split('\n').Length < 60, $"{id}'s package readme should be short, not the contributors' README");
    }

    [Theory, MemberData(nameof(Packages))]
    public void Pack_prints_no_warning(string id) =>
        Assert.DoesNotMatch(@"(?i)\bwarning\b", feed.PackOutput[id]);

    [Theory, MemberData(nameof(Packages))]
    public void Symbols_carry_SourceLink_to_the_repository_commit_and_the_build_is_reproducible(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        string commit = Element(Metadata(package, id), "repository")!.Attribute("commit")!.Value;
        var assembly = package.Entries.Single(e => e.FullName.EndsWith($"/{id}.dll", StringComparison.Ordinal));
        using (var pe = new PEReader(new MemoryStream(ReadAll(assembly))))
            Assert.Contains(pe.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.Reproducible);

        Assert.True(File.Exists(feed.Symbols(id)), $"no {Path.GetFileName(feed.Symbols(id))} beside the package");
        using var symbols = ZipFile.OpenRead(feed.Symbols(id));
        string pdbPath = Path.ChangeExtension(assembly.FullName, ".pdb");
        var pdb = symbols.GetEntry(pdbPath) ?? throw new Xunit.Sdk.XunitException($"{pdbPath} is not in the symbols package");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadAll(pdb)));
        var reader = provider.GetMetadataReader();
        string sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation).Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value))).SingleOrDefault() ?? "";
        Assert.Contains($"https://raw.githubusercontent.com/LrCompose/LrCompose/{commit}/*", sourceLink);
        // Reproducible paths: every source document is under the mapped root, none under this machine's folders.
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, name => Assert.StartsWith("/_/", name));
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"\]\((?!https?://)[^)]*\)")]
    private static partial Regex RelativeLink();
}
