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
    [InlineData("{\"name\": \"cosine\", \"args\": [10], \"params\": 3}", "$.params: expected an object")]
    [InlineData("{\"name\": \"map\", \"names\": [3], \"inputs\": [{\"name\": \"constant\", \"args\": [1]}]}", "$.names[0]: expected a string")]
    [InlineData("{\"name\": \"cosine\", \"args\": 10}", "$.args: expected an array")]
    [InlineData("{\"name\": \"take\", \"args\": [5], \"inputs\": [{\"name\": 1}]}", "$.inputs[0]")]
    [InlineData("{\"name\": \"interpolate\", \"params\": {\"knots\": [[0, \"x\"]]}}", "$.params.knots[0][1]: expected a finite number")]
    [InlineData("{\"name\": \"cosine\", \"args\": [10], \"params\": {\"peak\": {}}}", "a number, word, boolean or list")]
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

/// <summary><c>Schedule.Validate</c>: every independent problem of a recipe at once, as a LanguageExt Validation.</summary>
public class ValidateTests
{
    [Fact]
    public void Every_independent_problem_is_reported_with_its_position()
    {
        const string recipe = "cosine 0 peak=1 >> linear 10 from=-1 to=0 >> min (constant 2) (cosine 5 peak=1 floor=1e101)";
        var problems = Schedule.Validate(recipe).Match(Succ: _ => [], Fail: errors => errors.ToList());
        Assert.Equal(3, problems.Count);
        Assert.Equal(recipe.IndexOf("cosine 0", StringComparison.Ordinal), problems[0].Position);
        Assert.Contains("steps was 0", problems[0].Problem);
        Assert.Equal(recipe.IndexOf("from=-1", StringComparison.Ordinal), problems[1].Position);
        Assert.Contains("from was -1", problems[1].Problem);
        Assert.Contains("floor was 1E+101", problems[2].Problem);
    }

    [Fact]
    public void A_good_recipe_validates_to_the_same_schedule_as_parse()
    {
        var schedule = Schedule.Validate("warmup 10 >> cosine 90 peak=0.1").Match(Succ: s => s, Fail: _ => throw new Xunit.Sdk.XunitException("failed"));
        Assert.Equal(Schedule.Parse("warmup 10 >> cosine 90 peak=0.1").ToString(), schedule.ToString());
    }

    [Fact]
    public void A_syntax_error_comes_alone_and_matches_parse()
    {
        var problems = Schedule.Validate("cosine 10 peak=").Match(Succ: _ => [], Fail: errors => errors.ToList());
        var single = Assert.Single(problems);
        var thrown = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("cosine 10 peak="));
        Assert.Equal(thrown.Position, single.Position);
        Assert.Equal(thrown.Problem, single.Problem);
    }
}
