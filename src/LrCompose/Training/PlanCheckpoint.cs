using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>A deliberate change of plan on resume (<see cref="ResumePolicy.UseNew"/>), kept in every later checkpoint.</summary>
/// <param name="Step">The step from which the new plan drives training.</param>
/// <param name="From">The fingerprint of the plan the checkpoint had.</param>
/// <param name="To">The fingerprint of the plan that replaced it.</param>
public sealed record PlanRetarget(long Step, string From, string To)
{
    /// <summary>The step from which the new plan drives training (≥ 0).</summary>
    public long Step { get; init; } = Guard.Check(Step, Rules.NonNegativeSteps(Step));

    /// <summary>The fingerprint of the plan the checkpoint had.</summary>
    public string From { get; init; } = From ?? throw new ArgumentNullException(nameof(From));

    /// <summary>The fingerprint of the plan that replaced it.</summary>
    public string To { get; init; } = To ?? throw new ArgumentNullException(nameof(To));
}

/// <summary>
/// What a checkpoint must hold for the schedules to resume exactly: the step the resumed run applies first, the samples
/// and tokens consumed before it (when the plan has a batch-size schedule), the plan's text and its fingerprint, and
/// the re-targets so far. Save it beside the weights and the optimizer state (<see cref="ToJson"/>).
/// </summary>
public sealed record PlanCheckpoint
{
    /// <summary>A checkpoint of <paramref name="plan"/> whose next step is <paramref name="step"/>.</summary>
    public PlanCheckpoint(TrainingPlan plan, long step, IEnumerable<PlanRetarget>? retargets = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Step = Guard.Check(step, Rules.NonNegativeSteps(step));
        Samples = plan.BatchSize?.SamplesAt(step);
        Tokens = plan.TokensPerSample is { } n && plan.BatchSize is { } b ? b.TokensAt(step, n) : null;
        PlanText = plan.ToString();
        Fingerprint = plan.Fingerprint;
        Retargets = [.. retargets ?? []];
    }

    private PlanCheckpoint(long step, long? samples, long? tokens, string planText, string fingerprint, ImmutableArray<PlanRetarget> retargets)
    {
        (Step, Samples, Tokens, PlanText, Fingerprint, Retargets) = (step, samples, tokens, planText, fingerprint, retargets);
    }

    /// <summary>The step the resumed run applies first (every step before it was applied and its update done).</summary>
    public long Step { get; }

    /// <summary>Samples consumed before <see cref="Step"/>, when the plan has a batch-size schedule.</summary>
    public long? Samples { get; }

    /// <summary>Tokens consumed before <see cref="Step"/>, when the plan counts tokens.</summary>
    public long? Tokens { get; }

    /// <summary>The plan's text form.</summary>
    public string PlanText { get; }

    /// <summary>The plan's fingerprint (<see cref="TrainingPlan.Fingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>Every deliberate change of plan the run has had, oldest first.</summary>
    public ImmutableArray<PlanRetarget> Retargets { get; }

    /// <summary>The checkpoint as JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("step", Step);
            if (Samples is { } s) w.WriteNumber("samples", s);
            if (Tokens is { } t) w.WriteNumber("tokens", t);
            w.WriteString("plan", PlanText);
            w.WriteString("fingerprint", Fingerprint);
            w.WriteStartArray("retargets");
            foreach (var r in Retargets)
            {
                w.WriteStartObject();
                w.WriteNumber("step", r.Step);
                w.WriteString("from", r.From);
                w.WriteString("to", r.To);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads <see cref="ToJson"/>'s form. Whether the plan text still matches its fingerprint is checked on resume.</summary>
    /// <exception cref="FormatException">Not a checkpoint (the message names the member).</exception>
    public static PlanCheckpoint FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            long step = root.GetProperty("step").GetInt64();
            long? samples = root.TryGetProperty("samples", out var s) ? s.GetInt64() : null;
            long? tokens = root.TryGetProperty("tokens", out var t) ? t.GetInt64() : null;
            var retargets = root.TryGetProperty("retargets", out var r)
                ? r.EnumerateArray().Select(e => new PlanRetarget(e.GetProperty("step").GetInt64(), e.GetProperty("from").GetString()!, e.GetProperty("to").GetString()!)).ToImmutableArray()
                : [];
            return new PlanCheckpoint(step, samples, tokens, root.GetProperty("plan").GetString()!, root.GetProperty("fingerprint").GetString()!, retargets);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"not a plan checkpoint: {e.Message} (a checkpoint has step, plan and fingerprint)", e);
        }
    }
}

/// <summary>What to do on resume when the plan given differs from the plan in the checkpoint.</summary>
public enum ResumePolicy
{
    /// <summary>Refuse, showing both plans (the default: a changed recipe is the resume bug every peer has).</summary>
    Refuse,

    /// <summary>Resume with the checkpoint's plan; the one given is ignored.</summary>
    UseCheckpoint,

    /// <summary>Resume with the plan given: a deliberate re-target, recorded in every later checkpoint.</summary>
    UseNew,
}
