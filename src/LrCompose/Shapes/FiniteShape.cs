namespace LrCompose.Shapes;

/// <summary>
/// A shape defined on [0, Length] that holds its end value afterwards. Subclasses give the formula on the
/// interval; this class does the clamping once, so every finite shape has the same past-the-end rule.
/// </summary>
internal abstract class FiniteShape : Schedule
{
    protected FiniteShape(long steps) => Steps = steps;

    /// <summary>The phase length.</summary>
    public long Steps { get; }

    public sealed override long? Length => Steps;

    internal sealed override double At(double t) => t >= Steps ? End : Formula(t);

    /// <summary>The value at 0 ≤ t &lt; Steps.</summary>
    protected abstract double Formula(double t);

    /// <summary>The value at t ≥ Steps, given exactly rather than through the formula's rounding.</summary>
    protected abstract double End { get; }
}
