using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// Where a run is in its plan, and the guard of its resumes. An immutable value: <see cref="Apply"/> checks the step the
/// training loop reports — the next one, or the last one again; never one that goes back or skips — and returns the
/// values and the progress after it. <see cref="Resume"/> refuses a checkpoint whose plan differs from the one given,
/// unless a <see cref="ResumePolicy"/> says which wins.
/// </summary>
public sealed record PlanProgress
{
    private PlanProgress(TrainingPlan plan, long nextStep, long? lastApplied, ImmutableArray<PlanRetarget> retargets)
    {
        (Plan, NextStep, LastApplied, Retargets) = (plan, nextStep, lastApplied, retargets);
    }

    /// <summary>A fresh run of <paramref name="plan"/>, from step 0.</summary>
    public static PlanProgress Start(TrainingPlan plan) => new(plan ?? throw new ArgumentNullException(nameof(plan)), 0, null, []);

    /// <summary>The plan in force.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>The step the run applies next.</summary>
    public long NextStep { get; private init; }

    /// <summary>The step applied last, if any since the start or the resume.</summary>
    public long? LastApplied { get; private init; }

    /// <summary>The deliberate changes of plan so far.</summary>
    public ImmutableArray<PlanRetarget> Retargets { get; }

    /// <summary>The values of <paramref name="step"/>, and the progress after applying them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> goes back or skips (the message says from where).</exception>
    public (PlanValues Values, PlanProgress Next) Apply(long step)
    {
        if (step != NextStep && step != LastApplied)
        {
            string where = LastApplied is { } last ? $"the last step applied was {last}, so the next is {NextStep}" : $"the run starts (or resumes) at step {NextStep}";
            string what = step < NextStep ? "goes back" : $"skips step{(step - NextStep > 1 ? $"s {NextStep}–{step - 1}" : $" {NextStep}")}";
            throw Guard.Fail(nameof(step), step.ToString(CultureInfo.InvariantCulture), $"{what}: {where}");
        }
        return (Plan.ValuesAt(step), this with { NextStep = step + 1, LastApplied = step });
    }

    /// <summary>The checkpoint of this progress: its next step, the plan and the re-targets.</summary>
    public PlanCheckpoint Checkpoint() => new(Plan, NextStep, Retargets);

    /// <summary>Resumes <paramref name="plan"/> from <paramref name="checkpoint"/>.</summary>
    /// <param name="plan">The plan the resumed run was given.</param>
    /// <param name="checkpoint">The checkpoint it resumes from.</param>
    /// <param name="policy">What wins when the two plans differ.</param>
    /// <exception cref="ArgumentException">The plans differ and <paramref name="policy"/> is <see cref="ResumePolicy.Refuse"/>
    /// (the message shows both); the checkpoint's plan text does not match its fingerprint; or its samples or tokens
    /// are not what its plan consumes before its step.</exception>
    public static PlanProgress Resume(TrainingPlan plan, PlanCheckpoint checkpoint, ResumePolicy policy = ResumePolicy.Refuse)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!Enum.IsDefined(policy)) throw Guard.Fail(nameof(policy), policy.ToString(), "must be Refuse, UseCheckpoint or UseNew");
        TrainingPlan saved;
        try
        {
            saved = TrainingPlan.Parse(checkpoint.PlanText);
        }
        catch (RecipeFormatException e)
        {
            throw new ArgumentException($"the checkpoint's plan does not parse ({e.Problem}): it was edited or written by another version", nameof(checkpoint), e);
        }
        if (saved.Fingerprint != checkpoint.Fingerprint)
            throw new ArgumentException($"the checkpoint's plan text has fingerprint {saved.Fingerprint}, but the checkpoint says {checkpoint.Fingerprint}: it was edited or damaged", nameof(checkpoint));
        var consumed = new PlanCheckpoint(saved, checkpoint.Step);
        if (consumed.Samples != checkpoint.Samples || consumed.Tokens != checkpoint.Tokens)
            throw new ArgumentException($"the checkpoint says {Show(checkpoint.Samples)} samples and {Show(checkpoint.Tokens)} tokens were consumed before step {checkpoint.Step}, " +
                                        $"but its plan consumes {Show(consumed.Samples)} and {Show(consumed.Tokens)}: the step or the counts were saved wrong", nameof(checkpoint));
        if (saved.Equals(plan)) return new PlanProgress(plan, checkpoint.Step, null, checkpoint.Retargets);
        return policy switch
        {
            ResumePolicy.UseCheckpoint => new PlanProgress(saved, checkpoint.Step, null, checkpoint.Retargets),
            ResumePolicy.UseNew => Retarget(plan, saved, checkpoint),
            _ => throw new ArgumentException(Difference(saved, plan, checkpoint.Step), nameof(plan)),
        };
    }

    /// <summary>Re-targets to <paramref name="plan"/>, which must count the samples and tokens consumed so far as the
    /// checkpoint does: a new batch-size history would have its entries per sample or token, and its rescaling, start
    /// from counts the run never had.</summary>
    private static PlanProgress Retarget(TrainingPlan plan, TrainingPlan saved, PlanCheckpoint checkpoint)
    {
        var counted = new PlanCheckpoint(plan, checkpoint.Step);
        if (counted.Samples != checkpoint.Samples || counted.Tokens != checkpoint.Tokens)
            throw new ArgumentException($"the new plan counts {Show(counted.Samples)} samples and {Show(counted.Tokens)} tokens before step {checkpoint.Step}, " +
                                        $"but the run consumed {Show(checkpoint.Samples)} and {Show(checkpoint.Tokens)}: a re-target may change the batch size " +
                                        "only after the resume step, keeping the stages that were in force before it", nameof(plan));
        return new PlanProgress(plan, checkpoint.Step, null, checkpoint.Retargets.Add(new PlanRetarget(checkpoint.Step, saved.Fingerprint, plan.Fingerprint)));
    }

    /// <summary>Both plans, line by line, the lines that differ marked: what the refusal shows.</summary>
    private static string Difference(TrainingPlan saved, TrainingPlan given, long step)
    {
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"the plan given differs from the checkpoint's (resuming at step {step}); ")
         .Append("pass ResumePolicy.UseCheckpoint to keep the checkpoint's plan, or ResumePolicy.UseNew to re-target to the given one (recorded)\n");
        var savedLines = saved.ToString().Split('\n');
        var givenLines = given.ToString().Split('\n');
        w.Append(CultureInfo.InvariantCulture, $"checkpoint's plan ({saved.Fingerprint}):\n");
        foreach (string line in savedLines) w.Append(givenLines.Contains(line) ? "    " : "  - ").Append(line).Append('\n');
        w.Append(CultureInfo.InvariantCulture, $"plan given ({given.Fingerprint}):\n");
        foreach (string line in givenLines) w.Append(savedLines.Contains(line) ? "    " : "  + ").Append(line).Append('\n');
        return w.ToString().TrimEnd('\n');
    }

    private static string Show(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "no";
}
