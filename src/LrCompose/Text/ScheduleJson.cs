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
            var expr = RecipeParser.Parse(schedule.ToString());
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                WriteExpr(writer, expr);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>Reads a schedule from its JSON form.</summary>
        /// <exception cref="RecipeFormatException">The JSON does not describe a valid recipe.</exception>
        public static Schedule Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var expr = ReadExpr(document.RootElement);
            return new RecipeBinder(json).BindSchedule(expr);
        }

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
                    foreach (var n in numbers) w.WriteNumberValue(n.Value);
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

        private static void WriteValue(Utf8JsonWriter w, RecipeValue value)
        {
            switch (value)
            {
                case NumberValue n: w.WriteNumberValue(n.Value); break;
                case WordValue word when word.Word is "true" or "false": w.WriteBooleanValue(word.Word == "true"); break;
                case WordValue word: w.WriteStringValue(word.Word); break;
                case ListValue list:
                    w.WriteStartArray();
                    foreach (var (at, v) in list.Items)
                    {
                        if (v is { } knotValue)
                        {
                            w.WriteStartArray();
                            w.WriteNumberValue(at);
                            w.WriteNumberValue(knotValue);
                            w.WriteEndArray();
                        }
                        else w.WriteNumberValue(at);
                    }
                    w.WriteEndArray();
                    break;
            }
        }

        private static RecipeExpr ReadExpr(JsonElement e)
        {
            if (e.TryGetProperty("then", out var then))
                return new Chain(then.EnumerateArray().Select(ReadExpr).ToList(), 0);
            string name = e.TryGetProperty("name", out var n) ? n.GetString() ?? "" : throw new RecipeFormatException(e.ToString(), 0, "expected \"name\" or \"then\"");
            var args = new List<RecipeArg>();
            if (e.TryGetProperty("args", out var positional))
                args.AddRange(positional.EnumerateArray().Select(a => new NumberArg(a.GetDouble(), a.GetRawText(), 0)));
            if (e.TryGetProperty("names", out var names))
                args.AddRange(names.EnumerateArray().Select(s => new StringArg(s.GetString() ?? "", 0)));
            if (e.TryGetProperty("params", out var parameters))
                args.AddRange(parameters.EnumerateObject().Select(p => new NamedArg(p.Name, ReadValue(p.Value), 0)));
            if (e.TryGetProperty("inputs", out var inputs))
                args.AddRange(inputs.EnumerateArray().Select(i => new ScheduleArg(ReadExpr(i), 0)));
            return new Application(name, args, 0);
        }

        private static RecipeValue ReadValue(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.Number => new NumberValue(v.GetDouble(), v.GetRawText(), 0),
            JsonValueKind.True => new WordValue("true", 0),
            JsonValueKind.False => new WordValue("false", 0),
            JsonValueKind.String => new WordValue(v.GetString() ?? "", 0),
            JsonValueKind.Array => new ListValue(v.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Array
                ? (item[0].GetDouble(), (double?)item[1].GetDouble())
                : (item.GetDouble(), (double?)null)).ToList(), 0),
            _ => throw new RecipeFormatException(v.GetRawText(), 0, "expected a number, word, boolean or list"),
        };
    }
}
