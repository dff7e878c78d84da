using TorchSharp;
using static TorchSharp.torch.optim;

namespace LrCompose.TorchSharp;

/// <summary>
/// Writes schedule values into a TorchSharp optimizer's param groups: the learning rate of each group
/// (<see cref="ILearningRateController"/>), and the momentum (<see cref="IMomentum"/>, SGD and RMSprop) or Adam's β₁
/// (<see cref="IBetas"/>, Adam, AdamW, NAdam, RAdam, Adamax) when a momentum schedule is given. Pure in the schedule:
/// the values depend on the step alone, so calling it with a restored step resumes exactly.
/// </summary>
public static class OptimizerSchedules
{
    /// <summary>Every param group at <paramref name="learningRate"/>'s value for <paramref name="step"/> (and momentum).</summary>
    public static void ApplySchedule(this Optimizer optimizer, long step, ISchedule learningRate, ISchedule? momentum = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(learningRate);
        double rate = learningRate.Rate(step);
        double? m = momentum?.Rate(step);
        foreach (var group in optimizer.ParamGroups) Write(group, rate, m);
    }

    /// <summary>One schedule scaled per group: group i at <c>multipliers[i] · schedule(step)</c> (layer-wise rates).</summary>
    public static void ApplySchedule(this Optimizer optimizer, long step, ISchedule learningRate, IReadOnlyList<double> multipliers, ISchedule? momentum = null)
    {
        ArgumentNullException.ThrowIfNull(multipliers);
        var groups = Groups(optimizer, multipliers.Count, nameof(multipliers));
        double rate = learningRate.Rate(step);
        double? m = momentum?.Rate(step);
        for (int i = 0; i < groups.Count; i++) Write(groups[i], multipliers[i] * rate, m);
    }

    /// <summary>One schedule per group (and, optionally, one momentum schedule per group).</summary>
    public static void ApplySchedules(this Optimizer optimizer, long step, IReadOnlyList<ISchedule> learningRates, IReadOnlyList<ISchedule>? momenta = null)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        var groups = Groups(optimizer, learningRates.Count, nameof(learningRates));
        if (momenta is not null && momenta.Count != groups.Count)
            throw new ArgumentException($"momenta has {momenta.Count} schedules: it must have one per param group ({groups.Count})", nameof(momenta));
        for (int i = 0; i < groups.Count; i++) Write(groups[i], learningRates[i].Rate(step), momenta?[i].Rate(step));
    }

    /// <summary>The learning rate of each param group, in order.</summary>
    public static double[] LearningRates(this Optimizer optimizer) => optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    private static List<ILearningRateController> Groups(Optimizer optimizer, int expected, string parameter)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var groups = optimizer.ParamGroups.ToList();
        if (groups.Count != expected)
            throw new ArgumentException($"{parameter} has {expected} entries: it must have one per param group ({groups.Count})", parameter);
        return groups;
    }

    private static void Write(ILearningRateController group, double rate, double? momentum)
    {
        group.LearningRate = rate;
        if (momentum is not { } m) return;
        switch (group)
        {
            case IMomentum withMomentum:
                withMomentum.Momentum = m;
                break;
            case IBetas withBetas:
                withBetas.Betas = (m, withBetas.Betas.Item2);
                break;
            default:
                throw new NotSupportedException($"{group.GetType().FullName} has neither momentum nor betas, so a momentum schedule cannot drive it");
        }
    }
}
