namespace LrCompose.Shapes;

/// <summary>
/// A shape defined on [0, Length] that holds its end value afterwards. The formulas in <see cref="ScheduleFormulas"/>
/// include that past-the-end rule, so every finite shape (and the code the generator emits) applies it the same way.
/// </summary>
internal abstract class FiniteShape : Schedule
{
    protected FiniteShape(long steps) => Steps = steps;

    /// <summary>The phase length.</summary>
    public long Steps { get; }

    public sealed override long? Length => Steps;
}
