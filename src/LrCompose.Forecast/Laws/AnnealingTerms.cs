namespace LrCompose.Forecast;

/// <summary>
/// The multi-power law's sum over the schedule, Σ_(k=1..s) (η_k − η_(k−1))·[1 − (1 + C·η_k^(−γ)·(P_s − P_(k−1)))^(−β)],
/// for each logged step s, reduced to a short list of terms (weight w, log-rate ln η, area D) that do not depend on the
/// law's parameters: the sum is Σ w·[1 − (1 + C·e^(−γ·ln η)·D)^(−β)].
/// </summary>
/// <remarks>
/// Steps where the rate does not change contribute nothing, so a constant stretch costs nothing. A stretch where the
/// rate changes smoothly in one direction is cut into blocks over which both the area D = P_s − P_(k−1) and the rate
/// vary by at most a factor 1 + <see cref="DefaultTolerance"/>; each block becomes one term at its centroid (the
/// weighted mean step, where the rule is exact for any integrand linear in k), so the blocks grow geometrically with
/// the distance from s and a point costs O(log of the run length / tolerance) terms instead of O(steps). Phase joins,
/// changes of direction and single jumps are never merged. With <c>exact</c> every changing step is its
/// own term and the sum is the authors' term for term.
/// </remarks>
internal sealed class AnnealingTerms
{
    /// <summary>The relative spread of area and rate a merged block may have. The rule's error falls with its square:
    /// at 0.04 no prediction of the nine shipped runs moves by more than 5e-7 from the exact sum (the tests pin 1e-6).</summary>
    public const double DefaultTolerance = 0.04;

    private AnnealingTerms(double[] prefixAt, int[] offsets, double[] weight, double[] logEta, double[] area)
    {
        PrefixAt = prefixAt;
        Offsets = offsets;
        Weight = weight;
        LogEta = logEta;
        Area = area;
    }

    /// <summary>P_s at each logged step.</summary>
    public double[] PrefixAt { get; }

    /// <summary>Point i's terms are [Offsets[i], Offsets[i + 1]).</summary>
    public int[] Offsets { get; }

    public double[] Weight { get; }
    public double[] LogEta { get; }
    public double[] Area { get; }

    public int Points => PrefixAt.Length;

    public int TermCount => Weight.Length;

