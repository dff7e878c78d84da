using FsCheck;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using static LrCompose.Tests.PeerParity.TorchOneCycleReference;

namespace LrCompose.Tests.PeerParity;

/// <summary>
/// <c>Compat.Torch.OneCycleLR</c> at the edges PyTorch accepts (issue 25): every step of the run, learning rate and
/// momentum, against <see cref="TorchOneCycleReference"/>, PyTorch's own walk through its phases restated on its own.
/// </summary>
public class OneCycleEdgeTests
{
    /// <summary>Parameter sets PyTorch runs although they are probably not what was meant, each with why it is odd.</summary>
    public static TheoryData<string, Args> Edges => new()
    {
        { "issue 25: three-phase, second end past the last step", new(0.000603, 327, 0.565, "cos", 95.06, 62.7, ThreePhase: true) },
        { "three-phase, linear, second end past the last step", new(0.1, 50, 0.8, "linear", ThreePhase: true) },
        { "three-phase, pct_start exactly 0.5 (second end at T − 2)", new(0.1, 100, 0.5, ThreePhase: true) },
        { "three-phase, second end exactly the last step", new(0.1, 9, 5.0 / 9, ThreePhase: true) },
        { "three-phase, pct_start 1: the run never leaves the rise", new(0.1, 40, 1.0, ThreePhase: true) },
        { "two-phase, pct_start 1: the run never leaves the rise", new(0.1, 40, 1.0) },
        { "two-phase, pct_start just under 1", new(0.1, 40, 0.999) },
        { "two-phase, pct_start 0: starts part-way into the fall", new(0.1, 40, 0.0) },
        { "three-phase, pct_start 0: straight into the last phase", new(0.1, 40, 0.0, ThreePhase: true) },
        { "two-phase, pct·T below 1", new(0.1, 3, 0.2) },
        { "three-phase, pct·T below 1", new(0.1, 3, 0.2, "linear", ThreePhase: true) },
        { "three-phase, middle phase shorter than a step", new(0.1, 10, 0.12, ThreePhase: true) },
        { "one-step run", new(0.1, 1, 0.3) },
        { "one-step run, three-phase", new(0.1, 1, 0.3, ThreePhase: true) },
        { "two-step run, three-phase past the end", new(0.1, 2, 0.9, ThreePhase: true) },
        { "momentum ends below its start (base above max)", new(0.1, 30, 0.7, ThreePhase: true, BaseMomentum: 0.99, MaxMomentum: 0.8) },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Every_step_is_PyTorchs_learning_rate_and_momentum(string why, Args args)
    {
        var ours = args.Compat();
        for (long step = 0; step < args.TotalSteps; step++)
        {
            var (lr, momentum) = At(args, step);
            Assert.True(Matches(ours.Rate(step), lr), $"{why}: lr at {step}: {ours.Rate(step):R}, PyTorch {lr:R}");
            Assert.True(Matches(ours.Momentum.Rate(step), momentum), $"{why}: momentum at {step}: {ours.Momentum.Rate(step):R}, PyTorch {momentum:R}");
        }
    }

    [Fact]
    public void The_issue_case_ends_part_way_down_the_second_phase()
    {
        // By hand from PyTorch's formula: ends 183.755, 367.51, 326; step 326 is in the second phase at
        // pct = 142.245/183.755 = 0.7741…, so lr = i + (max − i)·(1 + cos(π·0.7741…))/2 with i = max/95.06.
        var run = Compat.Torch.OneCycleLR(0.000603, 327, 0.565, "cos", 95.06, 62.7, threePhase: true);
        Assert.Equal(7.836891950096e-5, run.Rate(326), 1e-15);
        Assert.Equal(run.Rate(326), run.Rate(10_000));   // held past the run, not carried on down to the minimum
        Assert.True(run.Rate(326) > 100 * (0.000603 / 95.06 / 62.7));
        Assert.Equal(0.85, run.Momentum.Rate(184) , 1e-3);   // just past the peak: momentum at its base
    }

    [Theory]
    [InlineData(0.1, 10L, false)]
    [InlineData(0.25, 4L, true)]
    [InlineData(1.0, 1L, false)]
    public void Where_PyTorch_divides_by_zero_the_refusal_names_pct_start(double pct, long total, bool threePhase)
    {
        var args = new Args(0.1, total, pct, ThreePhase: threePhase);
        Assert.Throws<DivideByZeroException>(() => At(args, 0));   // the reference agrees PyTorch cannot build it
        var e = Assert.ThrowsAny<ArgumentException>(() => args.Compat());
        Assert.Equal("pctStart", e.ParamName);
        Assert.Equal($"pctStart was {pct:R}: it must not make pctStart·totalSteps exactly 1 (totalSteps is {total}): PyTorch's first phase "
                     + "would start and end at step 0, where it divides by zero.", e.Message);
    }

    [Fact]
    public void Derived_rates_past_the_bound_are_refused_under_the_divisor_that_made_them()
    {
        Assert.Equal("divFactor", Assert.ThrowsAny<ArgumentException>(() => Compat.Torch.OneCycleLR(1e100, 10, divFactor: 1e-10)).ParamName);
        Assert.Equal("finalDivFactor", Assert.ThrowsAny<ArgumentException>(() => Compat.Torch.OneCycleLR(1e100, 10, divFactor: 1, finalDivFactor: 1e-10)).ParamName);
        Assert.Equal("totalSteps", Assert.ThrowsAny<ArgumentException>(() => Compat.Torch.OneCycleLR(0.1, long.MaxValue)).ParamName);
        Assert.Equal(0.1 / 25 / 1e4, Compat.Torch.OneCycleLR(0.1, 1L << 53).Rate((1L << 53) - 1), 1e-18);
    }

    /// <summary>pct_start anywhere PyTorch accepts it, the round shares and the extremes more often than chance would.</summary>
    private static readonly Gen<double> PctStart = Gen.Frequency(
        (6, Gen.Choose(0, 1000).Select(i => i / 1000.0)),
        (2, Gen.Choose(0, 100).Select(i => 0.5 + i / 1000.0)),
        (1, Gen.Elements(0.0, 1.0, 0.5, 1e-9, Math.BitDecrement(1.0), 0.999999, 0.51, 0.565)));

    private static readonly Gen<Args> AnyArgs =
        from maxLr in Gen.Choose(1, 100_000).Select(i => i / 1e5)
        from total in Gen.Frequency((4, Gen.Choose(1, 12)), (5, Gen.Choose(13, 400)), (1, Gen.Choose(401, 3000))).Select(i => (long)i)
        from pct in PctStart
        from cos in Gen.Elements(true, false)
        from div in Gen.Choose(1, 20_000).Select(i => i / 100.0)
        from finalDiv in Gen.Elements(1e4, 1.0, 62.7, 0.5, 1e6)
        from three in Gen.Elements(true, false)
        from baseM in Gen.Choose(0, 100).Select(i => i / 100.0)
        from maxM in Gen.Choose(0, 100).Select(i => i / 100.0)
        select new Args(maxLr, total, pct, cos ? "cos" : "linear", div, finalDiv, three, baseM, maxM);

    [Fact]
    public void Over_the_whole_accepted_range_every_step_is_PyTorchs_or_the_refusal_names_pct_start()
    {
        Law.Holds(AnyArgs, args =>
        {
            bool pyTorchDividesByZero = args.PctStart * args.TotalSteps == 1;
            if (pyTorchDividesByZero)
            {
                Assert.Equal("pctStart", Assert.ThrowsAny<ArgumentException>(() => args.Compat()).ParamName);
                return;
            }
            var ours = args.Compat();
            for (long step = 0; step < args.TotalSteps; step++)
            {
                var (lr, momentum) = At(args, step);
                Assert.True(Matches(ours.Rate(step), lr) && Matches(ours.Momentum.Rate(step), momentum),
                    $"{args} at {step}: lr {ours.Rate(step):R} vs {lr:R}, momentum {ours.Momentum.Rate(step):R} vs {momentum:R}");
            }
        });
    }
}
