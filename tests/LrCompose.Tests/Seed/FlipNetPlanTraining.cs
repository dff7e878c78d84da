using LrCompose.Cli.Training;

namespace LrCompose.Tests.Seed;

/// <summary>The flip network trained by a training plan: a learning rate per layer, from the plan's groups.</summary>
internal static class FlipNetPlanTraining
{
    /// <summary>
    /// Trains for the given epochs, the images in their fixed order, with the plan's learning rate for the groups
    /// <c>layer1</c> and <c>layer2</c> (or its default entry); returns each epoch's mean loss.
    /// </summary>
    public static double[] Train(this FlipNet net, TrainingPlan plan, int epochs)
    {
        var losses = new double[epochs];
        long step = 0;
        for (int e = 0; e < epochs; e++)
        {
            for (int i = 0; i < FlipNet.Images.Length; i++)
            {
                var values = plan.ValuesAt(step);
                double lr1 = values.Of(PlanField.LearningRate, "layer1")!.Value, lr2 = values.Of(PlanField.LearningRate, "layer2")!.Value;
                losses[e] += net.Step(FlipNet.Images[i], FlipNet.Targets[i], lr1, lr2, first: step == 0) / FlipNet.Images.Length;
                step++;
            }
        }
        return losses;
    }
}
