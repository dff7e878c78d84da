namespace LrCompose.Tests.PeerParity;

/// <summary>
/// PyTorch's <c>OneCycleLR.get_lr</c> restated on its own, step by step, from the source of
/// <c>torch/optim/lr_scheduler.py</c> (2.x): a table of phases, each with a real-valued end step
/// (<c>pct·T − 1</c>, <c>2·pct·T − 2</c> with three phases, <c>T − 1</c>); at step s the first phase whose end is at or
/// past s is used (the last one when none is), with <c>pct = (s − start)/(end − start)</c> where start is the end of
/// the phase before it (0 for the first), and PyTorch's two anneal formulas. It shares nothing with the library (no
/// knots, no interpolation), so the compat layer is checked against the peer's arithmetic, not against itself.
/// </summary>
public static class TorchOneCycleReference
{
    public sealed record Args(double MaxLr, long TotalSteps, double PctStart = 0.3, string AnnealStrategy = "cos", double DivFactor = 25,
        double FinalDivFactor = 1e4, bool ThreePhase = false, double BaseMomentum = 0.85, double MaxMomentum = 0.95)
    {
        public RateAndMomentum Compat() => LrCompose.Compat.Torch.OneCycleLR(MaxLr, TotalSteps, PctStart, AnnealStrategy, DivFactor,
            FinalDivFactor, ThreePhase, BaseMomentum, MaxMomentum);
    }

    /// <summary>The learning rate and momentum PyTorch sets after <paramref name="step"/> calls of <c>step()</c>.</summary>
    public static (double Lr, double Momentum) At(Args a, long step)
    {
        double initial = a.MaxLr / a.DivFactor;
        double min = initial / a.FinalDivFactor;
        // (end, lr from, lr to, momentum from, momentum to) per phase, as in PyTorch's _schedule_phases.
        var phases = a.ThreePhase
            ? new[]
            {
                (End: a.PctStart * a.TotalSteps - 1, Lr0: initial, Lr1: a.MaxLr, M0: a.MaxMomentum, M1: a.BaseMomentum),
                (End: 2 * a.PctStart * a.TotalSteps - 2, Lr0: a.MaxLr, Lr1: initial, M0: a.BaseMomentum, M1: a.MaxMomentum),
                (End: a.TotalSteps - 1.0, Lr0: initial, Lr1: min, M0: a.MaxMomentum, M1: a.MaxMomentum),
            }
            : new[]
            {
                (End: a.PctStart * a.TotalSteps - 1, Lr0: initial, Lr1: a.MaxLr, M0: a.MaxMomentum, M1: a.BaseMomentum),
                (End: a.TotalSteps - 1.0, Lr0: a.MaxLr, Lr1: min, M0: a.BaseMomentum, M1: a.MaxMomentum),
            };
        double start = 0.0;
        for (int i = 0; i < phases.Length; i++)
        {
            var phase = phases[i];
            if (step <= phase.End || i == phases.Length - 1)
            {
                // Python's float division raises on a zero divisor, whatever the numerator.
                if (phase.End - start == 0) throw new DivideByZeroException("PyTorch raises ZeroDivisionError here");
                double pct = (step - start) / (phase.End - start);
                return (Anneal(a.AnnealStrategy, phase.Lr0, phase.Lr1, pct), Anneal(a.AnnealStrategy, phase.M0, phase.M1, pct));
            }
            start = phase.End;
        }
        throw new InvalidOperationException("unreachable: the last phase is always used");
    }

    /// <summary>PyTorch's <c>_annealing_cos</c> and <c>_annealing_linear</c>.</summary>
    private static double Anneal(string strategy, double from, double to, double pct) => strategy == "cos"
        ? to + (from - to) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
        : (to - from) * pct + from;

    /// <summary>The peers' tolerance (shared/conformance/README.md).</summary>
    public static bool Matches(double ours, double theirs) => Math.Abs(ours - theirs) <= 1e-12 + 1e-9 * Math.Abs(theirs);
}
