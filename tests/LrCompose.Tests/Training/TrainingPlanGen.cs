using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Training;

/// <summary>Random training plans: any composed schedule per field, groups given outright or derived, and now and then
/// a batch-size schedule (in samples or tokens) with entries per sample or per token and a rescaling rule.</summary>
internal static class TrainingPlanGen
{
    public static readonly Gen<BatchSizeStage[]> Stages =
        from n in Gen.Choose(1, 4)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 5_000), n)
        from sizes in Gen.ArrayOf(Gen.Choose(1, 700), n)
        select Enumerable.Range(0, n).Select(i => new BatchSizeStage(i == 0 ? 0 : gaps.Take(i).Sum(g => (long)g), sizes[i])).ToArray();

    public static readonly Gen<BatchSizeSchedule> BatchSize =
        from stages in Stages
        from tokens in Gen.Elements<long?>(null, null, 1, 7, 2048)
        select new BatchSizeSchedule(stages, tokens);

    private static readonly string[] Fields = [PlanField.LearningRate, PlanField.WeightDecay, PlanField.Momentum, PlanField.Beta2, "dropout", "ema-decay"];
    private static readonly string[] GroupNames = ["embeddings", "head", "0", "layer.1", "norm_bias"];

    public static readonly Gen<Func<Schedule, Schedule>> Derivation = Gen.Elements<Func<Schedule, Schedule>>(
        s => s.Scale(0.1), s => s.Scale(3), s => s * 0.5, s => s.Scale(1e-3));

    public static readonly Gen<TrainingPlan> Plan =
        from batch in Gen.Frequency((2, Gen.Constant<BatchSizeSchedule?>(null)), (1, BatchSize.Select(b => (BatchSizeSchedule?)b)))
        from extraTokens in Gen.Elements<long?>(null, 16)
        from rescale in Gen.Elements(Enum.GetValues<LearningRateRescale>())
        from defaults in Gen.ListOf(from f in Gen.Elements(Fields) from s in ScheduleGen.Composed from u in Gen.Elements(Enum.GetValues<PlanUnit>()) select (f, s, u))
        from groups in Gen.ListOf(from g in Gen.Elements(GroupNames) from f in Gen.Elements(Fields) from derive in Gen.Elements(true, false)
                                  from d in Derivation from s in ScheduleGen.Composed from u in Gen.Elements(Enum.GetValues<PlanUnit>())
                                  select (g, f, derive, d, s, u))
        select Build(batch, extraTokens, rescale, defaults, groups);

    private static TrainingPlan Build(BatchSizeSchedule? batch, long? extraTokens, LearningRateRescale rescale,
        IEnumerable<(string F, Schedule S, PlanUnit U)> defaults, IEnumerable<(string G, string F, bool Derive, Func<Schedule, Schedule> D, Schedule S, PlanUnit U)> groups)
    {
        long? tokens = batch?.TokensPerSample ?? (batch is null ? null : extraTokens);
        var plan = new TrainingPlan(batch, tokens, batch is null ? LearningRateRescale.None : rescale);
        PlanUnit Allowed(PlanUnit u) => batch is null ? PlanUnit.Steps : u == PlanUnit.Tokens && tokens is null ? PlanUnit.Samples : u;
        foreach (var (f, s, u) in defaults) plan = plan.With(f, s, Allowed(u));
        foreach (var (g, f, derive, d, s, u) in groups)
            plan = derive && plan.Find(f) is { Group: null } ? plan.Group(g, f, d) : plan.Group(g, f, s, Allowed(u));
        return plan;
    }
}
