using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Schedules;

namespace LrCompose.Tests.Training;

/// <summary>The plan's laws: its text and JSON forms read back to the same plan, bit for bit; a derived group is its
/// derivation of the default entry and nothing else changes; groups without an entry fall back to the default.</summary>
public class TrainingPlanTests
{
    private static readonly Gen<long[]> Steps = Gen.ArrayOf(Gen.Choose(0, 100_000).Select(i => (long)i), 8);

    private static void SameValues(TrainingPlan expected, TrainingPlan read, long[] steps)
    {
        foreach (long t in steps)
        {
            var a = expected.ValuesAt(t);
            var b = read.ValuesAt(t);
            Assert.Equal((a.Step, a.BatchSize, a.Samples, a.Tokens), (b.Step, b.BatchSize, b.Samples, b.Tokens));
            Assert.Equal(a.Values.Select(v => v.Entry.Key), b.Values.Select(v => v.Entry.Key));
            Assert.True(a.Values.Select(v => BitConverter.DoubleToInt64Bits(v.Value)).SequenceEqual(b.Values.Select(v => BitConverter.DoubleToInt64Bits(v.Value))),
                $"step {t}: {string.Join(", ", a.Values.Select(v => v.Value))} read back as {string.Join(", ", b.Values.Select(v => v.Value))}\n{expected}");
        }
    }

    [Fact]
    public void The_text_form_reads_back_to_the_same_plan_bit_for_bit() =>
        Law.Holds(from p in TrainingPlanGen.Plan from t in Steps select (p, t), x =>
        {
            var read = TrainingPlan.Parse(x.p.ToString());
            Assert.Equal(x.p.ToString(), read.ToString());
            Assert.Equal(x.p, read);
            Assert.Equal(x.p.Fingerprint, read.Fingerprint);
            SameValues(x.p, read, x.t);
        });

    [Fact]
    public void The_json_form_reads_back_to_the_same_plan_bit_for_bit() =>
        Law.Holds(from p in TrainingPlanGen.Plan from t in Steps select (p, t), x =>
        {
            var read = TrainingPlan.FromJson(x.p.ToJson());
            Assert.Equal(x.p, read);
            SameValues(x.p, read, x.t);
        });

    [Fact]
    public void The_one_line_form_with_semicolons_and_comments_is_the_same_plan() =>
        Law.Holds(TrainingPlanGen.Plan, p =>
            Assert.Equal(p, TrainingPlan.Parse("# a comment line\n" + p.ToString().Replace("\n", " ; "))));

