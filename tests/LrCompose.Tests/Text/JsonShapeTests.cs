using System.Text.Json;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Text;

/// <summary>
/// The JSON form has the documented shape: a phase is <c>name</c> with only the members it needs (<c>args</c> for
/// positional numbers, <c>names</c> for quoted names, <c>params</c> for named values, <c>inputs</c> for schedules), a
/// sequence is <c>then</c>; booleans are JSON booleans, knots are [step, value] pairs, lists are arrays.
/// </summary>
public class JsonShapeTests
{
    private static JsonElement Json(Schedule s) => JsonDocument.Parse(ScheduleJson.Write(s)).RootElement.Clone();

    private static string[] Members(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void A_phase_writes_only_the_members_it_has()
    {
        var linear = Json(Linear(40, 0.2, 0.7));
        Assert.Equal(["name", "args", "params"], Members(linear));
        Assert.Equal("linear", linear.GetProperty("name").GetString());
        Assert.Equal(40, linear.GetProperty("args")[0].GetDouble());
        Assert.Equal(0.2, linear.GetProperty("params").GetProperty("from").GetDouble());

        var exponential = Json(Exponential(0.5, 0.9));
        Assert.Equal(["name", "params"], Members(exponential));

        var take = Json(Constant(0.3).Take(17));
        Assert.Equal(["name", "args", "inputs"], Members(take));
        Assert.Equal(["name", "args"], Members(take.GetProperty("inputs")[0]));

        var mapped = Json(Linear(10, 1, 0).Map(x => x / 2, "halve"));
        Assert.Equal(["name", "names", "inputs"], Members(mapped));
        Assert.Equal("halve", mapped.GetProperty("names")[0].GetString());
    }

    [Fact]
    public void Values_keep_their_JSON_kinds()
    {
        var p = Json(Exponential(0.5, 0.9, every: 3, staircase: true)).GetProperty("params");
        Assert.Equal(JsonValueKind.True, p.GetProperty("staircase").ValueKind);
        var knots = Json(Interpolate(Interpolation.Cosine, new Knot(0, 0.1), new Knot(10.5, 0.8))).GetProperty("params");
        Assert.Equal("cosine", knots.GetProperty("kind").GetString());
        Assert.Equal([0, 0.1, 10.5, 0.8], knots.GetProperty("knots").EnumerateArray().SelectMany(k => k.EnumerateArray()).Select(v => v.GetDouble()));
        var steps = Json(MultiStep(0.5, 0.5, 10, 20)).GetProperty("params").GetProperty("milestones");
        Assert.Equal([10.0, 20.0], steps.EnumerateArray().Select(v => v.GetDouble()));
        var sequence = Json(Warmup(10).Then(Cosine(90, 0.1)));
        Assert.Equal(["then"], Members(sequence));
        Assert.Equal(2, sequence.GetProperty("then").GetArrayLength());
    }

    [Fact]
    public void A_false_boolean_reads_as_false()
    {
        string json = """{ "name": "exponential", "params": { "from": 0.5, "rate": 0.5, "every": 10, "staircase": false } }""";
        Assert.Equal(Exponential(0.5, 0.5, every: 10, staircase: false).Rate(15), ScheduleJson.Parse(json).Rate(15));
        string staircase = """{ "name": "exponential", "params": { "from": 0.5, "rate": 0.5, "every": 10, "staircase": true } }""";
        Assert.Equal(Exponential(0.5, 0.5, every: 10, staircase: true).Rate(15), ScheduleJson.Parse(staircase).Rate(15));
    }

    [Fact]
    public void A_null_document_is_an_ArgumentNullException() =>
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => ScheduleJson.Parse(null!)).ParamName);

    [Theory]
    [InlineData("{\n  \"name\": \"cosine\",\n  \"args\": [100],\n  \"params\": { \"peak\": 0.1, }\n}", 3)]
    [InlineData("{ \"name\": \"cosine\" \"args\": [100] }", 0)]
    [InlineData("{\n\n\n", 3)]
    public void Not_JSON_points_at_the_line_where_the_reader_stopped(string json, int line)
    {
        var e = Assert.Throws<RecipeFormatException>(() => ScheduleJson.Parse(json));
        Assert.StartsWith("not valid JSON: ", e.Problem);
        int lineStart = 0;
        for (int l = 0; l < line; l++) lineStart = json.IndexOf('\n', lineStart) + 1;
        int lineEnd = json.IndexOf('\n', lineStart) is var end and >= 0 ? end : json.Length;
        Assert.InRange(e.Position, lineStart, lineEnd);
    }
}
