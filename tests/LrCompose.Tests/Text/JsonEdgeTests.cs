using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>The JSON form's less travelled paths: quoted names and malformed parameter objects.</summary>
public class JsonEdgeTests
{
    [Fact]
    public void A_function_goes_into_json_by_name_and_is_refused_on_the_way_back()
    {
        string json = ScheduleJson.Write(Schedules.FromFunction(_ => 0.1, "mine"));
        Assert.Contains("\"names\"", json);
        Assert.Contains("\"mine\"", json);
        var e = Assert.Throws<RecipeFormatException>(() => ScheduleJson.Parse(json));
        Assert.Contains("wraps a C# function", e.Problem);
    }

    [Theory]
    [InlineData("{\"name\": \"cosine\", \"args\": [10], \"params\": 3}", "$.params: expected an object")]
    [InlineData("{\"name\": \"map\", \"names\": [3], \"inputs\": [{\"name\": \"constant\", \"args\": [1]}]}", "$.names[0]: expected a string")]
    [InlineData("{\"name\": \"cosine\", \"args\": 10}", "$.args: expected an array")]
    [InlineData("{\"name\": \"take\", \"args\": [5], \"inputs\": [{\"name\": 1}]}", "$.inputs[0]")]
    [InlineData("{\"name\": \"interpolate\", \"params\": {\"knots\": [[0, \"x\"]]}}", "$.params.knots[0][1]: expected a finite number")]
    [InlineData("{\"name\": \"cosine\", \"args\": [10], \"params\": {\"peak\": {}}}", "a number, word, boolean or list")]
    public void Malformed_json_names_the_path_and_what_was_expected(string json, string problem)
    {
        Assert.Contains(problem, Assert.Throws<RecipeFormatException>(() => ScheduleJson.Parse(json)).Problem);
    }
}