    [Fact]
    public void A_derived_group_is_its_derivation_of_the_default_and_every_other_value_is_unchanged() =>
        Law.Holds(from p in TrainingPlanGen.Plan from lr in ScheduleGen.Composed from d in TrainingPlanGen.Derivation from t in Steps
                  select (p: p.With(PlanField.LearningRate, lr), lr, d, t), x =>
        {
            var derived = x.p.Group("derived", x.d);
            var expected = x.d(x.p.Find(PlanField.LearningRate)!.Schedule);
            foreach (long t in x.t)
            {
                // Its own learning rate, counted as the default's is counted (a bare step here: no rescaling rule).
                if (x.p.Rescale == LearningRateRescale.None && x.p.Find(PlanField.LearningRate)!.Unit == PlanUnit.Steps)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Rate(t)), BitConverter.DoubleToInt64Bits(derived.Value(PlanField.LearningRate, t, "derived")));
                Assert.Equal(expected.ToString(), derived.Find(PlanField.LearningRate, "derived")!.Schedule.ToString());
                // Every other field of the new group is the default's; every other group is as it was.
                foreach (string field in x.p.Fields.Where(f => f != PlanField.LearningRate && x.p.Find(f) is not null))
                    Assert.Equal(x.p.Value(field, t), derived.Value(field, t, "derived"));
                foreach (string group in x.p.Groups)
                    foreach (string field in x.p.Fields.Where(f => x.p.Find(f, group) is not null))
                        Assert.Equal(x.p.Value(field, t, group), derived.Value(field, t, group));
            }
        });

    [Fact]
    public void A_group_without_an_entry_of_its_own_takes_the_default()
    {
        var plan = TrainingPlan.Of(Cosine(100, peak: 0.1)).With(PlanField.WeightDecay, Constant(0.01)).Group("head", lr => lr.Scale(0.1));
        Assert.Equal(0.1 * Cosine(100, peak: 0.1).Rate(30), plan.Value(PlanField.LearningRate, 30, "head"));
        Assert.Equal(Cosine(100, peak: 0.1).Rate(30), plan.Value(PlanField.LearningRate, 30, "body"));
        Assert.Equal(0.01, plan.Value(PlanField.WeightDecay, 30, "head"));
        Assert.Null(plan.Find(PlanField.Beta2, "head"));
        Assert.Throws<KeyNotFoundException>(() => plan.Value(PlanField.Beta2, 0));
        Assert.Equal(["lr", "weight-decay", "head/lr"], plan.Entries.Select(e => e.Key));
        Assert.Equal($"lr: {Cosine(100, peak: 0.1)}\nweight-decay: {Constant(0.01)}\nhead/lr: {Cosine(100, peak: 0.1).Scale(0.1)}", plan.ToString());
    }

    [Fact]
    public void Entries_per_sample_and_per_token_read_the_clock_and_the_rescaling_rule_scales_only_the_learning_rate()
    {
        var batch = BatchSizeSchedule.Parse("0:4 10:8");
        var plan = new TrainingPlan(batch, tokensPerSample: 100, rescale: LearningRateRescale.Sqrt)
            .With(PlanField.LearningRate, Linear(1_000, 1, 0), PlanUnit.Samples)
            .With(PlanField.WeightDecay, Linear(100_000, 1, 0), PlanUnit.Tokens);
        // Steps 0–2 take 4 samples each (12 ≥ 10 after three), then 8: step 5 starts after 12 + 16 = 28 samples.
        Assert.Equal(28, batch.SamplesAt(5));
        Assert.Equal(Linear(1_000, 1, 0).Rate(28) * Math.Sqrt(8.0 / 4), plan.Value(PlanField.LearningRate, 5));
        Assert.Equal(Linear(1_000, 1, 0).Rate(8), plan.Value(PlanField.LearningRate, 2));
        Assert.Equal(Linear(100_000, 1, 0).Rate(2_800), plan.Value(PlanField.WeightDecay, 5));
        var linear = plan.WithRescale(LearningRateRescale.Linear);
        Assert.Equal(Linear(1_000, 1, 0).Rate(28) * 2, linear.Value(PlanField.LearningRate, 5));
        var values = plan.ValuesAt(5);
        Assert.Equal((5L, (long?)8, (long?)28, (long?)2_800), (values.Step, values.BatchSize, values.Samples, values.Tokens));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_parameter_the_value_and_the_rule()
    {
        var plan = TrainingPlan.Of(Constant(0.1));
        Assert.Equal("field was 'Weight_Decay': it must be a field name in kebab case: a lower-case letter, then letters, digits or '-' (lr, weight-decay, dropout) (did you mean weight-decay?).",
            Assert.ThrowsAny<ArgumentException>(() => plan.With("Weight_Decay", Constant(0))).Message);
        Assert.Equal("field was 'wieght-decay': it is a misspelling of weight-decay, which would then go unscheduled (did you mean weight-decay? a named extra must not be that close to a field's name).",
            Assert.ThrowsAny<ArgumentException>(() => plan.With("wieght-decay", Constant(0))).Message);
        Assert.Equal("field was 'beta1': it is the momentum field (SGD's momentum, Adam's β1): write momentum.",
            Assert.ThrowsAny<ArgumentException>(() => plan.With("beta1", Constant(0.9))).Message);
        Assert.Equal(0.1, plan.With("dropout", Constant(0.1)).Value("dropout", 3)); // a named extra far from every field
        Assert.Equal("field was 'batch-size': it is a plan option, not a field name.",
            Assert.ThrowsAny<ArgumentException>(() => plan.With("batch-size", Constant(0))).Message);
        Assert.Equal("group was 'a/b': it must be a group name of letters, digits, '_', '.' or '-' (embeddings, layer.0, 1).",
            Assert.ThrowsAny<ArgumentException>(() => plan.Group("a/b", lr => lr)).Message);
        Assert.Equal("unit was Samples: it counts consumed samples for lr@samples, so the plan needs a batch-size schedule.",
            Assert.ThrowsAny<ArgumentException>(() => plan.With(PlanField.LearningRate, Constant(0.1), PlanUnit.Samples)).Message);
        Assert.Equal("unit was Tokens: it counts tokens for lr@tokens, so the plan needs tokens-per-sample.",
            Assert.ThrowsAny<ArgumentException>(() => plan.WithBatchSize(BatchSizeSchedule.Constant(8)).With(PlanField.LearningRate, Constant(0.1), PlanUnit.Tokens)).Message);
        Assert.Equal("rescale was Sqrt: it rescales the learning rate by the batch size: the plan needs a batch-size schedule.",
            Assert.ThrowsAny<ArgumentException>(() => plan.WithRescale(LearningRateRescale.Sqrt)).Message);
        Assert.Equal("field was 'momentum': it has no default entry to derive group head's from: add it with With(\"momentum\", …) first.",
            Assert.ThrowsAny<ArgumentException>(() => plan.Group("head", PlanField.Momentum, m => m)).Message);
    }

    [Fact]
    public void A_json_plan_of_the_wrong_shape_names_the_member()
    {
        Assert.Equal("$.entries must be an array of entries", Assert.Throws<RecipeFormatException>(() => TrainingPlan.FromJson("{}")).Problem);
        Assert.Equal("$.entries[0].field is missing", Assert.Throws<RecipeFormatException>(() => TrainingPlan.FromJson("{\"entries\": [{}]}")).Problem);
        Assert.Equal("$.entries[0].per is steps, samples or tokens, not 'epochs'",
            Assert.Throws<RecipeFormatException>(() => TrainingPlan.FromJson("{\"entries\": [{\"field\": \"lr\", \"per\": \"epochs\"}]}")).Problem);
        Assert.StartsWith("$.entries[0] field was 'LR'", Assert.Throws<RecipeFormatException>(() =>
            TrainingPlan.FromJson("{\"entries\": [{\"field\": \"LR\", \"schedule\": " + ScheduleJson.Write(Constant(1)) + "}]}")).Problem);
        Assert.StartsWith("not JSON", Assert.Throws<RecipeFormatException>(() => TrainingPlan.FromJson("{")).Problem);
        // Windows line endings read as the same plan.
        var plan = TrainingPlan.Of(Constant(0.1)).With(PlanField.Momentum, Constant(0.9));
        Assert.Equal(plan, TrainingPlan.Parse(plan.ToString().Replace("\n", "\r\n")));
    }

    [Fact]
    public void A_plan_text_that_cannot_be_read_says_which_line_and_where()
    {
        var noColon = Assert.Throws<RecipeFormatException>(() => TrainingPlan.Parse("lr: constant 0.1\ncosine 100"));
        Assert.Equal("cosine 100", noColon.Recipe);
        var badRecipe = Assert.Throws<RecipeFormatException>(() => TrainingPlan.Parse("head/lr: cosine peak=0.1"));
        Assert.Equal("head/lr: cosine peak=0.1", badRecipe.Recipe);
        Assert.True(badRecipe.Position >= "head/lr: ".Length, $"the caret points into the recipe, not the key ({badRecipe.Position})");
        var rescale = Assert.Throws<RecipeFormatException>(() => TrainingPlan.Parse("batch-size: 0:8\nlr-rescale: cube\nlr: constant 1"));
        Assert.Equal("lr-rescale is none, sqrt or linear, not 'cube'", rescale.Problem);
        var tokens = Assert.Throws<RecipeFormatException>(() => TrainingPlan.Parse("batch-size@tokens: 0:8 1M:16\nlr: constant 1"));
        Assert.Contains("tokens-per-sample", tokens.Problem);
        var twice = Assert.Throws<RecipeFormatException>(() => TrainingPlan.Parse("lr: constant 1\nhead/lr: constant 2\nlr@samples: constant 3"));
        Assert.Equal("lr@samples is given twice: a plan has one line per option and per field of a group", twice.Problem);
        Assert.True(TrainingPlan.LooksLikePlan("lr: constant 1"));
        Assert.False(TrainingPlan.LooksLikePlan("warmup 10 >> cosine 100 peak=0.1"));
        Assert.False(TrainingPlan.LooksLikePlan("gpt2"));
    }
}
