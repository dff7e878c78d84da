using System.Text;
using LrCompose.Cli;
using LrCompose.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LrCompose.Tests.Docs;

/// <summary>
/// The docs are code: every fenced <c>csharp</c> block of README.md and docs/*.md is compiled as a user's console
/// project would compile it, and run where it is a program; a <c>text</c> block marked <c>&lt;!-- docs-test: output --&gt;</c>
/// right after it is what it must print. Every <c>lrcompose</c> command in a shell block is run and its exit code
/// checked (and its output, where the block shows it). Markers: <c>fragment CONTEXT</c> (compiled inside a stated
/// context), <c>with-previous</c> (compiled together with the page's previous C# block), <c>illustration REASON</c>
/// (not compiled: generated code or a sketch of library internals), <c>torchsharp</c> (compiled and run by the
/// TorchSharp test project, which has the native library), <c>exit N</c> (the commands' expected exit code),
/// <c>server</c> (a command that serves until stopped: its command and options are checked with <c>--help</c>; the
/// server itself is tested by the explorer's API and browser tests).
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class DocsTests
{
    /// <summary>Fragment contexts: the code around a fragment, and the usings the page must state for it.</summary>
    private static readonly Dictionary<string, (string Before, string After, string[] Usings)> Contexts = new()
    {
        // A schedule value in scope, as in the catalogue's and recipes' one-liners.
        ["schedule"] = ("using LrCompose;\nusing static LrCompose.Schedules;\nSchedule s = Cosine(100, peak: 0.1);\n", "\n", ["using LrCompose;", "using static LrCompose.Schedules;"]),
    };

    public static TheoryData<string> CSharpBlocks =>
        new(DocPages.AllBlocks.Where(b => b.Language == "csharp").Select(b => b.ToString()));

    public static TheoryData<string> CommandBlocks =>
        new(DocPages.AllBlocks.Where(b => Commands(b).Any()).Select(b => b.ToString()));

    private static DocBlock Find(string id) => DocPages.AllBlocks.Single(b => b.ToString() == id);

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void CSharp_block_compiles_and_prints_what_the_page_says(string id)
    {
        var block = Find(id);
        var page = DocPages.Blocks(block.Page);
        int index = page.ToList().IndexOf(block);
        switch (block.Verb)
        {
            case "illustration":
                Assert.False(string.IsNullOrWhiteSpace(block.Argument), $"{id}: an illustration must say why it is not compiled");
                return;
            case "torchsharp":
                // Compiled and run, output checked, by tests/LrCompose.TorchSharp.Tests/DocsSnippetTests.cs, where TorchSharp is.
                return;
            case null or "with-previous" or "fragment":
                break;
            default:
                Assert.Fail($"{id}: unknown docs-test marker '{block.Marker}'");
                break;
        }

        var sources = new List<string>();
        if (block.Verb == "fragment")
        {
            Assert.True(Contexts.TryGetValue(block.Argument, out var context), $"{id}: unknown fragment context '{block.Argument}'");
            string text = DocPages.Text(block.Page);
            foreach (var u in context.Usings) Assert.True(text.Contains(u), $"{block.Page} must state '{u}' for its fragments");
            sources.Add(context.Before + block.Code + context.After);
        }
        else
        {
            for (int i = index; i >= 0 && page[i].Language == "csharp"; i--)
            {
                sources.Insert(0, page[i].Code);
                if (page[i].Verb != "with-previous") break;
                while (i > 0 && page[i - 1].Language != "csharp") i--;
            }
        }

        bool isProgram = sources.Any(s => CSharpSyntaxTree.ParseText(s).GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any());
        var assembly = SnippetRunner.Compile(sources, id.Replace('/', '_').Replace(':', '_'), isProgram);
        if (!isProgram) return;
        string printed = SnippetRunner.Run(assembly);
        if (index + 1 < page.Count && page[index + 1].Verb == "output")
            Assert.Equal(Lines(page[index + 1].Code), Lines(printed));
    }

    [Theory]
    [MemberData(nameof(CommandBlocks))]
    public void Command_runs_with_the_exit_code_and_output_the_page_shows(string id)
    {
        var block = Find(id);
        int expectedExit = block.Verb == "exit" ? int.Parse(block.Argument) : 0;
        var lines = block.Code.Split('\n');
        string scratch = Directory.CreateTempSubdirectory("lrcompose-docs-").FullName;
        try
        {
            for (int i = 0; i < lines.Length; i++)
            {
                if (CommandArgs(lines[i]) is not { } args) continue;
                if (block.Verb == "server") args = [.. args, "--help"];
                var output = new StringWriter();
                int code = CliApp.Run(args.Select(a => Localise(a, scratch)).ToArray(), output, output);
                Assert.True(code == expectedExit, $"{id}: `{lines[i]}` exited {code}, expected {expectedExit}:\n{output}");
                PictureIsWhatTheCommandDraws(id, lines[i], args, scratch);
                // A "$ " command shows its output on the lines below it, up to the next command.
                if (lines[i].StartsWith("$ ", StringComparison.Ordinal))
                {
                    var shown = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal)).ToArray();
                    Assert.Equal(Lines(string.Join("\n", shown)), Lines(output.ToString()));
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Every_csharp_block_and_command_is_found()
    {
        // The theories above would pass vacuously if the pages could not be read.
        Assert.True(DocPages.AllBlocks.Count(b => b.Language == "csharp") >= 6);
        Assert.True(DocPages.AllBlocks.Count(b => Commands(b).Any()) >= 3);
    }

    private static IEnumerable<string[]> Commands(DocBlock block) =>
        block.Language is "bash" or "sh" or "shell" or "console" or "" ? block.Code.Split('\n').Select(CommandArgs).OfType<string[]>() : [];

    /// <summary>The CLI arguments of a documented command line, or null when the line is not an lrcompose command.</summary>
    private static string[]? CommandArgs(string line)
    {
        string text = line.Trim();
        if (text.StartsWith("$ ", StringComparison.Ordinal)) text = text[2..];
        foreach (var prefix in new[] { "dotnet run --project src/LrCompose.Cli -- ", "lrcompose " })
            if (text.StartsWith(prefix, StringComparison.Ordinal)) return Tokens(text[prefix.Length..]);
        return null;
    }

    /// <summary>Splits a shell command line into words: spaces separate, double quotes group.</summary>
    private static string[] Tokens(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in text)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        return words.ToArray();
    }

    /// <summary>A command that draws one of the pages' pictures (<c>--out docs/images/…</c>) must draw exactly that
    /// picture: a page whose command and picture disagree shows the reader something the command does not do.
    /// <c>UPDATE_SNAPSHOTS=1</c> redraws the picture instead.</summary>
    private static void PictureIsWhatTheCommandDraws(string id, string line, string[] args, string scratch)
    {
        int at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length || !args[at + 1].StartsWith("docs/images/", StringComparison.Ordinal)) return;
        string committed = Path.Combine(RepoPaths.Root, args[at + 1]), drawn = Path.Combine(scratch, Path.GetFileName(args[at + 1]));
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.Copy(drawn, committed, overwrite: true);
            return;
        }
        Assert.True(File.Exists(committed), $"{id}: `{line}` draws {args[at + 1]}, which is not in the repository");
        if (File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(drawn))) return;
        string kept = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults")).FullName, "drawn-" + Path.GetFileName(drawn));
        File.Copy(drawn, kept, overwrite: true);
        Assert.Fail($"{id}: {args[at + 1]} is not what `{line}` draws ({kept}; UPDATE_SNAPSHOTS=1 redraws it)");
    }

    /// <summary>Files the docs read are found from the repository root; files they write go to a scratch folder.</summary>
    private static string Localise(string arg, string scratch)
    {
        // A folder beside or inside the repository (the shared loss curves, say) is found from the root too.
        if (arg.Contains('/') && !arg.Contains(' ') && !Path.HasExtension(arg) && Directory.Exists(Path.Combine(RepoPaths.Root, arg)))
            return Path.GetFullPath(Path.Combine(RepoPaths.Root, arg));
        if (arg.Contains('/') && !arg.Contains(' ') && Path.HasExtension(arg))
        {
            string fromRoot = Path.GetFullPath(Path.Combine(RepoPaths.Root, arg));
            return File.Exists(fromRoot) && !arg.StartsWith("docs/images", StringComparison.Ordinal)
                ? fromRoot
                : Path.Combine(scratch, Path.GetFileName(arg));
        }
        return arg;
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n").Trim('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();
}

/// <summary>Snippets print to the console, which is one per process: these tests do not run beside each other.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
