namespace LrCompose.Cli;

/// <summary>
/// A log written by training code: a CSV whose header names the columns the command needs (others are ignored), one
/// row per record. Every problem is one line naming the file, the row and why.
/// </summary>
internal sealed record CsvLog(string Path, IReadOnlyList<(int Row, string[] Cells)> Rows, IReadOnlyDictionary<string, int> Columns)
{
    public static CsvLog Read(string path, params string[] columns)
    {
        if (!File.Exists(path)) throw new CliInputException($"no such file: {path}");
        var lines = File.ReadAllLines(path).Select((text, i) => (Text: text.Trim(), Row: i + 1)).Where(l => l.Text.Length > 0).ToList();
        string names = string.Join(" and ", columns);
        if (lines.Count == 0) throw new CliInputException($"{path} is empty: expected a header naming the columns {names}");
        var header = lines[0].Text.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        if (columns.Any(c => !header.Contains(c)))
            throw new CliInputException($"{path} row {lines[0].Row}: the header must name the columns {names}, not '{lines[0].Text}'");
        var rows = new List<(int, string[])>();
        foreach (var (text, row) in lines.Skip(1))
        {
            var cells = text.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length != header.Count) throw new CliInputException($"{path} row {row}: {cells.Length} columns, the header has {header.Count}");
            rows.Add((row, cells));
        }
        return new CsvLog(path, rows, columns.ToDictionary(c => c, c => header.IndexOf(c)));
    }

    /// <summary>The cell of <paramref name="column"/> in a row.</summary>
    public string Cell(string[] cells, string column) => cells[Columns[column]];

    /// <summary>A problem with one row, as the one line the command prints.</summary>
    public CliInputException Problem(int row, string why) => new($"{Path} row {row}: {why}");
}
