using System.Text;
using System.Text.Json;

namespace LrCompose.Forecast;

/// <summary>Line numbers for JSON, which <see cref="JsonDocument"/> does not keep: where each element of a top-level
/// array property starts, so a problem with one entry can name its line.</summary>
internal static class JsonPositions
{
    /// <summary>The 1-based line of each element of the array <paramref name="property"/> of the root object.</summary>
    public static List<int> ElementLines(byte[] utf8, string property)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        bool inside = false;
        int arrayDepth = -1;
        while (reader.Read())
        {
            if (!inside)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray) return lines;
                    inside = true;
                    arrayDepth = reader.CurrentDepth;
                }
                continue;
            }
            if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth) return lines;
            if (reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                lines.Add(LineOf(utf8, (int)reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }
        return lines;
    }

    public static int LineOf(byte[] utf8, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < utf8.Length; i++) if (utf8[i] == (byte)'\n') line++;
        return line;
    }

    /// <summary>Parses a document, turning a syntax error into a <see cref="LossLogException"/> at its line.</summary>
    public static JsonDocument Parse(string file, byte[] utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new LossLogException(file, (int)(e.LineNumber ?? 0) + 1, "not valid JSON: " + FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
