namespace LrCompose.Tests.Text;

/// <summary>An option away from its default prints under its own name and value, so the printed recipe keeps it.</summary>
public class PrintedOptionsTests
{
    [Theory]
    [InlineData("tanh 100 from=1 to=0 lb=-5 ub=2")]
    [InlineData("polynomial 100 from=1 to=0 power=2 k-decay=3")]
    [InlineData("inverse-time from=0.1 rate=0.5 every=10 staircase=true")]
    public void A_recipe_with_options_prints_as_written(string recipe)
    {
        Assert.Equal(recipe, Schedule.Parse(recipe).ToString());
    }

    [Fact]
    public void Built_in_code_the_options_print_the_same()
    {
        Assert.Equal("tanh 100 from=1 to=0 lb=-5 ub=2", Schedules.Tanh(100, 1, 0, lb: -5, ub: 2).ToString());
        Assert.Equal("polynomial 100 from=1 to=0 power=2 k-decay=3", Schedules.Polynomial(100, 1, 0, power: 2, kDecay: 3).ToString());
        Assert.Equal("inverse-time from=0.1 rate=0.5 every=10 staircase=true", Schedules.InverseTime(0.1, 0.5, 10, staircase: true).ToString());
    }
}
