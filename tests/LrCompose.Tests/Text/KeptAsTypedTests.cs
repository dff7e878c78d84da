namespace LrCompose.Tests.Text;

/// <summary>
/// A text recipe is kept exactly as typed or refused with a message at the number — never silently changed: a cycle
/// limit or model width past int.MaxValue was narrowed by a cast, a fractional patience truncated, a step count past
/// 2^53 rounded through a double, a repeated parameter reported as unknown, a misspelt one as the missing one.
/// </summary>
public sealed class KeptAsTypedTests
{
    [Theory]
    [InlineData("cycle limit=4294967297 (cosine 10 peak=0.1)", 12, "limit must be at most 2147483647, not 4294967297")]
    [InlineData("sgdr peak=0.1 period=10 limit=2147483648", 30, "limit must be at most 2147483647, not 2147483648")]
    [InlineData("noam d-model=4294967808 warmup-steps=10", 13, "d-model must be at most 2147483647, not 4294967808")]
    [InlineData("cosine 100 peak=0.1 peak=0.2", 20, "cosine is given peak twice")]
    [InlineData("cosine 100 peek=0.1", 11, "cosine takes no parameter 'peek' (did you mean peak?)")]
    [InlineData("linear 10 frm=0.1 to=0", 10, "linear takes no parameter 'frm' (did you mean from?)")]
    [InlineData("cosine 1e30 peak=0.1", 7, "the length in steps must be at most 9223372036854775807, not 1e30")]
    [InlineData("constant 1e-400", 9, "the value 1e-400 is too small for a double (below 5e-324): write 0 for zero")]
    public void Refused_at_the_number_with_what_is_wrong(string recipe, int position, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse(recipe));
        Assert.True(e.Problem == problem && e.Position == position, $"{recipe}: at {e.Position}: {e.Problem}");
    }

    [Theory]
    [InlineData("cycle limit=2147483647 (cosine 10 peak=0.1)")]
    [InlineData("cosine 9007199254740993 peak=0.1")]
    public void The_largest_accepted_values_print_back_as_typed(string recipe) =>
        Assert.Equal(recipe, Schedule.Parse(recipe).ToString());

    [Theory]
    [InlineData("until-plateau patience=2.7 (constant 0.1) >> linear 10 from=0.1 to=0", 23, "patience must be a whole number, not 2.7")]
    [InlineData("until-plateau cooldown=1.5 (constant 0.1) >> linear 10 from=0.1 to=0", 23, "cooldown must be a whole number, not 1.5")]
    [InlineData("until-plateau patience=4294967297 (constant 0.1) >> linear 10 from=0.1 to=0", 23, "patience must be at most 2147483647, not 4294967297")]
    [InlineData("until-plateau patience=2 patience=3 (constant 0.1) >> linear 10 from=0.1 to=0", 25, "until-plateau is given patience twice")]
    public void A_plateau_policy_is_read_by_the_same_rules(string recipe, int position, string problem)
    {
        var e = Assert.Throws<RecipeFormatException>(() => LiveSchedule.Parse(recipe));
        Assert.True(e.Problem == problem && e.Position == position, $"{recipe}: at {e.Position}: {e.Problem}");
    }

    [Fact]
    public void A_whole_patience_is_kept() =>
        Assert.Contains("patience=3", LiveSchedule.Parse("until-plateau patience=3 (constant 0.1) >> linear 10 from=0.1 to=0").ToString());
}
