using System.Collections.Immutable;
using System.Reflection;
using LrCompose.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.Tests.Generator;

/// <summary>Runs the generator over source text in memory, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(Schedule).Assembly.Location))
        .ToImmutableArray();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("Recipes" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Recipe{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public sealed record Run(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result, GeneratorDriver Driver)
    {
        public IEnumerable<Diagnostic> CompilerErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

        public string Source(string hintEnd) =>
            Result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintEnd, StringComparison.Ordinal)).SourceText.ToString();
    }

    public static Run Generate(params string[] sources) => Generate(Compile(sources));

    public static Run Generate(Compilation compilation, bool track = false)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new RecipeGenerator().AsSourceGenerator()], parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(output, diagnostics, driver.GetRunResult(), driver);
    }

    /// <summary>Emits the compilation and loads it, failing with the compiler's errors if there are any.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    public const string Usings = "using LrCompose;\nusing static LrCompose.Schedules;\n";

    /// <summary>Namespace <c>N</c>, type <c>R</c>: recipe i as the member <c>S{i}</c> (struct <c>N.R+S{i}Schedule</c>), on line
    /// <see cref="FirstMemberLine"/> + i, so a diagnostic's line says whose it is.</summary>
    public static string Members(IEnumerable<string> recipes) =>
        MembersHeader + string.Concat(recipes.Select((code, i) => $"    [CompiledSchedule] public static Schedule S{i} => {code};\n")) + "}\n";

    private const string MembersHeader = Usings + "namespace N;\npublic static partial class R\n{\n";

    /// <summary>The 0-based line of member <c>S0</c> in <see cref="Members"/>.</summary>
    public static int FirstMemberLine { get; } = MembersHeader.Count(c => c == '\n');
}
