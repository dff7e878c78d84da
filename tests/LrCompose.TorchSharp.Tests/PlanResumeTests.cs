using TorchSharp;
using static TorchSharp.torch;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// Resume that cannot go wrong: a training loop killed at a random step and resumed from its last checkpoint on disk
/// (weights, optimizer state, plan checkpoint) in a fresh model and optimizer gives, at every later step, every value of
/// every field of every group bit for bit as the run that never stopped — and the same parameters at the end. And
/// each refusal, with its message.
/// </summary>
[Collection(nameof(TorchCollection))]
public class PlanResumeTests
{
    private const int Steps = 60, CheckpointEvery = 7;

    /// <summary>What one step put into the optimizer, read back from its param groups, and the extras the plan reported.</summary>
    private static double[] Row(optim.Optimizer optimizer, PlanValues values) =>
        [.. optimizer.ParamGroups.SelectMany(g => PlanField.Known.Select(f => PlanScheduler.ReadBack(g, f))), values.Of("dropout")!.Value];

    private static Dictionary<long, double[]> Uninterrupted(out double[] parameters)
    {
        using var run = new TinyTraining();
        var optimizer = PlanBindingTests.TwoGroupAdamW(run);
        var scheduler = new PlanScheduler(optimizer, PlanBindingTests.AdamPlan(), PlanBindingTests.GroupNames);
        var rows = new Dictionary<long, double[]>();
        for (long step = 0; step < Steps; step++)
        {
            rows[step] = Row(optimizer, scheduler.Apply(step));
            run.Step(optimizer);
        }
        parameters = run.Parameters();
        return rows;
    }

