using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Training;

/// <summary>The resume guard without an optimizer: a checkpoint resumes at its step with the same values; a changed
/// plan, a tampered checkpoint, and steps that go back or skip are refused.</summary>
public class PlanProgressTests
{
    [Fact]
    public void A_run_stopped_anywhere_and_resumed_from_its_checkpoint_gives_the_same_values_as_the_whole_run() =>
        Law.Holds(from p in TrainingPlanGen.Plan from stop in Gen.Choose(0, 300) select (p, stop), x =>
        {
            var progress = PlanProgress.Start(x.p);
            var whole = new List<PlanValues>();
            for (long t = 0; t < 320; t++)
            {
                (var values, progress) = progress.Apply(t);
                whole.Add(values);
            }
            var first = PlanProgress.Start(x.p);
            for (long t = 0; t < x.stop; t++) first = first.Apply(t).Next;
            var checkpoint = PlanCheckpoint.FromJson(first.Checkpoint().ToJson());
            Assert.Equal((long)x.stop, checkpoint.Step);
            var resumed = PlanProgress.Resume(TrainingPlan.Parse(x.p.ToString()), checkpoint);
            for (long t = x.stop; t < 320; t++)
            {
                (var values, resumed) = resumed.Apply(t);
                Assert.Equal(whole[(int)t].Values.Select(v => BitConverter.DoubleToInt64Bits(v.Value)), values.Values.Select(v => BitConverter.DoubleToInt64Bits(v.Value)));
                Assert.Equal((whole[(int)t].Samples, whole[(int)t].Tokens), (values.Samples, values.Tokens));
            }
        });

    [Fact]
    public void A_checkpoint_records_what_was_consumed_and_refuses_counts_its_plan_does_not_give()
    {
        var plan = new TrainingPlan(BatchSizeSchedule.Parse("0:4 10:8"), tokensPerSample: 100).With(PlanField.LearningRate, Constant(0.1));
        var checkpoint = new PlanCheckpoint(plan, 5);
        Assert.Equal((28L, 2_800L), (checkpoint.Samples!.Value, checkpoint.Tokens!.Value));
        string wrong = checkpoint.ToJson().Replace("\"samples\": 28", "\"samples\": 32");
        var refused = Assert.Throws<ArgumentException>(() => PlanProgress.Resume(plan, PlanCheckpoint.FromJson(wrong)));
        Assert.StartsWith("the checkpoint says 32 samples and 2800 tokens were consumed before step 5, but its plan consumes 28 and 2800", refused.Message);
        Assert.Throws<FormatException>(() => PlanCheckpoint.FromJson("{\"step\": 3}"));
    }

    [Fact]
    public void Another_plan_is_refused_showing_both_and_the_policies_choose_recording_a_retarget()
    {
        var saved = TrainingPlan.Of(Cosine(100, peak: 0.1)).With(PlanField.WeightDecay, Constant(0.01));
        var given = saved.With(PlanField.LearningRate, Cosine(200, peak: 0.1));
        var checkpoint = new PlanCheckpoint(saved, 40);
        var refused = Assert.Throws<ArgumentException>(() => PlanProgress.Resume(given, checkpoint));
        Assert.Equal(string.Join("\n",
            "the plan given differs from the checkpoint's (resuming at step 40); pass ResumePolicy.UseCheckpoint to keep the checkpoint's plan, or ResumePolicy.UseNew to re-target to the given one (recorded)",
            $"checkpoint's plan ({saved.Fingerprint}):",
            $"  - lr: {Cosine(100, peak: 0.1)}",
            $"    weight-decay: {Constant(0.01)}",
            $"plan given ({given.Fingerprint}):",
            $"  + lr: {Cosine(200, peak: 0.1)}",
            $"    weight-decay: {Constant(0.01)}") + " (Parameter 'plan')", refused.Message);
        Assert.Equal(saved, PlanProgress.Resume(given, checkpoint, ResumePolicy.UseCheckpoint).Plan);
        var retargeted = PlanProgress.Resume(given, checkpoint, ResumePolicy.UseNew);
        Assert.Equal(given, retargeted.Plan);
        Assert.Equal(new PlanRetarget(40, saved.Fingerprint, given.Fingerprint), Assert.Single(retargeted.Checkpoint().Retargets));
        Assert.NotEqual(saved.Fingerprint, given.Fingerprint);
    }

    [Fact]
    public void A_retarget_may_grow_the_batch_after_the_resume_step_but_not_rewrite_what_was_consumed()
    {
        var saved = new TrainingPlan(BatchSizeSchedule.Parse("0:4 1000:8")).With(PlanField.LearningRate, Constant(0.1));
        var checkpoint = new PlanCheckpoint(saved, 50);   // 200 samples consumed, all at 4
        var later = saved.WithBatchSize(BatchSizeSchedule.Parse("0:4 400:16"));
        Assert.Equal(later, PlanProgress.Resume(later, checkpoint, ResumePolicy.UseNew).Plan);
        var rewritten = saved.WithBatchSize(BatchSizeSchedule.Parse("0:2 1000:8"));
        var refused = Assert.Throws<ArgumentException>(() => PlanProgress.Resume(rewritten, checkpoint, ResumePolicy.UseNew));
        Assert.StartsWith("the new plan counts 100 samples and no tokens before step 50, but the run consumed 200 and no", refused.Message);
    }

    [Fact]
    public void Steps_that_go_back_or_skip_are_refused_and_the_last_step_may_repeat()
    {
        var progress = PlanProgress.Start(TrainingPlan.Of(Constant(0.1)));
        Assert.Equal("step was 1: it skips step 0: the run starts (or resumes) at step 0.", Assert.ThrowsAny<ArgumentException>(() => progress.Apply(1)).Message);
        progress = progress.Apply(0).Next.Apply(1).Next.Apply(1).Next;
        Assert.Equal(2, progress.NextStep);
        Assert.Equal("step was 0: it goes back: the last step applied was 1, so the next is 2.", Assert.ThrowsAny<ArgumentException>(() => progress.Apply(0)).Message);
    }

    [Fact]
    public void The_csv_writer_has_a_column_per_entry_and_rows_that_read_back_to_the_values()
    {
        var plan = new TrainingPlan(BatchSizeSchedule.Parse("0:4 10:8"), tokensPerSample: 100)
            .With(PlanField.LearningRate, Cosine(50, peak: 0.1)).With(PlanField.WeightDecay, Constant(0.01)).Group("head", lr => lr.Scale(0.1));
        var text = new StringWriter();
        var csv = new PlanCsvWriter(text, plan);
        for (long t = 0; t < 6; t++) csv.Write(plan.ValuesAt(t));
        var lines = text.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal("step,batch-size,samples,tokens,lr,weight-decay,head/lr", lines[0]);
        Assert.Equal(7, lines.Length);
        var cells = lines[6].Split(',');
        Assert.Equal(["5", "8", "28", "2800"], cells[..4]);
        Assert.Equal(plan.Value(PlanField.LearningRate, 5, "head"), double.Parse(cells[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<ArgumentException>(() => csv.Write(TrainingPlan.Of(Constant(1)).ValuesAt(0)));
    }
}
