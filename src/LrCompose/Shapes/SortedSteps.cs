namespace LrCompose.Shapes;

/// <summary>Binary search over ascending step boundaries, shared by the shapes that change value at given steps.</summary>
internal static class SortedSteps
{
    /// <summary>How many boundaries are at or before t (a repeated boundary counts each time).</summary>
    public static int CountAtOrBefore(long[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
