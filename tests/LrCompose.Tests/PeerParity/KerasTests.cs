using Peer = LrCompose.Compat;

namespace LrCompose.Tests.PeerParity;

/// <summary>Keras schedules against their published formulas, written out independently here.</summary>
public class KerasTests
{
    private static readonly long[] Steps = [0, 1, 5, 99, 100, 101, 250, 1000, 5000];

    [Fact]
    public void Exponential_decay() => Check(Peer.Keras.ExponentialDecay(0.1, 100, 0.96), t => 0.1 * Math.Pow(0.96, t / 100.0));

    [Fact]
    public void Exponential_decay_staircase() => Check(Peer.Keras.ExponentialDecay(0.1, 100, 0.96, true), t => 0.1 * Math.Pow(0.96, Math.Floor(t / 100.0)));

    [Fact]
    public void Piecewise_constant_includes_the_boundary_in_the_earlier_piece() =>
        Check(Peer.Keras.PiecewiseConstantDecay([100, 250], [1.0, 0.5, 0.1]), t => t <= 100 ? 1.0 : t <= 250 ? 0.5 : 0.1);

    [Fact]
    public void Polynomial_decay() =>
        Check(Peer.Keras.PolynomialDecay(0.1, 1000, 0.001, 2), t => (0.1 - 0.001) * Math.Pow(1 - Math.Min(t, 1000) / 1000.0, 2) + 0.001);

    [Fact]
    public void Polynomial_decay_cycle() =>
        Check(Peer.Keras.PolynomialDecay(0.1, 100, 0.001, 1, cycle: true), t =>
        {
            double span = 100 * (t == 0 ? 1 : Math.Ceiling(t / 100.0));
            return (0.1 - 0.001) * (1 - t / span) + 0.001;
        });

    [Fact]
    public void Inverse_time_decay() => Check(Peer.Keras.InverseTimeDecay(0.1, 10, 0.5), t => 0.1 / (1 + 0.5 * t / 10));

    [Fact]
    public void Cosine_decay_with_warmup() =>
        Check(Peer.Keras.CosineDecay(0.0, 1000, 0.1, warmupTarget: 0.1, warmupSteps: 100), t =>
        {
            if (t < 100) return 0.1 * t / 100;
            double p = Math.Min(t - 100, 1000) / 1000.0;
            return 0.1 * ((1 - 0.1) * 0.5 * (1 + Math.Cos(Math.PI * p)) + 0.1);
        });

    [Fact]
    public void Cosine_decay_restarts() =>
        Check(Peer.Keras.CosineDecayRestarts(0.1, 100, 2, 0.5, 0.01), t =>
        {
            double f = t / 100.0;
            double i = Math.Floor(Math.Log(1 - f * (1 - 2)) / Math.Log(2));
            double sum = (1 - Math.Pow(2, i)) / (1 - 2);
            f = (f - sum) / Math.Pow(2, i);
            double cos = 0.5 * Math.Pow(0.5, i) * (1 + Math.Cos(Math.PI * f));
            return 0.1 * ((1 - 0.01) * cos + 0.01);
        });

    private static void Check(Schedule s, Func<long, double> formula)
    {
        foreach (var t in Steps)
            Assert.True(Math.Abs(s.Rate(t) - formula(t)) <= 1e-12 + 1e-9 * Math.Abs(formula(t)), $"{s} at {t}: {s.Rate(t)} vs {formula(t)}");
    }
}
