using System.Text.RegularExpressions;
using LrCompose.Tests.Generator;
using LrCompose.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LrCompose.Tests;

/// <summary>The README's 30-second example compiles as written, runs, and prints what its comment says.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_compiles_and_runs()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        string code = Regex.Match(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Warmup(2_000)", code);

        var compilation = CSharpCompilation.Create("Readme",
            [CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions)],
            GeneratorHarness.Compile().References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var assembly = GeneratorHarness.Load(compilation);

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try { assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]); }
        finally { Console.SetOut(original); }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("warmup 2000 >> cosine 248000 peak=0.00025 floor=2.5E-05", lines[0].Trim());
        double expected = Presets.Gpt2.Rate(10_000);
        Assert.Equal($"{expected} {expected} {LrCompose.Compat.Torch.OneCycleLR(0.1, 100).Momentum.Rate(0)}", lines[1].Trim());
    }
}
