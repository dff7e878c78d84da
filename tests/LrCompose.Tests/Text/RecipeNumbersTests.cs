using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>The numbers of a recipe, as the explorer's sliders see them: found where written, named, replaceable.</summary>
public sealed class RecipeNumbersTests
{
    [Fact]
    public void Every_number_is_found_where_it_is_written_with_its_name()
    {
        const string recipe = "warmup 100 >> cosine 900 peak=0.1 floor=1e-5 |> scale 0.5";
        var numbers = RecipeNumbers.Find(recipe);
        Assert.Equal(["warmup steps", "cosine steps", "peak", "floor", "scale factor"], numbers.Select(n => n.Label));
        Assert.All(numbers, n => Assert.Equal(n.Value, double.Parse(recipe.Substring(n.Offset, n.Length), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([true, true, false, false, false], numbers.Select(n => n.Whole));
    }

    [Fact]
    public void Numbers_inside_nested_schedules_are_found()
    {
        var numbers = RecipeNumbers.Find("cycle multiplier=2 (cosine 1000 peak=0.1)");
        Assert.Equal(["multiplier", "cosine steps", "peak"], numbers.Select(n => n.Label));
    }

    [Fact]
    public void Replacing_a_number_gives_a_recipe_with_that_value() =>
        Law.Holds(from thousandths in Gen.Choose(1, 100_000) from steps in Gen.Choose(1, 1_000_000) select (thousandths, steps), x =>
        {
            const string recipe = "warmup 10 >> cosine 90 peak=0.1";
            var numbers = RecipeNumbers.Find(recipe);
            double peak = x.thousandths / 1000.0;
            string changed = RecipeNumbers.Replace(RecipeNumbers.Replace(recipe, numbers[2], peak), numbers[1], x.steps);
            Assert.Equal(10 + x.steps, Schedule.Parse(changed).Length);
            Assert.Equal(peak, RecipeNumbers.Find(changed)[2].Value);
            Assert.Equal(peak, Schedule.Parse(changed).Max);
        });
}
