using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>Where the text forms meet awkward input: quotes inside a name, a JSON error several lines down.</summary>
public class TextEdgeTests
{
    [Fact]
    public void A_name_with_quotes_and_backslashes_prints_escaped()
    {
        var mapped = Schedules.Constant(1).Map(x => x, "a \"b\" \\ c");
        Assert.Equal("map \"a \\\"b\\\" \\\\ c\" (constant 1)", mapped.ToString());
    }

    [Fact]
    public void A_json_syntax_error_points_at_its_line_and_column()
    {
        string json = "{\n  \"name\": \"cosine\",\n  \"args\": [10,, 1]\n}";
        var e = Assert.Throws<RecipeFormatException>(() => ScheduleJson.Parse(json));
        Assert.Equal(json.IndexOf(",,", StringComparison.Ordinal) + 1, e.Position);
    }

    [Fact]
    public void Json_is_written_indented_one_key_a_line()
    {
        string json = ScheduleJson.Write(Schedules.Cosine(10, 0.1));
        Assert.Contains("\n", json);
        Assert.Equal(json.Split('\n').Length, json.Split('\n').Count(line => line.Length > 0));
        Assert.Equal("cosine 10 peak=0.1", ScheduleJson.Parse(json).ToString());
    }
}
