namespace LrCompose.Combinators;

/// <summary>
/// Phases and the step each starts at, ascending: what a sequence and a join both are at run time. One lookup (the
/// last start at or before t) and one evaluation (that phase at its own local step) serve both, so they cannot differ
/// in how a boundary step is assigned. A struct held inline, so evaluating costs no more than two arrays did.
/// </summary>
internal readonly struct PhaseTable
{
    public PhaseTable(Schedule[] phases, long[] starts)
    {
        Phases = phases;
        Starts = starts;
    }

    public Schedule[] Phases { get; }

    public long[] Starts { get; }

    /// <summary>The smallest Min of the phases.</summary>
    public double Min => Phases.Min(p => p.Min);

    /// <summary>The largest Max of the phases.</summary>
    public double Max => Phases.Max(p => p.Max);

    /// <summary>The index of the phase in force at time t: the last whose start is at or before t (a binary search).</summary>
    public int IndexAt(double t)
    {
        int lo = 0, hi = Starts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (Starts[mid] <= t) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The value at t: the phase in force, at its own local step.</summary>
    public double At(double t)
    {
        int i = IndexAt(t);
        return Phases[i].At(t - Starts[i]);
    }
}
