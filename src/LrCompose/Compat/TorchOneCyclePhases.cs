using static LrCompose.Schedules;

namespace LrCompose;

/// <summary>
/// PyTorch's <c>OneCycleLR</c> phase table and the walk its <c>get_lr</c> makes through it, turned into native knots.
/// PyTorch gives each phase a real-valued end step (<c>pct·T − 1</c>, <c>2·pct·T − 2</c>, <c>T − 1</c>) and, at step
/// s, uses the first phase whose end is at or past s (the last phase when none is), with
/// <c>pct = (s − previous end)/(end − previous end)</c>. For ordinary parameters those ends ascend from 0 to
/// <c>T − 1</c> and are exactly the knots of an interpolation. At the edges PyTorch accepts they are not, and this
/// walk decides which phases the run really uses:
/// <list type="bullet">
/// <item>a phase whose end lies past <c>T − 1</c> runs to the last step and the phases after it never start
/// (three-phase with <c>pct_start</c> above about one half): the curve is cut at <c>T − 1</c> and held there;</item>
/// <item>a first phase that ends before step 0 (<c>pct_start·T &lt; 1</c>, <c>pct_start = 0</c> among them) is never
/// used, and the run starts part-way into the phase after it, whose start lies before step 0: the knots are moved
/// right by whole steps so none is negative, and the curve is shifted back by as many.</item>
/// </list>
/// </summary>
internal static class TorchOneCyclePhases
{
    /// <summary>One row of PyTorch's <c>_schedule_phases</c>: where it ends and what it anneals between.</summary>
    private readonly record struct Phase(double End, double StartLr, double EndLr, double StartMomentum, double EndMomentum);

    /// <summary>The learning rate and momentum for steps 0 … <paramref name="totalSteps"/> − 1, as PyTorch computes them.</summary>
    public static RateAndMomentum Build(Interpolation kind, double maxLr, long totalSteps, double pctStart, double initial, double min,
        bool threePhase, double baseMomentum, double maxMomentum)
    {
        // float(pct_start * total_steps) - 1 and float(2 * pct_start * total_steps) - 2, in PyTorch's order of operations.
        double end1 = pctStart * totalSteps - 1, last = totalSteps - 1;
        Phase[] phases = threePhase
            ?
            [
                new(end1, initial, maxLr, maxMomentum, baseMomentum),
                new(2 * pctStart * totalSteps - 2, maxLr, initial, baseMomentum, maxMomentum),
                new(last, initial, min, maxMomentum, maxMomentum),
            ]
            :
            [
                new(end1, initial, maxLr, maxMomentum, baseMomentum),
                new(last, maxLr, min, baseMomentum, maxMomentum),
            ];

        // The phase used at a step only moves forward as the step grows, so the run uses every phase from the one at
        // step 0 to the one at its last step, and they chain end to start.
        int first = PhaseAt(phases, 0), final = PhaseAt(phases, last);
        double start = first == 0 ? 0 : phases[first - 1].End;
        long lead = start < 0 ? (long)Math.Ceiling(-start) : 0;
        var rate = new List<Knot> { new(start + lead, phases[first].StartLr) };
        var momentum = new List<Knot> { new(start + lead, phases[first].StartMomentum) };
        for (int i = first; i <= final; i++)
        {
            rate.Add(new(phases[i].End + lead, phases[i].EndLr));
            momentum.Add(new(phases[i].End + lead, phases[i].EndMomentum));
        }
        bool cut = phases[final].End > last;
        return new RateAndMomentum(Curve(kind, rate, lead, cut, last), Curve(kind, momentum, lead, cut, last));
    }

    /// <summary>PyTorch's choice: the first phase whose end is at or past <paramref name="step"/>, else the last.</summary>
    private static int PhaseAt(Phase[] phases, double step)
    {
        for (int i = 0; i < phases.Length - 1; i++)
            if (step <= phases[i].End) return i;
        return phases.Length - 1;
    }

    private static Schedule Curve(Interpolation kind, List<Knot> knots, long lead, bool cut, double last)
    {
        var curve = Interpolate(kind, knots.ToArray());
        // A one-step run is its step 0 alone, which lies at or past the last knot: nothing is left to shift into.
        if (lead > 0) curve = last >= 1 ? curve.Shift(-lead) : Constant(curve.Rate(lead));
        // Cut at the run's last step and hold its value there, as the uncut phases are held past their end.
        return cut ? curve.Take((long)last) : curve;
    }
}
