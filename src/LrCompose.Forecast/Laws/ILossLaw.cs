namespace LrCompose.Forecast;

/// <summary>
/// A loss-curve law: the training loss as a function of the schedule's per-step rates, with its parameters. Laws are
/// immutable values; <see cref="LawJson"/> writes and reads them as <c>{"law": name, "params": {…}}</c>.
/// </summary>
public interface ILossLaw
{
    /// <summary>The law's name in its JSON form: <c>multi-power</c> or <c>momentum</c>.</summary>
    string Name { get; }

    /// <summary>The parameters by their JSON names, in the law's own order.</summary>
    IReadOnlyList<KeyValuePair<string, double>> Parameters { get; }

    /// <summary>The predicted loss of <paramref name="schedule"/> at each of <paramref name="steps"/>.</summary>
    /// <exception cref="ArgumentException">The steps are empty, negative or not increasing, the schedule ends before
    /// the last of them, or its rates are ones the law cannot take (a rate of 0 where it changes).</exception>
    double[] Predict(Schedule schedule, IReadOnlyList<long> steps);
}
