using System.Collections.Immutable;
using System.Text;

namespace LrCompose.Configs;

/// <summary>
/// Splits a command line (or a file of flags, one or more a line, or a JSON list of arguments) the way a POSIX shell would for the cases training
/// scripts use: whitespace between words, single and double quotes, a backslash before a character or a line end.
/// <c>--flag value</c> and <c>--flag=value</c> become one member of an object value whose key is the flag (a flag of
/// several values, <c>--flag a b c</c>, has them as one value, space-separated); a flag
/// followed by another flag (or nothing) has the value <c>true</c>; words before the first flag (the launcher and
/// script, and a launcher's flags before a <c>.py</c> script) are kept as <see cref="Leading"/>.
/// </summary>
internal sealed record CommandLineFlags(ConfigValue Flags, ImmutableArray<ConfigValue> Leading)
{
    public static CommandLineFlags Parse(string text, string source) =>
        IsJsonList(text) ? FromWords(JsonWords(text, source), source) : FromWords(Words(text, source), source);

    /// <summary>An argument list as JSON (<c>["--lr", "3e-4", …]</c>, as <c>sys.argv</c> prints): a bracket, then a string.</summary>
    public static bool IsJsonList(string text)
    {
        string t = text.TrimStart();
        return t.StartsWith('[') && t[1..].TrimStart().StartsWith('"');
    }

    private static List<(string Word, int Line, int Column)> JsonWords(string text, string source)
    {
        var list = ConfigJson.Parse(text, source);
        return list.Items.Select(item => item.Kind is ConfigKind.String or ConfigKind.Number
            ? (item.Text, item.Line, item.Column)
            : throw new ConfigFormatException(source, item.Path, item.Line, item.Column, $"is {item.Shown}; an argument list holds strings")).ToList();
    }

    private static CommandLineFlags FromWords(List<(string Word, int Line, int Column)> words, string source)
    {
        var members = ImmutableArray.CreateBuilder<KeyValuePair<string, ConfigValue>>();
        var leading = ImmutableArray.CreateBuilder<ConfigValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            var (word, line, column) = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                if (members.Count == 0) { leading.Add(ConfigValue.Scalar(ConfigKind.Word, word, line, column, word)); continue; }
                if (word.EndsWith(".py", StringComparison.Ordinal))
                {
                    // The launcher's own flags came first (torchrun --nproc_per_node 8 pretrain_gpt.py …): they are not the script's.
                    foreach (var launcher in members) leading.Add(ConfigValue.Scalar(ConfigKind.Word, launcher.Key, launcher.Value.Line, launcher.Value.Column, launcher.Key));
                    members.Clear();
                    seen.Clear();
                    leading.Add(ConfigValue.Scalar(ConfigKind.Word, word, line, column, word));
                    continue;
                }
                // A flag of several values (Megatron's --data-path 0.5 a 0.5 b, --rampup-batch-size 16 16 1600): its
                // words, one value; a reader that needs a number there says it is not one.
                var last = members[^1];
                members[^1] = new(last.Key, ConfigValue.Scalar(ConfigKind.Word, last.Key, last.Value.Line, last.Value.Column, last.Value.Text + " " + word));
                continue;
            }
            string name = word, value;
            int valueLine = line, valueColumn = column;
            int equals = word.IndexOf('=');
            if (equals > 0)
            {
                name = word[..equals];
                value = word[(equals + 1)..];
                valueColumn = column + equals + 1;
            }
            else if (i + 1 < words.Count && !IsFlag(words[i + 1].Word))
            {
                (value, valueLine, valueColumn) = words[++i];
            }
            else value = "true";
            if (!seen.Add(name)) throw new ConfigFormatException(source, name, line, column, "is given twice");
            members.Add(new(name, ConfigValue.Scalar(ConfigKind.Word, name, valueLine, valueColumn, value)));
        }
        return new(new ConfigValue(ConfigKind.Object, "", 1, 1, "", members.ToImmutable(), []), leading.ToImmutable());
    }

    /// <summary>A word that starts a flag: two dashes and a letter (a negative number such as <c>-1e-3</c> is a value).</summary>
    private static bool IsFlag(string word) => word.Length > 2 && word.StartsWith("--", StringComparison.Ordinal) && char.IsLetter(word[2]);

    private static List<(string Word, int Line, int Column)> Words(string text, string source)
    {
        var words = new List<(string, int, int)>();
        var word = new StringBuilder();
        bool inWord = false;
        int line = 1, column = 1, startLine = 1, startColumn = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                char next = text[++i];
                if (next == '\n') { line++; column = 1; continue; }
                if (next == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; line++; column = 1; continue; }
                Start();
                word.Append(next);
                column += 2;
                continue;
            }
            if (c is '\'' or '"')
            {
                Start();
                int openLine = line, openColumn = column;
                column++;
                while (true)
                {
                    if (++i >= text.Length) throw new ConfigFormatException(source, "", openLine, openColumn, $"the quote {c} opened here is never closed");
                    char q = text[i];
                    if (q == c) { column++; break; }
                    if (c == '"' && q == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`') { word.Append(text[++i]); column += 2; continue; }
                    word.Append(q);
                    if (q == '\n') { line++; column = 1; } else column++;
                }
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                End();
                if (c == '\n') { line++; column = 1; } else column++;
                continue;
            }
            if (c == '#' && !inWord)
            {
                // A comment to the end of the line, as in a shell script.
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                continue;
            }
            Start();
            word.Append(c);
            column++;
        }
        End();
        return words;

        void Start()
        {
            if (inWord) return;
            inWord = true;
            startLine = line;
            startColumn = column;
        }

        void End()
        {
            if (!inWord) return;
            words.Add((word.ToString(), startLine, startColumn));
            word.Clear();
            inWord = false;
        }
    }
}
