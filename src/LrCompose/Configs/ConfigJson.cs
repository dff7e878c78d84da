using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace LrCompose.Configs;

/// <summary>
/// Reads JSON into <see cref="ConfigValue"/>s that know their line and column, with System.Text.Json's reader (which
/// only gives byte offsets, so the line starts are counted once). Strict JSON, as Python's <c>json.load</c> reads it;
/// a key given twice is refused, as DeepSpeed refuses it.
/// </summary>
internal static class ConfigJson
{
    public static ConfigValue Parse(string text, string source)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var lines = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read()) throw new ConfigFormatException(source, "", 1, 1, "the file is empty, not JSON");
            var root = ReadValue(ref reader, "", lines, source);
            if (reader.Read()) throw At(source, "", lines, reader.TokenStartIndex, "more JSON follows the end of the document");
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1, column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new ConfigFormatException(source, "", line, column, $"not valid JSON ({FirstSentence(e.Message)})");
        }
    }

    private static ConfigValue ReadValue(ref Utf8JsonReader reader, string path, int[] lines, string source)
    {
        var (line, column) = Position(lines, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = ImmutableArray.CreateBuilder<KeyValuePair<string, ConfigValue>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    string child = path.Length == 0 ? name : path + "." + name;
                    if (!seen.Add(name)) throw At(source, child, lines, reader.TokenStartIndex, "is given twice");
                    reader.Read();
                    members.Add(new(name, ReadValue(ref reader, child, lines, source)));
                }
                return new ConfigValue(ConfigKind.Object, path, line, column, "", members.ToImmutable(), []);
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<ConfigValue>();
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, $"{path}[{index++}]", lines, source));
                return new ConfigValue(ConfigKind.Array, path, line, column, "", [], items.ToImmutable());
            case JsonTokenType.String:
                return ConfigValue.Scalar(ConfigKind.String, path, line, column, reader.GetString()!);
            case JsonTokenType.Number:
                return ConfigValue.Scalar(ConfigKind.Number, path, line, column, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True or JsonTokenType.False:
                return ConfigValue.Scalar(ConfigKind.Bool, path, line, column, reader.TokenType == JsonTokenType.True ? "true" : "false");
            default:
                return ConfigValue.Scalar(ConfigKind.Null, path, line, column, "null");
        }
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        return starts.ToArray();
    }

    private static (int Line, int Column) Position(int[] lines, long offset)
    {
        int index = Array.BinarySearch(lines, (int)offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, (int)offset - lines[line] + 1);
    }

    private static ConfigFormatException At(string source, string key, int[] lines, long offset, string problem)
    {
        var (line, column) = Position(lines, offset);
        return new ConfigFormatException(source, key, line, column, problem);
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
