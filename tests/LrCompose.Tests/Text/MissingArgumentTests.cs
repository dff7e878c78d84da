using LrCompose.Text;

namespace LrCompose.Tests.Text;

/// <summary>
/// A recipe missing a piece says which piece, in the words of the vocabulary (what a positional number means, which
/// named value is needed), and points at the word it belongs to.
/// </summary>
public class MissingArgumentTests
{
    [Theory]
    [InlineData("constant", "constant expects the value (a number) as argument 1")]
    [InlineData("linear from=1 to=0", "linear expects the length in steps (a number) as argument 1")]
    [InlineData("cosine peak=1", "cosine expects the length in steps (a number) as argument 1")]
    [InlineData("polynomial from=1 to=0", "polynomial expects the length in steps (a number) as argument 1")]
    [InlineData("tanh from=1 to=0", "tanh expects the length in steps (a number) as argument 1")]
    [InlineData("one-minus-sqrt from=1 to=0", "one-minus-sqrt expects the length in steps (a number) as argument 1")]
    [InlineData("warmup >> constant 1", "warmup expects the length in steps (a number) as argument 1")]
    [InlineData("hold >> constant 1", "hold expects the length in steps (a number) as argument 1")]
    [InlineData("scale (constant 1)", "scale expects a schedule in parentheses as input 2")]
    [InlineData("stretch (constant 1)", "stretch expects the factor (a number) as argument 1")]
    [InlineData("shift (constant 1)", "shift expects the shift in steps (a number) as argument 1")]
    [InlineData("take (constant 1)", "take expects the length in steps (a number) as argument 1")]
    [InlineData("per-epoch (constant 1)", "per-epoch expects the steps per epoch (a number) as argument 1")]
    [InlineData("decay-at length=10 (constant 1)", "decay-at expects the step the decay starts at (a number) as argument 1")]
    [InlineData("take 5", "take expects a schedule in parentheses as input 1")]
    [InlineData("linear 10 to=0", "linear needs from=<number>")]
    [InlineData("decay-at 5 (constant 1)", "decay-at needs length=<whole number>")]
    [InlineData("one-cycle total-steps=100", "one-cycle needs max-rate=<number>")]
    [InlineData("one-cycle max-rate=1", "one-cycle needs total-steps=<whole number>")]
    [InlineData("sgdr period=10", "sgdr needs peak=<number>")]
    [InlineData("sgdr peak=1", "sgdr needs period=<whole number>")]
    [InlineData("warmup-stable-decay peak=1 warmup-steps=1 stable-steps=1", "warmup-stable-decay needs decay-steps=<whole number>")]
    [InlineData("noam warmup-steps=10", "noam needs d-model=<whole number>")]
    [InlineData("noam d-model=512", "noam needs warmup-steps=<whole number>")]
    [InlineData("inverse-time rate=0.5", "inverse-time needs from=<number>")]
    [InlineData("cosine 10 peak=1 staircase=maybe", "cosine takes no parameter 'staircase'")]
    [InlineData("inverse-time from=1 rate=0.5 staircase=maybe", "staircase must be true or false, not 'maybe'")]
    [InlineData("warmup 10 shape=square >> constant 1", "shape must be one of")]
    [InlineData("map \"f\" (constant 1)", "map \"f\" wraps a C# function, which a text recipe cannot rebuild")]
    [InlineData("lambda \"f\"", "wraps a C# function, which a text recipe cannot rebuild")]
    [InlineData("frobnicate 3", "unknown schedule 'frobnicate'; expected one of")]
    public void A_missing_or_wrong_piece_is_named(string recipe, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith($"at offset {e.Position}: ", e.Message);
    }

    [Fact]
    public void An_unknown_word_lists_the_vocabulary_and_the_presets()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("frobnicate 3"));
        Assert.Contains("cosine", e.Problem);
        Assert.Contains("warmup-stable-decay", e.Problem);
        Assert.Contains("gpt2", e.Problem);
        Assert.Contains("sequence", e.Problem);
        // map wraps a C# function, which no text can rebuild.
        Assert.DoesNotContain("map", e.Problem);
    }

    [Fact]
    public void The_pointer_marks_the_position_under_the_recipe()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("linear 10 from=1 to=-1"));
        Assert.Equal("linear 10 from=1 to=-1" + Environment.NewLine + new string(' ', e.Position) + "^", e.Pointer);
    }
}
