using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>How problems are reported: the parser's expected/found words, every problem of a recipe at once and each
/// only once, and the names a slider gets for the numbers of a recipe.</summary>
public class ReportingTests
{
    [Fact]
    public void A_recipe_cut_short_says_what_was_expected_and_that_it_ended()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("linear 10 from="));
        Assert.Contains("expected", e.Problem);
        Assert.Contains("found the end of the recipe", e.Problem);
        Assert.Equal("linear 10 from=".Length, e.Position);
    }

    [Fact]
    public void A_stray_character_is_quoted_where_it_stands()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("constant 1 )"));
        Assert.Contains("found ')'", e.Problem);
        Assert.Equal("constant 1 ".Length, e.Position);
        Assert.StartsWith($"at offset {e.Position}: ", e.Message);
    }

    [Fact]
    public void Validate_reports_each_problem_once_with_its_position()
    {
        const string recipe = "cosine 0 peak=1 >> linear 10 from=-1 to=0 >> take 0 (constant 1)";
        var problems = Schedule.Validate(recipe).Match(_ => [], errors => errors.ToArray());
        Assert.Equal(3, problems.Length);
        Assert.Equal(problems.Length, problems.Select(p => (p.Position, p.Problem)).Distinct().Count());
        Assert.Equal(recipe.IndexOf("cosine", StringComparison.Ordinal), problems.Min(p => p.Position));
        Assert.True(Schedule.Validate("cosine 10 peak=1").IsSuccess);
    }

    [Fact]
    public void Sliders_are_named_by_key_or_by_what_the_number_is()
    {
        var numbers = RecipeNumbers.Find("constant 0.1 >> scale 0.5 (linear 10 from=1 to=0) >> cosine 20 peak=1 >> step-decay from=1 gamma=0.5 every=3");
        Assert.Equal("constant rate", numbers[0].Label);
        Assert.Equal("scale factor", numbers[1].Label);
        Assert.Equal("linear steps", numbers[2].Label);
        Assert.Equal("from", numbers[3].Label);
        Assert.True(numbers.Single(n => n.Key == "every").Whole);
        Assert.False(numbers.Single(n => n.Key == "peak").Whole);
        Assert.Equal("linear 12 from=1 to=0", RecipeNumbers.Replace("linear 10 from=1 to=0", RecipeNumbers.Find("linear 10 from=1 to=0")[0], 11.6));
    }
}
