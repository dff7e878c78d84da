using System.Globalization;
using LrCompose.Core;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Docs;

/// <summary>
/// The word table of <c>docs/recipes.md</c>: one row per word, whose parameters and short aliases are the word's
/// parameter list (<see cref="WordParameters"/>) written out, so the page cannot fall behind the code.
/// <c>UPDATE_SNAPSHOTS=1</c> rewrites those two cells.
/// </summary>
public class WordTableTests
{
    private static string Page => Path.Combine(RepoPaths.Root, "docs", "recipes.md");

    /// <summary>The parameters cell: <c>(s)</c> for a combinator's input, <c>&lt;steps&gt;</c> for a positional number,
    /// <c>(phases)</c> for schedule arguments, <c>peak=…</c> when required, <c>floor=0</c> with its default,
    /// <c>[end=…]</c> when it may be left out with no default.</summary>
    internal static string Parameters(VocabularyEntry entry)
    {
        var cells = new List<string>();
        if (entry.Owner == "Schedule") cells.Add("(s)");
        foreach (var p in entry.Parameters)
        {
            cells.Add(p switch
            {
                { Kind: ParameterKind.Schedules } => "(" + p.Text + ")",
                { Positional: true } => "<" + p.Text + ">",
                { Required: true } => p.Text + "=…",
                { Default: null } => "[" + p.Text + "=…]",
                _ => p.Text + "=" + Shown(p.Default),
            });
        }
        return string.Join(" ", cells.Select(c => "`" + c + "`"));
    }

    internal static string Aliases(VocabularyEntry entry) =>
        string.Join("; ", entry.Aliases.Select(a => "`" + a + "`")
            .Concat(entry.Parameters.SelectMany(p => p.Aliases.Select(a => "`" + a + "=` for `" + p.Text + "=`"))));

    private static string Shown(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Vocabulary.Kebab(e.ToString()),
        _ => value.ToString()!,
    };

    private static string[] Cells(string row)
    {
        // Cells split at pipes that are not escaped (`\|` inside a cell is text).
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (int i = 1; i < row.Length; i++)
        {
            if (row[i] == '|' && row[i - 1] != '\\')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else cell.Append(row[i]);
        }
        return cells.ToArray();
    }

    [Fact]
    public void Every_word_has_a_row_with_its_parameters_and_aliases()
    {
        var lines = File.ReadAllLines(Page);
        bool update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        var problems = new List<string>();
        foreach (var entry in Vocabulary.All.Where(e => e.Kind != ScheduleKind.Map))
        {
            int i = Array.FindIndex(lines, l => l.StartsWith("| `" + entry.Text + "` |", StringComparison.Ordinal));
            if (i < 0)
            {
                problems.Add($"no row for '{entry.Text}'");
                continue;
            }
            var cells = Cells(lines[i]);
            string parameters = Parameters(entry), aliases = Aliases(entry);
            if (cells.Length != 4) problems.Add($"'{entry.Text}': {cells.Length} cells, not 4");
            else if (cells[2] != parameters || cells[3] != aliases)
            {
                if (update) lines[i] = ("| " + cells[0] + " | " + cells[1] + " | " + parameters + " | " + aliases + " |").Replace("|  |", "| |");
                else problems.Add($"'{entry.Text}': parameters '{cells[2]}' should be '{parameters}', aliases '{cells[3]}' should be '{aliases}'");
            }
        }
        if (update) File.WriteAllLines(Page, lines);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n(UPDATE_SNAPSHOTS=1 rewrites the cells)");
    }
}
