using LrCompose.Cli.Explore;
using LrCompose.Text;

namespace LrCompose.Tests.Explore;

/// <summary>The explorer's built-in models: deterministic, trainable at a sensible rate, and their range tests sensible.</summary>
public sealed class SimulationsTests
{
    private static Schedule Read(string recipe) => Schedule.Parse(recipe);

    [Theory]
    [InlineData("quadratic", "constant 0.05 |> take 400")]
    [InlineData("flipnet", "constant 0.05 |> take 480")]
    [InlineData("classifier", "constant 0.5 |> take 400")]
    public void A_sensible_rate_trains_each_model(string model, string recipe)
    {
        var losses = Simulations.Train(model, Read(recipe));
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        double late = losses.TakeLast(16).Average();
        Assert.True(late < losses[0] * 0.75, $"{model}: loss {losses[0]} after the first step, mean {late} over the last 16");
    }

    [Theory]
    [InlineData("quadratic")]
    [InlineData("flipnet")]
    [InlineData("classifier")]
    public void Each_model_is_the_same_every_time(string model)
    {
        var schedule = Read("warmup 50 >> cosine 250 peak=0.1");
        Assert.Equal(Simulations.Train(model, schedule), Simulations.Train(model, schedule));
    }

    [Theory]
    [InlineData("quadratic")]
    [InlineData("flipnet")]
    [InlineData("classifier")]
    public void Range_test_suggestions_lie_inside_the_sweep(string model)
    {
        var result = Simulations.RangeTest(model, RangeTestRules.Fastai);
        Assert.NotEmpty(result.Suggestions);
        Assert.All(result.Suggestions, s => Assert.InRange(s.Value, 1e-5, 10));
    }

    [Fact]
    public void Training_is_bounded_in_steps()
    {
        Assert.Equal(Simulations.MaxSteps, Simulations.Train("quadratic", Read("constant 0.01")).Length);
    }

    [Fact]
    public void An_unknown_model_is_named_in_the_message()
    {
        var error = Assert.Throws<LrCompose.Cli.CliInputException>(() => Simulations.Train("mnist", Read("constant 0.1")));
        Assert.Contains("quadratic, flipnet or classifier", error.Message);
        Assert.Contains("'mnist'", error.Message);
    }
}
