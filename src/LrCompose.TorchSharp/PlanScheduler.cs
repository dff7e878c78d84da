using System.Globalization;
using static TorchSharp.torch.optim;
using AdamGroup = TorchSharp.Modules.Adam.ParamGroup;
using AdamWGroup = TorchSharp.Modules.AdamW.ParamGroup;
using SgdGroup = TorchSharp.Modules.SGD.ParamGroup;

namespace LrCompose.TorchSharp;

/// <summary>
/// Applies a whole <see cref="TrainingPlan"/> to a TorchSharp optimizer: before each update, every scheduled field of
/// every param group — learning rate, weight decay (SGD, Adam, AdamW), momentum or β₁, β₂ — from the plan's entry for
/// that group (by name, or by index written as a number) or its default entry. Named extras are computed and reported,
/// not written. The step is checked (<see cref="PlanProgress"/>): it must be the next one or the last one again, and a
/// resume must name the plan its checkpoint was saved with, or say which wins.
/// </summary>
public sealed class PlanScheduler
{
    private readonly Optimizer _optimizer;
    private readonly string[] _groupNames;
    private readonly Action<PlanValues>? _onStep;
    private readonly string[] _written; // the plan's fields the optimizer holds, looked up once

    /// <summary>Drives <paramref name="optimizer"/> with <paramref name="plan"/> from step 0.</summary>
    /// <param name="optimizer">The optimizer whose param groups the plan sets.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="groupNames">The plan's name of each param group, in order (default: the index, <c>0</c>, <c>1</c>, …).</param>
    /// <param name="onStep">Called with each step's values once they are in the optimizer (a logger, <see cref="PlanCsvWriter.Write"/>).</param>
    public PlanScheduler(Optimizer optimizer, TrainingPlan plan, IReadOnlyList<string>? groupNames = null, Action<PlanValues>? onStep = null)
        : this(optimizer, PlanProgress.Start(plan), groupNames, onStep)
    {
    }

    private PlanScheduler(Optimizer optimizer, PlanProgress progress, IReadOnlyList<string>? groupNames, Action<PlanValues>? onStep)
    {
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        var groups = optimizer.ParamGroups.ToList();
        if (groupNames is not null && groupNames.Count != groups.Count)
            throw new ArgumentException($"groupNames has {groupNames.Count} names: it must have one per param group ({groups.Count})", nameof(groupNames));
        _groupNames = groupNames?.ToArray() ?? Enumerable.Range(0, groups.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var plan = progress.Plan;
        foreach (string group in plan.Groups)
            if (!_groupNames.Contains(group))
                throw new ArgumentException($"the plan has entries for group {group}, but no param group is called that (the param groups are {string.Join(", ", _groupNames)})", nameof(groupNames));
        foreach (var group in groups)
            foreach (string field in plan.Fields)
                if (Writable(field) && !CanWrite(group, field))
                    throw new ArgumentException($"the plan schedules {field}, which {group.GetType().FullName} does not have", nameof(optimizer));
        Progress = progress;
        _onStep = onStep;
        _written = plan.Fields.Where(Writable).ToArray();
    }

    /// <summary>Resumes from <paramref name="checkpoint"/>: refuses when <paramref name="plan"/> differs from the
    /// checkpoint's plan (the message shows both) unless <paramref name="policy"/> says which wins; a
    /// <see cref="ResumePolicy.UseNew"/> re-target is recorded in every later checkpoint.</summary>
    public static PlanScheduler Resume(Optimizer optimizer, TrainingPlan plan, PlanCheckpoint checkpoint, ResumePolicy policy = ResumePolicy.Refuse,
        IReadOnlyList<string>? groupNames = null, Action<PlanValues>? onStep = null) =>
        new(optimizer, PlanProgress.Resume(plan, checkpoint, policy), groupNames, onStep);

    /// <summary>Where the run is in its plan.</summary>
    public PlanProgress Progress { get; private set; }

    /// <summary>The plan in force (after a resume, the one the policy chose).</summary>
    public TrainingPlan Plan => Progress.Plan;

    /// <summary>Writes the values of the next step into the optimizer; call it before <c>optimizer.step()</c>.</summary>
    public PlanValues Apply() => Apply(Progress.NextStep);

    /// <summary>Writes the values of <paramref name="step"/> (the training loop's own count) into the optimizer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> goes back or skips.</exception>
    public PlanValues Apply(long step)
    {
        var (values, next) = Progress.Apply(step);
        int i = 0;
        foreach (var group in _optimizer.ParamGroups)
        {
            foreach (string field in _written)
                if (values.Of(field, _groupNames[i]) is { } value)
                    Write(group, field, value);
            i++;
        }
        Progress = next;
        _onStep?.Invoke(values);
        return values;
    }

    /// <summary>The checkpoint record of the run so far: save it with the weights and the optimizer state after an update.</summary>
    public PlanCheckpoint Checkpoint() => Progress.Checkpoint();

    /// <summary>The value a param group holds now for one of the four optimizer fields (what tests and logs read back).</summary>
    public static double ReadBack(ILearningRateController group, string field)
    {
        ArgumentNullException.ThrowIfNull(group);
        return field switch
        {
            PlanField.LearningRate => group.LearningRate,
            PlanField.WeightDecay => group switch
            {
                SgdGroup g => g.Options.weight_decay!.Value,
                AdamGroup g => g.Options.weight_decay!.Value,
                AdamWGroup g => g.Options.weight_decay!.Value,
                _ => throw Unsupported(group, field),
            },
            PlanField.Momentum => group switch
            {
                IMomentum m => m.Momentum,
                IBetas b => b.Betas.Item1,
                _ => throw Unsupported(group, field),
            },
            PlanField.Beta2 => group is IBetas betas ? betas.Betas.Item2 : throw Unsupported(group, field),
            _ => throw new ArgumentException($"{field} is not a field the optimizer holds (it is one of {string.Join(", ", PlanField.Known)})", nameof(field)),
        };
    }

    private static bool Writable(string field) => PlanField.Known.Contains(field);

    private static bool CanWrite(ILearningRateController group, string field) => field switch
    {
        PlanField.LearningRate => true,
        PlanField.WeightDecay => group is SgdGroup or AdamGroup or AdamWGroup,
        PlanField.Momentum => group is IMomentum or IBetas,
        PlanField.Beta2 => group is IBetas,
        _ => false,
    };

    private static void Write(ILearningRateController group, string field, double value)
    {
        switch (field)
        {
            case PlanField.LearningRate:
                group.LearningRate = value;
                break;
            case PlanField.WeightDecay when group is SgdGroup g:
                g.Options.weight_decay = value;
                break;
            case PlanField.WeightDecay when group is AdamGroup g:
                g.Options.weight_decay = value;
                break;
            case PlanField.WeightDecay when group is AdamWGroup g:
                g.Options.weight_decay = value;
                break;
            case PlanField.Momentum when group is IMomentum m:
                m.Momentum = value;
                break;
            case PlanField.Momentum when group is IBetas b:
                b.Betas = (value, b.Betas.Item2);
                break;
            case PlanField.Beta2 when group is IBetas b:
                b.Betas = (b.Betas.Item1, value);
                break;
            default:
                throw Unsupported(group, field);
        }
    }

    private static NotSupportedException Unsupported(ILearningRateController group, string field) =>
        new($"{group.GetType().FullName} has no {field}");
}
