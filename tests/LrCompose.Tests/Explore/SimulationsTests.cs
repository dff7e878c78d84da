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

    [Fact]
    public void The_quadratics_sharpness_is_its_constant_Hessian_2_all_along_training()
    {
        var (steps, values) = Simulations.SharpnessOverTraining("quadratic", Read("warmup 20 >> constant 0.1 |> take 100"), 10);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => 10L * i), steps);
        Assert.All(values, v => Assert.Equal(2, v, 1e-6));
    }

    [Fact]
    public void The_classifiers_sharpness_at_the_start_is_the_top_eigenvalue_of_its_closed_form_Hessian()
    {
        // At w = 0 every p is ½, so the cross-entropy's Hessian is ¼ · mean of x̃x̃ᵀ with x̃ = (x₁, x₂, 1); the top
        // eigenvalue of a symmetric 3×3 matrix in closed form (the trigonometric solution of its characteristic cubic).
        var (x, _) = Simulations.ClassifierData();
        var h = new double[3, 3];
        foreach (var point in x)
        {
            double[] v = [point[0], point[1], 1];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) h[i, j] += 0.25 * v[i] * v[j] / x.Length;
        }
        double q = (h[0, 0] + h[1, 1] + h[2, 2]) / 3;
        double p1 = h[0, 1] * h[0, 1] + h[0, 2] * h[0, 2] + h[1, 2] * h[1, 2];
        double p2 = (h[0, 0] - q) * (h[0, 0] - q) + (h[1, 1] - q) * (h[1, 1] - q) + (h[2, 2] - q) * (h[2, 2] - q) + 2 * p1;
        double p = Math.Sqrt(p2 / 6);
        var b = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) b[i, j] = (h[i, j] - (i == j ? q : 0)) / p;
        double det = b[0, 0] * (b[1, 1] * b[2, 2] - b[1, 2] * b[2, 1]) - b[0, 1] * (b[1, 0] * b[2, 2] - b[1, 2] * b[2, 0]) + b[0, 2] * (b[1, 0] * b[2, 1] - b[1, 1] * b[2, 0]);
        double top = q + 2 * p * Math.Cos(Math.Acos(Math.Clamp(det / 2, -1, 1)) / 3);

        var (steps, values) = Simulations.SharpnessOverTraining("classifier", Read("constant 0.5 |> take 10"), 10);
        Assert.Equal(0, steps[0]);
        Assert.Equal(top, values[0], 1e-3 * top);
    }

    [Fact]
    public void The_flip_networks_sharpness_is_measured_along_training_and_is_positive()
    {
        var (steps, values) = Simulations.SharpnessOverTraining("flipnet", Read("constant 0.05 |> take 160"), 16);
        Assert.Equal(11, steps.Length);
        Assert.All(values, v => Assert.True(v > 0 && double.IsFinite(v), $"λ_max {v}"));
    }
}
