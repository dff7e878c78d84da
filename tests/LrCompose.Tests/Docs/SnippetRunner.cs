using System.Collections.Immutable;
using System.Reflection;
using LrCompose.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.Tests.Docs;

/// <summary>
/// Compiles documentation snippets as a user's fresh console project would (.NET 10, C# latest, the SDK's implicit
/// usings, a reference to LrCompose and its source generator) and runs them, capturing what they print.
/// </summary>
internal static class SnippetRunner
{
    /// <summary>The global usings of a new console project (<c>ImplicitUsings</c> enabled).</summary>
    public const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(Schedule).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(LanguageExt.Fin<>).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(LrCompose.Forecast.MultiPowerLaw).Assembly.Location))
        .ToImmutableArray();

    /// <summary>Compiles the sources (each its own file) into a program, with the generator; returns it or the errors.</summary>
    public static Assembly Compile(IEnumerable<string> sources, string name, bool program)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Prepend(ImplicitUsings).Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"{name}.{i}.cs"));
        var compilation = CSharpCompilation.Create("Doc" + Guid.NewGuid().ToString("N"), trees, References,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new RecipeGenerator().AsSourceGenerator()], parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{name} does not compile:\n" + string.Join("\n", errors));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, $"{name} does not emit:\n" + string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    private static readonly Lock ConsoleLock = new();

    /// <summary>Runs the program's entry point and returns what it wrote to the console.</summary>
    public static string Run(Assembly program)
    {
        lock (ConsoleLock)
        {
            var previous = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                var entry = program.EntryPoint ?? throw new InvalidOperationException("no entry point");
                entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            }
            finally
            {
                Console.SetOut(previous);
            }
            return captured.ToString();
        }
    }
}