    [Fact]
    public void Killed_at_a_random_step_and_resumed_from_the_checkpoint_every_later_value_is_bit_identical()
    {
        var whole = Uninterrupted(out var wholeParameters);
        // At or after the first checkpoint (a run killed before it simply starts again).
        int kill = Random.Shared.Next(CheckpointEvery, Steps);
        string folder = Directory.CreateTempSubdirectory("lrcompose-resume-").FullName;
        try
        {
            // The run that dies: checkpoints every few updates, killed in the middle of step `kill` (values applied, no update).
            using (var doomed = new TinyTraining())
            {
                var optimizer = PlanBindingTests.TwoGroupAdamW(doomed);
                var scheduler = new PlanScheduler(optimizer, PlanBindingTests.AdamPlan(), PlanBindingTests.GroupNames);
                var killed = Assert.Throws<OperationCanceledException>(() =>
                {
                    for (long step = 0; step < Steps; step++)
                    {
                        scheduler.Apply(step);
                        if (step == kill) throw new OperationCanceledException("killed");
                        doomed.Step(optimizer);
                        if ((step + 1) % CheckpointEvery == 0)
                        {
                            doomed.Model.save(Path.Combine(folder, "weights.bin"));
                            optimizer.save_state_dict(Path.Combine(folder, "optimizer.bin"));
                            File.WriteAllText(Path.Combine(folder, "plan.json"), scheduler.Checkpoint().ToJson());
                        }
                    }
                });
                Assert.Equal("killed", killed.Message);
            }

            // A new process: a differently seeded model, a fresh optimizer at other rates, the plan given again as text.
            using var resumed = new TinyTraining(seed: 99);
            var resumedOptimizer = PlanBindingTests.TwoGroupAdamW(resumed);
            resumed.Model.load(Path.Combine(folder, "weights.bin"));
            resumedOptimizer.load_state_dict(Path.Combine(folder, "optimizer.bin"));
            var checkpoint = PlanCheckpoint.FromJson(File.ReadAllText(Path.Combine(folder, "plan.json")));
            var resumedScheduler = PlanScheduler.Resume(resumedOptimizer, TrainingPlan.Parse(PlanBindingTests.AdamPlan().ToString()), checkpoint,
                groupNames: PlanBindingTests.GroupNames);
            long from = checkpoint.Step;
            Assert.Equal(kill / CheckpointEvery * CheckpointEvery, from);
            for (long step = from; step < Steps; step++)
            {
                var row = Row(resumedOptimizer, resumedScheduler.Apply(step));
                Assert.True(row.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(whole[step].Select(BitConverter.DoubleToInt64Bits)),
                    $"killed at step {kill}, resumed at {from}: step {step} applied [{string.Join(", ", row)}], the whole run [{string.Join(", ", whole[step])}]");
                resumed.Step(resumedOptimizer);
            }
            Assert.True(wholeParameters.SequenceEqual(resumed.Parameters()), $"killed at step {kill}, resumed at {from}: the parameters differ at the end");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_resume_with_another_plan_is_refused_showing_both_plans_unless_the_policy_says_which_wins()
    {
        using var run = new TinyTraining();
        var optimizer = PlanBindingTests.TwoGroupAdamW(run);
        var scheduler = new PlanScheduler(optimizer, PlanBindingTests.AdamPlan(), PlanBindingTests.GroupNames);
        for (long step = 0; step < 10; step++)
        {
            scheduler.Apply(step);
            run.Step(optimizer);
        }
        var checkpoint = PlanCheckpoint.FromJson(scheduler.Checkpoint().ToJson());
        // The horizon changed silently (OneTrainer#1604): the same warmup into a longer cosine.
        var longer = PlanBindingTests.AdamPlan().With(PlanField.LearningRate, Recipes.WarmupCosine(0.05, 5, 80, 0.001)).Group("head", lr => lr.Scale(0.1));

        var refused = Assert.Throws<ArgumentException>(() => PlanScheduler.Resume(optimizer, longer, checkpoint, groupNames: PlanBindingTests.GroupNames));
        Assert.Contains($"checkpoint's plan ({PlanBindingTests.AdamPlan().Fingerprint})", refused.Message);
        Assert.Contains($"plan given ({longer.Fingerprint})", refused.Message);
        Assert.Contains("  - lr: " + Recipes.WarmupCosine(0.05, 5, 40, 0.001), refused.Message);
        Assert.Contains("  + lr: " + Recipes.WarmupCosine(0.05, 5, 80, 0.001), refused.Message);
        Assert.Contains("    weight-decay: ", refused.Message); // unchanged lines are shown unmarked
        Assert.Contains("ResumePolicy.UseCheckpoint", refused.Message);

        var kept = PlanScheduler.Resume(optimizer, longer, checkpoint, ResumePolicy.UseCheckpoint, PlanBindingTests.GroupNames);
        Assert.Equal(PlanBindingTests.AdamPlan(), kept.Plan);
        Assert.Empty(kept.Checkpoint().Retargets);

        var retargeted = PlanScheduler.Resume(optimizer, longer, checkpoint, ResumePolicy.UseNew, PlanBindingTests.GroupNames);
        retargeted.Apply(10);
        Assert.Equal(longer.Value(PlanField.LearningRate, 10), optimizer.LearningRates()[0]);
        var recorded = Assert.Single(retargeted.Checkpoint().Retargets);
        Assert.Equal(new PlanRetarget(10, PlanBindingTests.AdamPlan().Fingerprint, longer.Fingerprint), recorded);
        // The record survives the next checkpoint on disk.
        Assert.Equal(recorded, Assert.Single(PlanCheckpoint.FromJson(retargeted.Checkpoint().ToJson()).Retargets));
    }

    [Fact]
    public void A_step_that_goes_back_or_skips_is_refused_saying_where_the_run_is()
    {
        using var run = new TinyTraining();
        var optimizer = PlanBindingTests.TwoGroupAdamW(run);
        var checkpoint = new PlanCheckpoint(PlanBindingTests.AdamPlan(), 20);
        var scheduler = PlanScheduler.Resume(optimizer, PlanBindingTests.AdamPlan(), checkpoint, groupNames: PlanBindingTests.GroupNames);

        var doubleCounted = Assert.ThrowsAny<ArgumentException>(() => scheduler.Apply(22)); // slime#1546: steps counted twice
        Assert.Equal("step was 22: it skips steps 20–21: the run starts (or resumes) at step 20.", doubleCounted.Message);
        scheduler.Apply(20);
        scheduler.Apply(20); // the same step again (an update the optimizer skipped) is not a jump
        var back = Assert.ThrowsAny<ArgumentException>(() => scheduler.Apply(5));
        Assert.Equal("step was 5: it goes back: the last step applied was 20, so the next is 21.", back.Message);
        Assert.Equal(21, scheduler.Progress.NextStep);

        // A checkpoint whose plan text was edited after it was written.
        string edited = checkpoint.ToJson().Replace("0.05", "0.5");
        var tampered = Assert.Throws<ArgumentException>(() => PlanScheduler.Resume(optimizer, PlanBindingTests.AdamPlan(), PlanCheckpoint.FromJson(edited), groupNames: PlanBindingTests.GroupNames));
        Assert.Contains("edited or damaged", tampered.Message);
    }
}
