using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>Every way a recipe can be wrong ends in the one documented exception, with a position and the rule's words.</summary>
public class ParseErrorTests
{
    [Fact]
    public void Length_overflow_in_text_is_the_named_rule_at_the_phase_that_overflows()
    {
        const string recipe = "cosine 4611686018427387904 peak=0.1 >> cosine 4611686018427387904 peak=0.1";
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.Equal(recipe.LastIndexOf("cosine", StringComparison.Ordinal), e.Position);
        Assert.Contains("must keep the schedule within long.MaxValue (9223372036854775807) steps", e.Problem);
    }

    [Fact]
    public void A_broken_rule_points_at_the_named_argument_by_its_kebab_case_name()
    {
        const string recipe = "cosine 10 peak=1 k-decay=-2";
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.Equal(recipe.IndexOf("k-decay", StringComparison.Ordinal), e.Position);
        Assert.Equal("kDecay was -2: it must be a finite number greater than 0.", e.Problem);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[1, 2]", "$: expected an object")]
    [InlineData("{\"name\": 5}", "$: expected \"name\" (a string)")]
    [InlineData("{\"name\": \"cosine\", \"args\": [\"x\"]}", "$.args[0]: expected a finite number")]
    [InlineData("{\"then\": [{\"name\": \"warmup\", \"args\": [10]}, {\"name\": \"cosine\", \"args\": [5], \"params\": {\"peak\": [[1]]}}]}", "$.then[1].params.peak[0]: expected a finite number")]
    [InlineData("{\"then\": []}", "$.then: expected a non-empty array")]
    [InlineData("{\"name\": \"cosine\", \"args\": [0], \"params\": {\"peak\": 0.1}}", "steps was 0: it must be at least 1 step.")]
    public void Json_errors_are_recipe_format_exceptions_with_a_path_or_offset(string json, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => ScheduleJson.Parse(json));
        Assert.Contains(problem, e.Problem);
    }

    [Fact]
    public void Schedule_is_parsable_as_dotnet_expects()
    {
        static T ParseAny<T>(string s) where T : IParsable<T> => T.Parse(s, null);
        Assert.Equal(Presets.Gpt2.ToString(), ParseAny<Schedule>("gpt2").ToString());
        Assert.True(Schedule.TryParse("warmup 10 >> cosine 90 peak=0.1", null, out var parsed));
        Assert.Equal(0.1, parsed.Rate(10));
        Assert.False(Schedule.TryParse("cosine 0 peak=0.1", null, out var failed));
        Assert.Null(failed);
        Assert.False(Schedule.TryParse(null, out _));
        Assert.True(Schedule.TryParse("cosine 10 peak=1").IsFail == false);
    }

    [Fact]
    public void The_exception_lives_beside_schedule()
    {
        Assert.Equal("LrCompose", typeof(RecipeFormatException).Namespace);
        Assert.Equal(typeof(Schedule).Namespace, typeof(RecipeFormatException).Namespace);
    }
}
