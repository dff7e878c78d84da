using System.Globalization;
using System.Text;

namespace LrCompose.Cli;

/// <summary>A chart drawn with characters, for when no --out is given: one glyph per series, '#' where they overlap.</summary>
internal static class TerminalChart
{
    private static readonly char[] Glyphs = ['*', 'o', '+'];

    /// <summary>The step drawn in column <paramref name="c"/>: evenly spaced from 0 to the last step, computed in
    /// whole numbers (a double cannot hold every step near long.MaxValue).</summary>
    internal static long Column(int c, long horizon, int width) =>
        (long)((Int128)(horizon - 1) * c / (width - 1));

    public static string Draw(IReadOnlyList<Series> series, long horizon, int width = 72, int height = 16)
    {
        var values = series.Select(s => Enumerable.Range(0, width)
            .Select(c => s.Schedule.Rate(Column(c, horizon, width))).ToArray()).ToList();
        double lo = values.SelectMany(v => v).Min(), hi = values.SelectMany(v => v).Max();
        if (hi == lo) hi = lo + 1;
        var grid = new char[height, width];
        for (int r = 0; r < height; r++) for (int c = 0; c < width; c++) grid[r, c] = ' ';
        for (int s = 0; s < values.Count; s++)
            for (int c = 0; c < width; c++)
            {
                int row = height - 1 - (int)Math.Round((values[s][c] - lo) / (hi - lo) * (height - 1));
                grid[row, c] = grid[row, c] == ' ' || grid[row, c] == Glyphs[s % Glyphs.Length] ? Glyphs[s % Glyphs.Length] : '#';
            }
        var text = new StringBuilder();
        string Label(double v) => (v == 0 ? "0" : v.ToString("0.###E+0", CultureInfo.InvariantCulture)).PadLeft(10);
        for (int r = 0; r < height; r++)
        {
            string axis = r == 0 ? Label(hi) : r == height - 1 ? Label(lo) : new string(' ', 10);
            text.Append(axis).Append(" |");
            for (int c = 0; c < width; c++) text.Append(grid[r, c]);
            text.AppendLine();
        }
        text.Append(new string(' ', 11)).Append('+').AppendLine(new string('-', width));
        string right = (horizon - 1).ToString(CultureInfo.InvariantCulture);
        text.Append(new string(' ', 12)).Append('0').Append(right.PadLeft(width - 1)).AppendLine("  step");
        for (int s = 0; s < series.Count; s++) text.AppendLine($"{new string(' ', 12)}{Glyphs[s % Glyphs.Length]} {series[s].Label}");
        return text.ToString();
    }
}