    /// <summary>The terms for each of <paramref name="steps"/> (increasing, each below <c>rates.Count</c>).</summary>
    public static AnnealingTerms Build(ScheduleRates rates, IReadOnlyList<long> steps, double tolerance = DefaultTolerance, bool exact = false)
    {
        double[] eta = rates.Eta, prefix = rates.Prefix;
        int last = steps.Count == 0 ? 0 : (int)steps[^1];
        var (runStart, runEnd) = Runs(rates, last);
        double limit = Math.Log(1 + tolerance);
        // etaStart[k]: the earliest step of k's run whose rate is within the factor of η_k (rates are monotone in a run).
        var etaStart = new int[last + 1];
        // moment[k]: Σ (j − runStart)·Δ_j over the run up to k, for the centroid of a block.
        var moment = new double[last + 1];
        for (int r = 0; r < runStart.Count; r++)
        {
            int a = runStart[r];
            double m = 0;
            for (int k = runStart[r]; k <= runEnd[r]; k++)
            {
                while (a < k && Math.Abs(Math.Log(eta[a] / eta[k])) > limit) a++;
                etaStart[k] = a;
                m += (k - runStart[r]) * (eta[k] - eta[k - 1]);
                moment[k] = m;
            }
        }

        // ln η_k for every step a term can sit at (rates in a run are above 0; steps outside runs are never used).
        var lnEta = new double[last + 1];
        for (int r = 0; r < runStart.Count; r++)
            for (int k = Math.Max(runStart[r] - 1, 1); k <= runEnd[r]; k++) lnEta[k] = Math.Log(eta[k]);
        var offsets = new int[steps.Count + 1];
        var prefixAt = new double[steps.Count];
        int capacity = steps.Count * 64;
        var weight = new List<double>(capacity);
        var logEta = new List<double>(capacity);
        var area = new List<double>(capacity);
        for (int i = 0; i < steps.Count; i++)
        {
            int s = (int)steps[i];
            double ps = prefix[s];
            prefixAt[i] = ps;
            for (int r = 0; r < runStart.Count && runStart[r] <= s; r++)
            {
                int start = runStart[r];
                int b = Math.Min(runEnd[r], s);
                while (b >= start)
                {
                    double areaB = ps - prefix[b - 1];
                    int a = b;
                    if (!exact && b > start)
                    {
                        // The smallest a with P_(a−1) ≥ P_s − (1 + tol)·D_b, no earlier than the rate allows: gallop
                        // down from b (blocks are short near s), then bisect the last stride.
                        double threshold = ps - (1 + tolerance) * areaB;
                        int floorA = Math.Max(start, etaStart[b]);
                        int hi = b, stride = 1, lo = b;
                        while (true)
                        {
                            int probe = b - stride;
                            if (probe <= floorA) { lo = floorA; break; }
                            if (prefix[probe - 1] < threshold) { lo = probe + 1; break; }
                            hi = probe;
                            stride <<= 1;
                        }
                        while (lo < hi)
                        {
                            int mid = (lo + hi) >> 1;
                            if (prefix[mid - 1] >= threshold) hi = mid; else lo = mid + 1;
                        }
                        a = lo;
                    }
                    if (a == b)
                    {
                        weight.Add(eta[b] - eta[b - 1]);
                        logEta.Add(lnEta[b]);
                        area.Add(areaB);
                    }
                    else
                    {
                        double w = eta[b] - eta[a - 1];
                        double c = start + (moment[b] - (a > start ? moment[a - 1] : 0)) / w;
                        c = Math.Clamp(c, a, b);
                        int f = Math.Min((int)Math.Floor(c), b - 1);
                        double frac = c - f;
                        double before = prefix[f - 1] + frac * eta[f];
                        weight.Add(w);
                        // ln η at the centroid, interpolated between the two steps around it (η is smooth in a block).
                        logEta.Add(lnEta[f] + frac * (lnEta[f + 1] - lnEta[f]));
                        area.Add(ps - before);
                    }
                    b = a - 1;
                }
            }
            offsets[i + 1] = weight.Count;
        }
        return new AnnealingTerms(prefixAt, offsets, [.. weight], [.. logEta], [.. area]);
    }

    /// <summary>The terms of points [<paramref name="from"/>, <paramref name="to"/>) only.</summary>
    public AnnealingTerms Slice(int from, int to)
    {
        int first = Offsets[from], end = Offsets[to];
        var offsets = new int[to - from + 1];
        for (int i = 0; i < offsets.Length; i++) offsets[i] = Offsets[from + i] - first;
        return new AnnealingTerms(PrefixAt[from..to], offsets, Weight[first..end], LogEta[first..end], Area[first..end]);
    }

    /// <summary>Maximal stretches of steps 1 … last where the rate changes in one direction within one phase.</summary>
    private static (List<int> Start, List<int> End) Runs(ScheduleRates rates, int last)
    {
        double[] eta = rates.Eta;
        var phaseStart = new HashSet<long>(rates.PhaseStarts);
        var starts = new List<int>();
        var ends = new List<int>();
        int current = -1;
        for (int k = 1; k <= last; k++)
        {
            double d = eta[k] - eta[k - 1];
            if (d == 0)
            {
                Close(k - 1);
                continue;
            }
            bool continues = current >= 0 && !phaseStart.Contains(k) && !phaseStart.Contains(k - 1)
                             && Math.Sign(d) == Math.Sign(eta[k - 1] - eta[k - 2]);
            if (!continues)
            {
                Close(k - 1);
                current = k;
            }
        }
        Close(last);
        return (starts, ends);

        void Close(int end)
        {
            if (current < 0) return;
            starts.Add(current);
            ends.Add(end);
            current = -1;
        }
    }
}
