using System.Globalization;
using System.Text;
using System.Text.Json;
using LrCompose.Text;

namespace LrCompose
{
    /// <summary>
    /// The JSON form of a recipe, for config files: the same tree as the text form. A phase is
    /// <c>{"name": "cosine", "args": [248000], "params": {"peak": 0.00025}, "inputs": [ … ]}</c> and a sequence is
    /// <c>{"then": [ … ]}</c>. <c>ScheduleJson.Parse(ScheduleJson.Write(s))</c> evaluates bit-identically to <c>s</c>.
    /// </summary>
    public static class ScheduleJson
    {
        /// <summary>Writes <paramref name="schedule"/> as indented JSON.</summary>
        public static string Write(Schedule schedule)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            var expr = RecipeParser.Parse(schedule.ToString());
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                WriteExpr(writer, expr);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>Reads a schedule from its JSON form.</summary>
        /// <exception cref="RecipeFormatException">The JSON does not describe a valid recipe: not JSON at all (the
        /// position is the offending line and column's offset), or a node of the wrong shape (the problem names its JSON
        /// path, e.g. <c>$.then[1].params.peak</c>), or a recipe a constructor refuses.</exception>
        public static Schedule Parse(string json)
        {
            ArgumentNullException.ThrowIfNull(json);
            JsonDocument document;
            try
            {
                // Recipes nest (each combinator is a level and each level two JSON objects): allow what the writer writes.
                document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1000 });
            }
            catch (JsonException e)
            {
                throw new RecipeFormatException(json, Offset(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0), "not valid JSON: " + e.Message.Split(" Path:")[0]);
            }
            using (document)
            {
                var expr = ReadExpr(json, document.RootElement, "$");
                return new RecipeBinder(json).BindSchedule(expr);
            }
        }

        /// <summary>The character offset of a 0-based line and byte position (ASCII recipes: bytes are characters).</summary>
        private static int Offset(string text, long line, long column)
        {
            int at = 0;
            for (long l = 0; l < line && at < text.Length; l++)
            {
                int next = text.IndexOf('\n', at);
                if (next < 0) break;
                at = next + 1;
            }
            return (int)Math.Min(text.Length, at + column);
        }

        private static RecipeFormatException Wrong(string json, string path, string expected) =>
            new(json, 0, $"{path}: expected {expected}");

        private static void WriteExpr(Utf8JsonWriter w, RecipeExpr expr)
        {
            w.WriteStartObject();
            if (expr is Chain chain)
            {
                w.WriteStartArray("then");
                foreach (var part in chain.Parts) WriteExpr(w, part);
                w.WriteEndArray();
            }
            else if (expr is Application app)
            {
                w.WriteString("name", app.Name);
                var numbers = app.Args.OfType<NumberArg>().ToList();
                if (numbers.Count > 0)
                {
                    w.WriteStartArray("args");
                    foreach (var n in numbers) WriteNumber(w, n.Value, n.Text);
                    w.WriteEndArray();
                }
                var names = app.Args.OfType<StringArg>().ToList();
                if (names.Count > 0)
                {
                    w.WriteStartArray("names");
                    foreach (var s in names) w.WriteStringValue(s.Value);
                    w.WriteEndArray();
                }
                var named = app.Args.OfType<NamedArg>().ToList();
                if (named.Count > 0)
                {
                    w.WriteStartObject("params");
                    foreach (var n in named)
                    {
                        w.WritePropertyName(n.Key);
                        WriteValue(w, n.Value);
                    }
                    w.WriteEndObject();
                }
                var inputs = app.Args.OfType<ScheduleArg>().ToList();
                if (inputs.Count > 0)
                {
                    w.WriteStartArray("inputs");
                    foreach (var i in inputs) WriteExpr(w, i.Expr);
                    w.WriteEndArray();
                }
            }
            w.WriteEndObject();
        }

        /// <summary>A whole number as its digits (a step past 2^53 has no exact double), anything else as a double.</summary>
        private static void WriteNumber(Utf8JsonWriter w, double value, string? text)
        {
            if (text is { Length: > 0 and < 21 } && text.TrimStart('-').All(char.IsAsciiDigit) && text != "-" && !text.StartsWith("-0", StringComparison.Ordinal)
                && (text.Length == 1 || !text.StartsWith('0')))
                w.WriteRawValue(text);
            else w.WriteNumberValue(value);
        }

        private static void WriteValue(Utf8JsonWriter w, RecipeValue value)
        {
            switch (value)
            {
                case NumberValue n: WriteNumber(w, n.Value, n.Text); break;
                case WordValue word when word.Word is "true" or "false": w.WriteBooleanValue(word.Word == "true"); break;
                case WordValue word: w.WriteStringValue(word.Word); break;
                case ListValue list:
                    w.WriteStartArray();
                    foreach (var ((at, v), i) in list.Items.Select((item, i) => (item, i)))
                    {
                        if (v is { } knotValue)
                        {
                            w.WriteStartArray();
                            WriteNumber(w, at, list.AtTexts?[i]);
                            w.WriteNumberValue(knotValue);
                            w.WriteEndArray();
                        }
                        else WriteNumber(w, at, list.AtTexts?[i]);
                    }
                    w.WriteEndArray();
                    break;
            }
        }

        private static RecipeExpr ReadExpr(string json, JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Wrong(json, path, "an object with \"name\" or \"then\"");
            if (e.TryGetProperty("then", out var then))
            {
                if (then.ValueKind != JsonValueKind.Array || then.GetArrayLength() == 0) throw Wrong(json, path + ".then", "a non-empty array");
                return new Chain(then.EnumerateArray().Select((part, i) => ReadExpr(json, part, $"{path}.then[{i}]")).ToList(), 0);
            }
            if (!e.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String) throw Wrong(json, path, "\"name\" (a string) or \"then\"");
            var args = new List<RecipeArg>();
            if (e.TryGetProperty("args", out var positional))
                args.AddRange(Items(json, positional, path + ".args").Select((a, i) => new NumberArg(Number(json, a, $"{path}.args[{i}]"), a.GetRawText(), 0)));
            if (e.TryGetProperty("names", out var names))
                args.AddRange(Items(json, names, path + ".names").Select((a, i) => a.ValueKind == JsonValueKind.String
                    ? new StringArg(a.GetString()!, 0) : throw Wrong(json, $"{path}.names[{i}]", "a string")));
            if (e.TryGetProperty("params", out var parameters))
            {
                if (parameters.ValueKind != JsonValueKind.Object) throw Wrong(json, path + ".params", "an object");
                args.AddRange(parameters.EnumerateObject().Select(p => new NamedArg(p.Name, ReadValue(json, p.Value, $"{path}.params.{p.Name}"), 0)));
            }
            if (e.TryGetProperty("inputs", out var inputs))
                args.AddRange(Items(json, inputs, path + ".inputs").Select((a, i) => new ScheduleArg(ReadExpr(json, a, $"{path}.inputs[{i}]"), 0)));
            return new Application(n.GetString()!, args, 0);
        }

        private static IEnumerable<JsonElement> Items(string json, JsonElement array, string path) =>
            array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : throw Wrong(json, path, "an array");

        private static double Number(string json, JsonElement v, string path) =>
            v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d) ? d : throw Wrong(json, path, "a finite number");

        private static RecipeValue ReadValue(string json, JsonElement v, string path) => v.ValueKind switch
        {
            JsonValueKind.Number => new NumberValue(Number(json, v, path), v.GetRawText(), 0),
            JsonValueKind.True => new WordValue("true", 0),
            JsonValueKind.False => new WordValue("false", 0),
            JsonValueKind.String => new WordValue(v.GetString() ?? "", 0),
            JsonValueKind.Array => new ListValue(v.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2
                ? (Number(json, item[0], $"{path}[{i}][0]"), (double?)Number(json, item[1], $"{path}[{i}][1]"))
                : (Number(json, item, $"{path}[{i}]"), (double?)null)).ToList(), 0,
                v.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2 ? item[0].GetRawText() : item.GetRawText()).ToList()),
            _ => throw Wrong(json, path, "a number, word, boolean or list"),
        };
    }
}
