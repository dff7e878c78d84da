using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// docs/training.md's TorchSharp program, compiled as a user's console project would (implicit usings, references
/// to TorchSharp and the LrCompose packages) and run here, where the native library is; what it prints is compared
/// with the output block the page shows.
/// </summary>
[Collection(nameof(TorchCollection))]
public partial class DocsSnippetTests
{
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    [Fact]
    public void The_training_page_program_compiles_runs_and_prints_what_the_page_shows()
    {
        string page = File.ReadAllText(Path.Combine(Recorded.RepoRoot(), "docs", "training.md")).Replace("\r\n", "\n");
        var match = Block().Match(page);
        Assert.True(match.Success, "docs/training.md has no block marked docs-test: torchsharp followed by its output");
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
