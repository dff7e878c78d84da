using System.Reflection;
using LrCompose.Core;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Text;

/// <summary>One vocabulary: every word is a C# member, its text name is that member's kebab-case, short aliases read
/// but print long, and the recipe syntax page lists every word.</summary>
public class VocabularyTests
{
    private static readonly Dictionary<string, Type> Owners = new()
    {
        ["Schedules"] = typeof(Schedules),
        ["Schedule"] = typeof(Schedule),
        ["Recipes"] = typeof(Recipes),
    };

    [Fact]
    public void Every_word_is_a_public_member_and_its_text_name_is_the_kebab_case_of_it()
    {
        foreach (var entry in Vocabulary.All)
        {
            var methods = Owners[entry.Owner].GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Where(m => m.Name == entry.Member);
            Assert.True(methods.Any(), $"{entry.Owner}.{entry.Member} is not a public method");
            Assert.Equal(entry.Text, Vocabulary.Kebab(entry.Member));
            Assert.Same(entry, Vocabulary.ByText(entry.Text));
            Assert.Same(entry, Vocabulary.ByMember(entry.Owner, entry.Member));
        }
    }

    [Theory]
    [InlineData("step from=0.1 gamma=0.5 every=10", "step-decay from=0.1 gamma=0.5 every=10")]
    [InlineData("invsqrt peak=0.1 timescale=100", "inverse-sqrt peak=0.1 timescale=100")]
    [InlineData("multistep from=0.1 gamma=0.1 at=[30, 60]", "multi-step from=0.1 gamma=0.1 milestones=[30, 60]")]
    [InlineData("piecewise values=[1, 0.5] at=[10]", "piecewise-constant values=[1, 0.5] boundaries=[10]")]
    [InlineData("cycle mult=2 (cosine 10 peak=1)", "cycle multiplier=2 (cosine 10 peak=1)")]
    [InlineData("cosine 10 peak=1 kdecay=2", "cosine 10 peak=1 k-decay=2")]
    [InlineData("warmup 5 count=from-one >> constant 0.08", "warmup 5 count=from-one >> constant 0.08")]
    [InlineData("join boundaries=[10] (constant 1) (linear 5 from=1 to=0)", "join boundaries=[10] (constant 1) (linear 5 from=1 to=0)")]
    public void Short_aliases_read_and_print_in_their_long_form(string recipe, string printed)
    {
        var schedule = Schedule.Parse(recipe);
        Assert.Equal(printed, schedule.ToString());
        Assert.Equal(printed, Schedule.Parse(printed).ToString());
    }

    [Fact]
    public void Text_recipes_read_the_CSharp_recipes_by_their_kebab_case_names()
    {
        Assert.Equal(Recipes.WarmupCosine(0.1, 10, 100, floor: 0.01).ToString(),
            Schedule.Parse("warmup-cosine peak=0.1 warmup-steps=10 total-steps=100 floor=0.01").ToString());
        Assert.Equal(Recipes.WarmupStableDecay(1e-3, 10, 60, 30, decay: DecayShape.OneMinusSqrt).ToString(),
            Schedule.Parse("warmup-stable-decay peak=1e-3 warmup-steps=10 stable-steps=60 decay-steps=30 decay=one-minus-sqrt").ToString());
        Assert.Equal(Recipes.OneCycle(0.1, 1000).LearningRate.ToString(), Schedule.Parse("one-cycle max-rate=0.1 total-steps=1000").ToString());
        Assert.Equal(Recipes.Noam(512, 4000).ToString(), Schedule.Parse("noam d-model=512 warmup-steps=4000").ToString());
        Assert.Equal(Recipes.Sgdr(0.1, 100, multiplier: 2).ToString(), Schedule.Parse("sgdr peak=0.1 period=100 multiplier=2").ToString());
    }

    [Fact]
    public void The_recipe_syntax_page_lists_every_word()
    {
        string page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "recipes.md"));
        foreach (var entry in Vocabulary.All.Where(e => e.Kind is not (ScheduleKind.Sequence or ScheduleKind.Map)))
            Assert.True(page.Contains("`" + entry.Text), $"docs/recipes.md does not list '{entry.Text}'");
    }
}
