namespace LrCompose.Forecast;

/// <summary>The column (or JSON property) names a loss log uses; the defaults are <c>step</c>, <c>loss</c> and <c>lr</c>.</summary>
public sealed record LossLogColumns
{
    /// <summary>Creates the names.</summary>
    /// <exception cref="ArgumentException">A name is empty or only blanks.</exception>
    public LossLogColumns(string step = "step", string loss = "loss", string rate = "lr")
    {
        Step = Named(step, nameof(step));
        Loss = Named(loss, nameof(loss));
        Rate = Named(rate, nameof(rate));
    }

    /// <summary>The optimizer step (a whole number).</summary>
    public string Step { get; }

    /// <summary>The training loss.</summary>
    public string Loss { get; }

    /// <summary>The logged learning rate (optional in the log; only a check of the schedule).</summary>
    public string Rate { get; }

    /// <summary><c>step</c>, <c>loss</c>, <c>lr</c>.</summary>
    public static LossLogColumns Default { get; } = new();

    private static string Named(string value, string parameter) =>
        !string.IsNullOrWhiteSpace(value) ? value.Trim() : throw Checks.Fail(parameter, $"'{value}'", "a column name must not be empty");
}
