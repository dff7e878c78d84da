using System.Text.RegularExpressions;
using LrCompose.Validation;

namespace LrCompose;

/// <summary>
/// The names of the hyperparameters a <see cref="TrainingPlan"/> schedules. Four are known to the optimizer bindings;
/// any other kebab-case name is a named extra (dropout, an EMA decay, a loss weight) that the plan computes and the
/// logs show, for your own code to apply.
/// </summary>
public static partial class PlanField
{
    /// <summary>The learning rate (<c>lr</c>): the field the batch-size rescaling rules scale.</summary>
    public const string LearningRate = "lr";

    /// <summary>Weight decay (<c>weight-decay</c>), as Megatron's <c>--start-weight-decay</c>/<c>--end-weight-decay</c>.</summary>
    public const string WeightDecay = "weight-decay";

    /// <summary>SGD's and RMSprop's momentum, or Adam's β₁ (<c>momentum</c>): the same field, as in one-cycle.</summary>
    public const string Momentum = "momentum";

    /// <summary>Adam's β₂ (<c>beta2</c>).</summary>
    public const string Beta2 = "beta2";

    /// <summary>The four fields the optimizer bindings write, in the order plans print them.</summary>
    public static IReadOnlyList<string> Known { get; } = [LearningRate, WeightDecay, Momentum, Beta2];

    /// <summary>Words of the plan's text form that are options, not fields.</summary>
    internal static IReadOnlyList<string> Reserved { get; } = ["batch-size", "tokens-per-sample", "lr-rescale"];

    /// <summary>Refuses a name that is not a field name: lower-case kebab case, not an option word.</summary>
    internal static string Check(string field, string parameter)
    {
        ArgumentNullException.ThrowIfNull(field, parameter);
        string kebab = field.ToLowerInvariant().Replace('_', '-');
        if (!FieldName().IsMatch(field))
            throw Guard.Fail(parameter, $"'{field}'", "must be a field name in kebab case: a lower-case letter, then letters, digits or '-' (lr, weight-decay, dropout)"
                + (FieldName().IsMatch(kebab) ? $" (did you mean {kebab}?)" : ""));
        if (Reserved.Contains(field)) throw Guard.Fail(parameter, $"'{field}'", "is a plan option, not a field name");
        // A named extra a letter or two from a known field is a misspelling that would leave that field unscheduled.
        if (field == "beta1") throw Guard.Fail(parameter, "'beta1'", "is the momentum field (SGD's momentum, Adam's β1): write momentum");
        if (!Known.Contains(field) && Known.FirstOrDefault(k => Text.CallArgs.IsMisspelling(field, k)) is { } near)
            throw Guard.Fail(parameter, $"'{field}'", $"is a misspelling of {near}, which would then go unscheduled (did you mean {near}? a named extra must not be that close to a field's name)");
        return field;
    }

    /// <summary>Refuses a name that is not a group name: letters, digits, '_', '.' and '-' (an index such as <c>0</c> names a group by position).</summary>
    internal static string CheckGroup(string group, string parameter)
    {
        ArgumentNullException.ThrowIfNull(group, parameter);
        return GroupName().IsMatch(group) ? group
            : throw Guard.Fail(parameter, $"'{group}'", "must be a group name of letters, digits, '_', '.' or '-' (embeddings, layer.0, 1)");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex FieldName();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex GroupName();
}
