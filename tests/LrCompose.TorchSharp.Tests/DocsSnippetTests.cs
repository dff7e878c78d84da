using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// docs/training.md's TorchSharp programs (each block marked <c>docs-test: torchsharp</c>), compiled as a user's
/// console project would (implicit usings, references to TorchSharp and the LrCompose packages) and run here, where the
/// native library is; what each prints is compared with the output block the page shows after it.
/// </summary>
[Collection(nameof(TorchCollection))]
public partial class DocsSnippetTests
{
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static string Page() => File.ReadAllText(Path.Combine(Recorded.RepoRoot(), "docs", "training.md")).Replace("\r\n", "\n");

    public static TheoryData<int> Programs => new(Enumerable.Range(0, Block().Matches(Page()).Count));

    [Fact]
    public void The_training_page_has_its_torchsharp_programs() =>
        Assert.True(Block().Matches(Page()).Count >= 2, "docs/training.md should have the binding's program and the plan's, each marked docs-test: torchsharp and followed by its output");

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_training_page_program_compiles_runs_and_prints_what_the_page_shows(int index)
    {
        var match = Block().Matches(Page())[index];
        string code = match.Groups["code"].Value, expected = match.Groups["output"].Value.Trim();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(global::TorchSharp.torch).Assembly.Location).Append(typeof(Schedule).Assembly.Location).Append(typeof(ScheduleLRScheduler).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("TrainingPage", [CSharpSyntaxTree.ParseText(ImplicitUsings, parse), CSharpSyntaxTree.ParseText(code, parse)],
            references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var previous = Console.Out;
        var printed = new StringWriter();
        Console.SetOut(printed);
        try
        {
            var entry = Assembly.Load(stream.ToArray()).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(expected, printed.ToString().Trim());
    }

    [GeneratedRegex("<!-- docs-test: torchsharp -->\n```csharp\n(?<code>.*?)\n```\\s*<!-- docs-test: output -->\n```text\n(?<output>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
