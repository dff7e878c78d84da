using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>The JSON form's less travelled path: a function goes in by name and cannot come back.</summary>
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
}
