using TorchSharp;
using TorchSharp.Modules;
using static LrCompose.Schedules;
using static TorchSharp.torch;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// The whole plan on a real optimizer (CPU): every scheduled field of every param group, read back from the
/// optimizer's own param groups at every step, for SGD, Adam and AdamW.
/// </summary>
[Collection(nameof(TorchCollection))]
public class PlanBindingTests
{
    internal static readonly string[] GroupNames = ["body", "head"];

    /// <summary>Learning rate with a head group at a tenth, weight decay decaying (none on the head), momentum rising.</summary>
    internal static TrainingPlan SgdPlan() => TrainingPlan.Of(Recipes.WarmupCosine(0.05, 5, 40, 0.001))
        .With(PlanField.WeightDecay, Linear(40, 0.01, 0.001))
        .With(PlanField.Momentum, Linear(40, 0.85, 0.95))
        .Group("head", lr => lr.Scale(0.1))
        .Group("head", PlanField.WeightDecay, Constant(0));

    /// <summary>The SGD plan with Adam's β₂ scheduled too, and a named extra the optimizer does not hold.</summary>
    internal static TrainingPlan AdamPlan() => SgdPlan()
        .With(PlanField.Beta2, Linear(40, 0.95, 0.999))
        .With("dropout", Linear(40, 0.1, 0));

    internal static SGD TwoGroupSgd(TinyTraining run) => optim.SGD(
        [new SGD.ParamGroup(run.First.parameters(), new SGD.Options { LearningRate = 1, momentum = 0.5, weight_decay = 0.5 }),
         new SGD.ParamGroup(run.Second.parameters(), new SGD.Options { LearningRate = 1, momentum = 0.5, weight_decay = 0.5 })], 1, 0.5);

    internal static Adam TwoGroupAdam(TinyTraining run) => optim.Adam(
        [new Adam.ParamGroup(run.First.parameters(), new Adam.Options { LearningRate = 1 }),
         new Adam.ParamGroup(run.Second.parameters(), new Adam.Options { LearningRate = 1 })], 1);

    internal static AdamW TwoGroupAdamW(TinyTraining run) => optim.AdamW(
        [new AdamW.ParamGroup(run.First.parameters(), new AdamW.Options { LearningRate = 1 }),
         new AdamW.ParamGroup(run.Second.parameters(), new AdamW.Options { LearningRate = 1 })], 1);

    public static TheoryData<string> Optimizers => new("sgd", "adam", "adamw");

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Every_field_of_every_group_reaches_the_optimizer_at_every_step(string kind)
    {
        using var run = new TinyTraining();
        optim.Optimizer optimizer = kind switch { "sgd" => TwoGroupSgd(run), "adam" => TwoGroupAdam(run), _ => TwoGroupAdamW(run) };
        var plan = kind == "sgd" ? SgdPlan() : AdamPlan();
        var reported = new List<PlanValues>();
        var scheduler = new PlanScheduler(optimizer, plan, GroupNames, reported.Add);
        string[] fields = kind == "sgd" ? [PlanField.LearningRate, PlanField.WeightDecay, PlanField.Momentum] : [.. PlanField.Known];
        var before = run.Parameters();
        for (long step = 0; step < 45; step++)
        {
            scheduler.Apply(step);
            var groups = optimizer.ParamGroups.ToList();
            for (int g = 0; g < groups.Count; g++)
                foreach (string field in fields)
                    Assert.True(plan.Value(field, step, GroupNames[g]) == PlanScheduler.ReadBack(groups[g], field),
                        $"{kind} step {step} group {GroupNames[g]} {field}: plan {plan.Value(field, step, GroupNames[g])}, optimizer {PlanScheduler.ReadBack(groups[g], field)}");
            run.Step(optimizer);
        }
        // The head really runs at a tenth of the body's rate, without weight decay; the callback saw every step.
        var groupsNow = optimizer.ParamGroups.ToList();
        Assert.Equal(0.1 * plan.Value(PlanField.LearningRate, 44), PlanScheduler.ReadBack(groupsNow[1], PlanField.LearningRate));
        Assert.Equal(0.0, PlanScheduler.ReadBack(groupsNow[1], PlanField.WeightDecay));
        Assert.Equal(Enumerable.Range(0, 45).Select(i => (long)i), reported.Select(v => v.Step));
        Assert.NotEqual(before, run.Parameters());
        if (kind != "sgd") Assert.Equal(0.1 * 35 / 40, reported[5].Of("dropout")!.Value, 15);
    }

    [Fact]
    public void A_plan_field_the_optimizer_lacks_or_a_group_no_param_group_has_is_refused_when_the_scheduler_is_made()
    {
        using var run = new TinyTraining();
        var sgd = TwoGroupSgd(run);
        var beta2 = Assert.Throws<ArgumentException>(() => new PlanScheduler(sgd, AdamPlan(), GroupNames));
        Assert.Contains("beta2", beta2.Message);
        var unknown = Assert.Throws<ArgumentException>(() => new PlanScheduler(sgd, SgdPlan(), ["body", "tail"]));
        Assert.Contains("group head", unknown.Message);
        Assert.Contains("body, tail", unknown.Message);
        // By index: group "1" is the second param group.
        var byIndex = TrainingPlan.Of(Constant(0.1)).Group("1", lr => lr.Scale(0.5));
        var scheduler = new PlanScheduler(sgd, byIndex);
        scheduler.Apply(0);
        Assert.Equal([0.1, 0.05], sgd.LearningRates());
    }
}
