namespace LrCompose;

/// <summary>
/// The vocabulary of schedules: shapes (<c>Constant</c>, <c>Linear</c>, <c>Cosine</c>, …) and the relative phases
/// <c>Warmup</c> and <c>Hold</c>. Combinators are methods on <see cref="Schedule"/> (<c>Then</c>, <c>Scale</c>,
/// <c>Cycle</c>, …). Bring them into scope with <c>using static LrCompose.Schedules;</c>.
/// </summary>
public static partial class Schedules;
