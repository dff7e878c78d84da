using System.Collections.Immutable;
using System.Text;

namespace LrCompose.Configs;

/// <summary>
/// The TOML subset a torchtitan job file needs for its schedule: <c>[table]</c> headers and <c>key = value</c> lines
/// whose value is a number, a boolean or a one-line string, with <c>#</c> comments. In the tables that are read
/// (<see cref="Read"/>'s <c>tables</c>) any other form (arrays, inline tables, multi-line strings, dates, dotted keys)
/// is refused with its position; in the others such a line is skipped (a bracketed value up to its closing bracket),
/// since those tables do not change the schedule.
/// </summary>
internal static class MiniToml
{
    /// <summary>Each table as an object value (members in file order), the top level under "".</summary>
    public static ImmutableDictionary<string, ConfigValue> Read(string text, string source, IReadOnlySet<string> tables)
    {
        var result = new Dictionary<string, List<KeyValuePair<string, ConfigValue>>>(StringComparer.Ordinal) { [""] = [] };
        var headers = new Dictionary<string, (int Line, int Column)> { [""] = (1, 1) };
        string table = "";
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string raw = lines[i].TrimEnd('\r');
            string line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            int indent = raw.Length - raw.TrimStart().Length;
            if (line.StartsWith('['))
            {
                if (line.StartsWith("[[") || !line.EndsWith(']'))
                    throw new ConfigFormatException(source, "", lineNumber, indent + 1, "is a TOML form this reader does not take (only [table] headers)");
                table = line[1..^1].Trim();
                if (result.ContainsKey(table)) throw new ConfigFormatException(source, table, lineNumber, indent + 1, "is a table given twice");
                result[table] = [];
                headers[table] = (lineNumber, indent + 1);
                continue;
            }
            bool read = tables.Contains(table);
            int equals = line.IndexOf('=');
            string key = equals > 0 ? line[..equals].Trim() : "";
            string path = table.Length == 0 ? key : table + "." + key;
            if (equals <= 0 || key.Length == 0 || !key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                if (read) throw new ConfigFormatException(source, path, lineNumber, indent + 1, "is not a key = value line this reader takes (plain keys only)");
                i = SkipValue(lines, i, line);
                continue;
            }
            int valueColumn = raw.IndexOf('=') + 2;
            string value = line[(equals + 1)..].Trim();
            ConfigValue? parsed = Scalar(value, path, lineNumber, valueColumn);
            if (parsed is null)
            {
                if (read) throw new ConfigFormatException(source, path, lineNumber, valueColumn, $"is {Describe(value)}, which this reader does not take: a number, true/false or a one-line string");
                i = SkipValue(lines, i, value);
                continue;
            }
            if (result[table].Any(m => m.Key == key)) throw new ConfigFormatException(source, path, lineNumber, indent + 1, "is given twice");
            result[table].Add(new(key, parsed));
        }
        return result.ToImmutableDictionary(t => t.Key, t => new ConfigValue(ConfigKind.Object, t.Key, headers[t.Key].Line, headers[t.Key].Column, "",
            t.Value.ToImmutableArray(), []));
    }

    private static ConfigValue? Scalar(string value, string path, int line, int column)
    {
        if (value is "true" or "false") return ConfigValue.Scalar(ConfigKind.Bool, path, line, column, value);
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') && !value.StartsWith("\"\"\"") && !value.StartsWith("'''"))
        {
            string inner = value[1..^1];
            if (value[0] == '"') inner = Unescape(inner);
            return inner.Contains(value[0]) ? null : ConfigValue.Scalar(ConfigKind.String, path, line, column, inner);
        }
        string number = value.Replace("_", "");
        if (number.Length > 0 && (char.IsDigit(number[0]) || number[0] is '+' or '-' or '.')
            && double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            return ConfigValue.Scalar(ConfigKind.Word, path, line, column, number);
        return null;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var b = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { b.Append(s[i]); continue; }
            char c = s[++i];
            b.Append(c switch { 'n' => '\n', 't' => '\t', _ => c });
        }
        return b.ToString();
    }

    private static string Describe(string value) =>
        value.StartsWith('[') ? "an array" : value.StartsWith('{') ? "an inline table" : value.StartsWith("\"\"\"") || value.StartsWith("'''") ? "a multi-line string" : $"'{value}'";

    /// <summary>Past a skipped value: a bracketed one may go on over lines until its brackets close.</summary>
    private static int SkipValue(string[] lines, int i, string start)
    {
        int depth = start.Count(c => c is '[' or '{') - start.Count(c => c is ']' or '}');
        while (depth > 0 && i + 1 < lines.Length)
        {
            string next = StripComment(lines[++i]);
            depth += next.Count(c => c is '[' or '{') - next.Count(c => c is ']' or '}');
        }
        return i;
    }

    /// <summary>The line without a <c>#</c> comment (a <c>#</c> inside quotes is kept).</summary>
    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#') return line[..i];
        }
        return line;
    }
}
