using FsCheck.Fluent;
using LrCompose.Tests.Support;
using Peer = LrCompose.Compat;

namespace LrCompose.Tests.PeerParity;

/// <summary>
/// Compat constructors against the peers' documented closed forms, written out here, for random parameters: the
/// conformance file pins a few parameter sets; these pin the formulas.
/// </summary>
public class CompatFormulaTests
{
    private static readonly FsCheck.Gen<(double B, int N, double G, int T, double F)> P =
        from b in ScheduleGen.PositiveRate from n in Gen.Choose(1, 300) from g in ScheduleGen.Gamma from t in Gen.Choose(0, 1200)
        from f in Gen.Choose(1, 1000).Select(i => i / 1000.0) select (b, n, g, t, f);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 + 1e-9 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Torch_closed_forms() => Law.Holds(P, p =>
    {
        Near(p.B * (p.F + (1 - p.F) * Math.Min(p.T, p.N) / p.N), Peer.Torch.LinearLR(p.B, p.F, 1, p.N).Rate(p.T), "LinearLR");
        Near(p.B * Math.Pow(p.G, p.T), Peer.Torch.ExponentialLR(p.B, p.G).Rate(p.T), "ExponentialLR");
        Near(p.B * Math.Pow(1 - (double)Math.Min(p.T, p.N) / p.N, 2), Peer.Torch.PolynomialLR(p.B, p.N, 2).Rate(p.T), "PolynomialLR");
        Near(p.T < p.N ? p.B * p.F : p.B, Peer.Torch.ConstantLR(p.B, p.F, p.N).Rate(p.T), "ConstantLR");
        Near(p.B / 10 + (p.B - p.B / 10) * (1 + Math.Cos(Math.PI * p.T / p.N)) / 2, Peer.Torch.CosineAnnealingLR(p.B, p.N, p.B / 10).Rate(p.T), "CosineAnnealingLR");
    });

    [Fact]
    public void Torch_cyclic_triangular_closed_form() => Law.Holds(P, p =>
    {
        double lo = p.B / 10, hi = p.B;
        var cyclic = Peer.Torch.CyclicLR(lo, hi, p.N, mode: "triangular2");
        double cycle = Math.Floor(1 + p.T / (2.0 * p.N)), x = Math.Abs(p.T / (double)p.N - 2 * cycle + 1);
        double scale = 1 / Math.Pow(2, cycle - 1);
        Near(lo + (hi - lo) * Math.Max(0, 1 - x) * scale, cyclic.Rate(p.T), "CyclicLR rate");
        Near(0.9 - (0.9 - 0.8) * Math.Max(0, 1 - x) * scale, cyclic.Momentum.Rate(p.T), "CyclicLR momentum");
    });

    [Fact]
    public void HuggingFace_closed_forms() => Law.Holds(P, p =>
    {
        int w = p.N, total = p.N + 500;
        double warm = (double)p.T / w;
        Near(p.T < w ? p.B * warm : p.B / Math.Sqrt((p.T + 0.0) / w), Peer.HuggingFace.GetInverseSqrtSchedule(p.B, w).Rate(p.T), "inverse sqrt");
        double poly = p.T < w ? p.B * warm
            : p.T > total ? 1e-7
            : (p.B - 1e-7) * Math.Pow(1 - (double)(p.T - w) / (total - w), 2) + 1e-7;
        Near(poly, Peer.HuggingFace.GetPolynomialDecayScheduleWithWarmup(p.B, w, total, 1e-7, 2).Rate(p.T), "polynomial");
        double linear = p.T < w ? p.B * warm : p.B * Math.Max(0, (double)(total - p.T) / (total - w));
        Near(linear, Peer.HuggingFace.GetLinearScheduleWithWarmup(p.B, w, total).Rate(p.T), "linear");
    });

    [Fact]
    public void Optax_closed_forms() => Law.Holds(P, p =>
    {
        double count = Math.Clamp(p.T - 7, 0, p.N);
        Near((p.B - p.B / 5) * (1 - count / p.N) + p.B / 5, Peer.Optax.LinearSchedule(p.B, p.B / 5, p.N, 7).Rate(p.T), "linear_schedule");
        double v = p.B;
        foreach (var (boundary, scale) in new[] { (50L, 0.5), (200L, 2.0), (400L, 0.1) }) if (p.T >= boundary) v *= scale;
        Near(v, Peer.Optax.PiecewiseConstantSchedule(p.B, new Dictionary<long, double> { [50] = 0.5, [200] = 2.0, [400] = 0.1 }).Rate(p.T), "piecewise_constant");
        double c = 0.5 * (1 + Math.Cos(Math.PI * Math.Min(p.T, p.N) / p.N));
        Near(p.B * ((1 - p.F) * c * c + p.F), Peer.Optax.CosineDecaySchedule(p.B, p.N, p.F, 2).Rate(p.T), "cosine_decay_schedule");
    });

    [Fact]
    public void Timm_closed_forms() => Law.Holds(P, p =>
    {
        const int w = 5;
        double warmup = 1e-6 + p.T * ((p.B - 1e-6) / w);
        Near(p.T < w ? warmup : p.B * Math.Pow(p.G, (p.T - w) / p.N), Peer.Timm.StepLRScheduler(p.B, p.N, p.G, w, 1e-6).Rate(p.T), "StepLRScheduler");
        double cosine = p.T < w ? warmup
            : p.T >= p.N ? 1e-5
            : 1e-5 + 0.5 * (p.B - 1e-5) * (1 + Math.Cos(Math.PI * p.T / p.N));
        if (p.N > w) Near(cosine, Peer.Timm.CosineLRScheduler(p.B, p.N, 1e-5, warmupT: w, warmupLrInit: 1e-6).Rate(p.T), "CosineLRScheduler");
    });
}
