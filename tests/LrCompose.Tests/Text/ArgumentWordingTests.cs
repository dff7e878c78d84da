namespace LrCompose.Tests.Text;

/// <summary>
/// What the text binder says about an argument it cannot use, word for word, and where it points: the message is the
/// whole user interface of a recipe typed at a prompt, so each is pinned.
/// </summary>
public class ArgumentWordingTests
{
    [Theory]
    [InlineData("map \"halve\" (constant 1)", 0, "map \"halve\" wraps a C# function, which a text recipe cannot rebuild")]
    [InlineData("map (constant 1)", 4, "map expects a name in quotes")]
    [InlineData("scale 0.5", 6, "scale expects a schedule in parentheses as input 1")]
    [InlineData("take 5 (warmup 5)", 7, "a warmup or hold must be followed (>>) by the phase it leads into")]
    [InlineData("exponential from=0.5 rate=0.5 staircase=maybe", 40, "staircase must be true or false, not 'maybe'")]
    [InlineData("exponential from=0.5 rate=0.5 staircase=1", 40, "staircase expects a word")]
    [InlineData("warmup 5 shape=square >> constant 1", 15, "shape must be one of linear, exponential, cosine, log, one-minus-sqrt, not 'square'")]
    [InlineData("interpolate knots=[0, 10]", 18, "knots expects knots written step:value")]
    [InlineData("multi-step from=0.1 gamma=0.5", 20, "multi-step needs milestones=[...]")]
    [InlineData("multi-step from=0.1 gamma=0.5 milestones=5", 41, "milestones expects a list in brackets")]
    [InlineData("multi-step from=0.1 gamma=0.5 milestones=[2.5]", 41, "milestones must be a whole number of steps, not 2.5")]
    [InlineData("linear 10 from=0.1 to=x", 22, "to expects a number")]
    [InlineData("linear 10 from=0.1", 10, "linear needs to=<number>")]
    [InlineData("step-decay from=0.1 gamma=0.5", 20, "step-decay needs every=<whole number>")]
    [InlineData("linear 10.5 from=0 to=1", 7, "the length in steps must be a whole number of steps, not 10.5")]
    [InlineData("take 9223372036854775808 (constant 1)", 5, "the length in steps must be at most 9223372036854775807, not 9223372036854775808")]
    [InlineData("take 1e30 (constant 1)", 5, "the length in steps must be at most 9223372036854775807, not 1e30")]
    [InlineData("take 2.5 (constant 1)", 5, "the length in steps must be a whole number of steps, not 2.5")]
    [InlineData("linear 10 from=0 to=1 foo=2", 22, "linear takes no parameter 'foo'")]
    [InlineData("linear 10 20 from=0 to=1", 10, "linear takes no such argument")]
    [InlineData("cosine 10 peak=0.1 \"x\"", 19, "cosine takes no such argument")]
    public void A_misused_argument_is_named_in_full_where_it_is(string recipe, int position, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.True(e.Problem == problem && e.Position == position, $"{recipe}: at {e.Position}: {e.Problem}");
    }

    [Theory]
    [InlineData("take 9007199254740993 (constant 1)", 9007199254740993)]      // 2^53 + 1: no double holds it
    [InlineData("take 9223372036854775807 (constant 1)", long.MaxValue)]
    [InlineData("take 8990000000000000001 (constant 1)", 8990000000000000001)]
    [InlineData("take 1e18 (constant 1)", 1_000_000_000_000_000_000)]
    [InlineData("take 12.5e1 (constant 1)", 125)]
    public void A_whole_number_is_read_from_its_digits_exactly_up_to_long_MaxValue(string recipe, long length)
    {
        var schedule = Schedule.Parse(recipe);
        Assert.Equal(length, schedule.Length);
        Assert.Equal(length, Schedule.Parse(schedule.ToString()).Length);
        Assert.Equal(length, ScheduleJson.Parse(ScheduleJson.Write(schedule)).Length);
    }

    [Theory]
    [InlineData("linear 10 from=", "found the end of the recipe")]
    [InlineData("cosine 100 peak=0.1 )", "found ')'")]
    [InlineData("linear 10 from=0 to=1 >> ", "found the end of the recipe")]
    [InlineData("(cosine 100 peak=0.1", "found the end of the recipe")]
    public void A_syntax_error_lists_what_could_come_there_sorted_and_once(string recipe, string found)
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.StartsWith("expected ", e.Problem);
        Assert.EndsWith(", " + found, e.Problem);
        var expected = e.Problem["expected ".Length..e.Problem.LastIndexOf(", found", StringComparison.Ordinal)].Split(", ");
        Assert.Equal(expected.Order(StringComparer.Ordinal).Distinct(), expected);
        Assert.InRange(e.Position, 1, recipe.Length);
    }
}
