using LrCompose.Forecast;

namespace LrCompose.Forecast.Tests;

/// <summary>The law with the authors' parameters against the predictions their own code made (reference.json).</summary>
public sealed class MultiPowerLawTests
{
    public static TheoryData<string> Logs => new(Shared.Logs);

    private static Run RunOf(string log) => Shared.Runs.Single(r => r.Log == log);

    [Theory]
    [MemberData(nameof(Logs))]
    public void Exact_evaluation_reproduces_the_authors_predictions_to_1e9(string log)
    {
        long[] steps = Shared.Steps(log);
        Assert.Equal(RunOf(log).Curve.Steps, steps);
        double[] expected = Shared.Predicted(log);
        double[] actual = Shared.ReferenceLaw.PredictExact(RunOf(log).Schedule, steps);
        for (int i = 0; i < steps.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-9 * Math.Abs(expected[i]), $"{log} step {steps[i]}: {actual[i]:R} vs {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_default_evaluation_is_within_1e6_of_the_authors_predictions(string log)
    {
        long[] steps = Shared.Steps(log);
        double[] expected = Shared.Predicted(log);
        double[] actual = Shared.ReferenceLaw.Predict(RunOf(log).Schedule, steps);
        for (int i = 0; i < steps.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-6 * Math.Abs(expected[i]), $"{log} step {steps[i]}: {actual[i]:R} vs {expected[i]:R}");
    }
}
