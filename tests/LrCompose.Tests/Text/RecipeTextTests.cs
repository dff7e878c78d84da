using FsCheck.Fluent;
using LrCompose.Tests.Support;
using LrCompose.Text;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Text;

/// <summary>Text and JSON recipes: round trips, presets by name, and errors with positions.</summary>
public class RecipeTextTests
{
    private static readonly long[] Probe = [0, 1, 2, 3, 5, 8, 13, 99, 100, 101, 377, 1000, 4181, 100_000, 1L << 40, long.MaxValue];

    private static void SameEverywhere(Schedule expected, Schedule actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        foreach (var t in Probe) Assert.Equal(expected.Rate(t), actual.Rate(t));
    }

    [Fact]
    public void Printing_then_parsing_gives_a_bit_identical_schedule() =>
        Law.Holds(ScheduleGen.Composed, s =>
        {
            var back = Schedule.Parse(s.ToString());
            Assert.Equal(s.ToString(), back.ToString());
            SameEverywhere(s, back);
        });

    [Fact]
    public void Json_round_trips_bit_identically() =>
        Law.Holds(ScheduleGen.Composed, s => SameEverywhere(s, ScheduleJson.Parse(ScheduleJson.Write(s))));

    [Fact]
    public void Every_preset_parses_by_name_and_prints_a_recipe_that_parses_back()
    {
        foreach (var preset in Presets.All)
        {
            SameEverywhere(preset.Schedule, Schedule.Parse(preset.Name));
            SameEverywhere(preset.Schedule, Schedule.Parse(preset.Schedule.ToString()));
        }
    }

    [Fact]
    public void The_pipe_feeds_the_left_side_as_the_last_input()
    {
        var piped = Schedule.Parse("warmup 10 >> cosine 90 peak=0.1 |> scale 0.5 |> shift 5");
        var nested = Schedule.Parse("shift 5 (scale 0.5 (warmup 10 >> cosine 90 peak=0.1))");
        SameEverywhere(nested, piped);
        SameEverywhere(Warmup(10).Then(Cosine(90, 0.1)).Scale(0.5).Shift(5), piped);
    }

    [Fact]
    public void Knots_lists_and_words_parse()
    {
        SameEverywhere(Interpolate(Interpolation.Cosine, new Knot(0, 1), new Knot(7.5, 0.5)),
            Schedule.Parse("interpolate kind=cosine knots=[0:1, 7.5:0.5]"));
        SameEverywhere(MultiStep(0.1, 0.1, 30, 60), Schedule.Parse("multistep from=0.1 gamma=0.1 at=[30, 60]"));
        SameEverywhere(Exponential(1, 0.5, 10, true, 3, 0.01), Schedule.Parse("exponential from=1 rate=0.5 every=10 staircase=true begin=3 end=1e-2"));
    }

    public static TheoryData<string, int, string> BadRecipes => new()
    {
        { "cosin 100 peak=1", 0, "unknown schedule 'cosin'" },
        { "cosine 100 peak=", 16, "expected" },
        { "cosine 0 peak=1", 0, "steps was 0" },
        { "cosine 100 peak=-1", 11, "peak was -1" },
        { "cosine 100 peak=0.1 floor", 25, "expected '='" },
        { "triangular low=0.1 high=0.05 up=10", 11, "low was 0.1" },
        { "cosine 100", 7, "needs peak" },
        { "cosine 10.5 peak=1", 7, "whole number" },
        { "warmup 10 >> cosine 100 peak=1 >>", 33, "expected" },
        { "warmup 10", 0, "must be followed" },
        { "linear 10 from=0 to=1 colour=red", 22, "no parameter 'colour'" },
        { "scale 2 (cosine 10 peak=1", 25, "expected" },
        { "constant 1 >> constant 2", 14, "goes on for ever" },
        { "multistep from=0.1 gamma=0.1 at=[60, 30]", 29, "ascending" },
        { "lambda \"f\"", 0, "cannot rebuild" },
        { "cosine 10 peak=1 & 2", 17, "expected" },
    };

    [Theory]
    [MemberData(nameof(BadRecipes))]
    public void Errors_say_where_and_what(string recipe, int position, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.Equal(position, e.Position);
        Assert.Contains(problem, e.Problem);
        Assert.EndsWith(new string(' ', position) + "^", e.Pointer);
        Assert.True(Schedule.TryParse(recipe).IsFail);
    }

    [Fact]
    public void TryParse_succeeds_on_a_good_recipe() =>
        Assert.Equal(0.1, Schedule.TryParse("constant 0.1").Match(s => s.Rate(5), _ => double.NaN));
}
