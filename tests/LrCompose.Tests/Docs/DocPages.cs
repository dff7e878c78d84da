using System.Text.RegularExpressions;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Docs;

/// <summary>A fenced block of a documentation page, with the <c>&lt;!-- docs-test: … --&gt;</c> marker on the line before it.</summary>
public sealed record DocBlock(string Page, int Line, string Language, string Code, string? Marker)
{
    /// <summary>How a failing test names the block: <c>docs/recipes.md:42</c>.</summary>
    public override string ToString() => $"{Page}:{Line}";

    /// <summary>The marker's verb (<c>fragment</c>, <c>with-previous</c>, <c>illustration</c>, <c>output</c>, <c>exit</c>), or null.</summary>
    public string? Verb => Marker?.Split(' ', 2)[0];

    /// <summary>What follows the verb in the marker.</summary>
    public string Argument => Marker?.Split(' ', 2) is [_, var rest] ? rest.Trim() : "";
}

/// <summary>The user-facing pages (README.md and docs/*.md) and their fenced blocks.</summary>
public static partial class DocPages
{
    public static IEnumerable<string> All =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Order()
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/')));

    public static string Text(string page) => File.ReadAllText(Path.Combine(RepoPaths.Root, page));

    /// <summary>Every fenced block of a page, in order.</summary>
    public static IReadOnlyList<DocBlock> Blocks(string page)
    {
        var lines = Text(page).Replace("\r\n", "\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string language = lines[i][3..].Trim();
            int start = i + 1, end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal)) end++;
            string? marker = i > 0 && Marker().Match(lines[i - 1]) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
            blocks.Add(new DocBlock(page, i + 1, language, string.Join("\n", lines[start..end]), marker));
            i = end;
        }
        return blocks;
    }

    public static IEnumerable<DocBlock> AllBlocks => All.SelectMany(Blocks);

    [GeneratedRegex(@"^<!--\s*docs-test:\s*(.*?)\s*-->\s*$")]
    private static partial Regex Marker();
}
