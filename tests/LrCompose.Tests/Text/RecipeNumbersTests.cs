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

/// <summary>
/// A slider rounds exactly the numbers the binder needs whole: for every number of every word (with every parameter
/// written), writing a fraction in its place is refused as "not a whole number" exactly when it is marked whole.
/// </summary>
public sealed class RecipeNumberWholenessTests
{
    public static TheoryData<string> Recipes()
    {
        var data = new TheoryData<string>();
        foreach (var row in EveryParameterTests.Words) data.Add((string)row[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void A_number_is_marked_whole_exactly_when_the_binder_needs_it_whole(string recipe)
    {
        foreach (var number in RecipeNumbers.Find(recipe))
        {
            // A fraction near the written value, so every other rule still holds where it can.
            double fraction = Math.Floor(number.Value) + 0.5;
            string changed = recipe[..number.Offset] + fraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + recipe[(number.Offset + number.Length)..];
            string? problem = null;
            try { Schedule.Parse(changed); }
            catch (RecipeFormatException e) { problem = e.Problem; }
            bool refusedAsFraction = problem?.Contains("must be a whole number") == true;
            Assert.True(refusedAsFraction == number.Whole, $"{number.Label} in '{recipe}' is marked {(number.Whole ? "whole" : "fractional")}, but {changed} gives {problem ?? "a schedule"}");
        }
    }
}
