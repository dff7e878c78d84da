using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// Real training on the CPU: TorchSharp's own schedulers against LrCompose's <c>Compat.Torch</c> schedules driving the
/// same optimizer through the binding — the same rates and the same parameters step for step, except where TorchSharp
/// departs from PyTorch, where LrCompose follows PyTorch's recorded numbers and the test shows the difference.
/// </summary>
[Collection(nameof(TorchCollection))]
public class BindingTests
{
    private static (List<double[]> Rates, double[] Parameters) Train(Func<TinyTraining, (optim.Optimizer Optimizer, Action Step)> setup, int steps)
    {
        using var run = new TinyTraining();
        var (optimizer, next) = setup(run);
        var rates = new List<double[]>();
        for (int i = 0; i < steps; i++)
        {
            rates.Add(optimizer.LearningRates());
            run.Step(optimizer);
            next();
        }
        return (rates, run.Parameters());
    }

    [Fact]
    public void StepLR_same_rates_and_same_parameters_as_TorchSharp()
    {
        var theirs = Train(r => { var o = r.Sgd(); var s = optim.lr_scheduler.StepLR(o, 10, 0.5); return (o, s.step); }, 40);
        var ours = Train(r => { var o = r.Sgd(); var s = new ScheduleLRScheduler(o, Compat.Torch.StepLR(0.1, 10, 0.5)); return (o, s.step); }, 40);
        Assert.Equal(theirs.Rates.Select(r => r[0]), ours.Rates.Select(r => r[0]));
        Assert.Equal(theirs.Parameters, ours.Parameters);
    }

    [Fact]
    public void CosineAnnealingLR_same_rates_and_parameters_as_TorchSharp_within_its_recursive_rounding()
    {
        var theirs = Train(r => { var o = r.Sgd(0.05); var s = optim.lr_scheduler.CosineAnnealingLR(o, 30, 0.001); return (o, s.step); }, 60);
        var ours = Train(r => { var o = r.Sgd(0.05); var s = new ScheduleLRScheduler(o, Compat.Torch.CosineAnnealingLR(0.05, 30, 0.001)); return (o, s.step); }, 60);
        for (int i = 0; i < 60; i++) Assert.True(Math.Abs(theirs.Rates[i][0] - ours.Rates[i][0]) <= 1e-12, $"step {i}: {theirs.Rates[i][0]} vs {ours.Rates[i][0]}");
        for (int i = 0; i < ours.Parameters.Length; i++) Assert.True(Math.Abs(theirs.Parameters[i] - ours.Parameters[i]) <= 1e-9);
    }

    [Fact]
    public void OneCycleLR_with_two_param_groups_TorchSharp_leaves_the_second_in_phase_zero_LrCompose_follows_PyTorch()
    {
        var (recordedRates, recordedMomenta) = Recorded.Case("torch.OneCycleLR.cos");
        var oneCycle = Compat.Torch.OneCycleLR(0.1, 100);
        var momenta = new List<double[]>();
        var ours = Train(r =>
        {
            var o = r.SgdTwoGroups();
            var s = new ScheduleLRScheduler(o, oneCycle.LearningRate, oneCycle.Momentum);
            return (o, () => { s.step(); momenta.Add(o.ParamGroups.Select(g => ((optim.IMomentum)g).Momentum).ToArray()); });
        }, 99);
        var theirs = Train(r => { var o = r.SgdTwoGroups(); var s = optim.lr_scheduler.OneCycleLR(o, 0.1, total_steps: 100); return (o, s.step); }, 99);
        for (int i = 0; i < 99; i++)
        {
            // LrCompose: both groups at PyTorch's recorded values, momentum included.
            foreach (double rate in ours.Rates[i]) Assert.True(Math.Abs(rate - recordedRates[i]) <= 1e-12 + 1e-9 * recordedRates[i], $"step {i}");
            if (i > 0) foreach (double m in momenta[i - 1]) Assert.True(Math.Abs(m - recordedMomenta[i]) <= 1e-9, $"momentum step {i}");
        }
        // TorchSharp: the first group follows PyTorch; the second never leaves the warm-up phase.
        Assert.True(Math.Abs(theirs.Rates[80][0] - recordedRates[80]) <= 1e-9);
        Assert.True(Math.Abs(theirs.Rates[80][1] - recordedRates[80]) > 1e-3, $"TorchSharp's second group: {theirs.Rates[80][1]} vs PyTorch {recordedRates[80]}");
    }

    [Fact]
    public void CyclicLR_momentum_TorchSharp_climbs_past_its_maximum_LrCompose_follows_PyTorch()
    {
        var (_, recordedMomenta) = Recorded.Case("torch.CyclicLR.triangular");
        var cyclic = Compat.Torch.CyclicLR(0.001, 0.006, stepSizeUp: 10);
        var theirMomenta = new List<double>();
        var ourMomenta = new List<double>();
        Train(r =>
        {
            var o = r.Sgd(0.001);
            var s = optim.lr_scheduler.CyclicLR(o, 0.001, 0.006, step_size_up: 10);
            return (o, () => { s.step(); theirMomenta.Add(o.ParamGroups.Cast<optim.IMomentum>().First().Momentum); });
        }, 69);
        Train(r =>
        {
            var o = r.Sgd(0.001);
            var s = new ScheduleLRScheduler(o, cyclic.LearningRate, cyclic.Momentum);
            return (o, () => { s.step(); ourMomenta.Add(o.ParamGroups.Cast<optim.IMomentum>().First().Momentum); });
        }, 69);
        for (int i = 0; i < 69; i++) Assert.True(Math.Abs(ourMomenta[i] - recordedMomenta[i + 1]) <= 1e-9, $"step {i + 1}: {ourMomenta[i]} vs {recordedMomenta[i + 1]}");
        Assert.All(ourMomenta, m => Assert.InRange(m, 0.8, 0.9));
        Assert.True(theirMomenta.Max() > 0.9 + 1e-6, $"TorchSharp's momentum peaked at {theirMomenta.Max()}");
    }

    [Fact]
    public void Resume_is_exact_a_restarted_run_given_the_step_continues_bit_identically()
    {
        var schedule = Recipes.WarmupCosine(0.1, 10, 60, 0.001);
        using var whole = new TinyTraining();
        var wholeOptimizer = whole.Sgd();
        var wholeScheduler = new ScheduleLRScheduler(wholeOptimizer, schedule);
        var wholeRates = new List<double>();
        for (int i = 0; i < 60; i++)
        {
            wholeRates.Add(wholeOptimizer.LearningRates()[0]);
            whole.Step(wholeOptimizer);
            wholeScheduler.step();
        }

        using var first = new TinyTraining();
        var firstOptimizer = first.Sgd();
        var firstScheduler = new ScheduleLRScheduler(firstOptimizer, schedule);
        var rates = new List<double>();
        for (int i = 0; i < 25; i++)
        {
            rates.Add(firstOptimizer.LearningRates()[0]);
            first.Step(firstOptimizer);
            firstScheduler.step();
        }
        // Checkpoint: the parameters, the optimizer's state and the step. Restart in a fresh process-like setup.
        var parameters = first.Model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        var optimizerState = firstOptimizer.state_dict();
        long step = firstScheduler.Step;

        using var resumed = new TinyTraining(seed: 99);
        resumed.Model.load_state_dict(parameters);
        var resumedOptimizer = resumed.Sgd(lr: 123);
        resumedOptimizer.load_state_dict(optimizerState);
        var resumedScheduler = new ScheduleLRScheduler(resumedOptimizer, schedule, startStep: step);
        for (long i = step; i < 60; i++)
        {
            rates.Add(resumedOptimizer.LearningRates()[0]);
            resumed.Step(resumedOptimizer);
            resumedScheduler.step();
        }
        Assert.Equal(wholeRates, rates);
        Assert.Equal(whole.Parameters(), resumed.Parameters());
    }

    [Fact]
    public void Per_group_multipliers_and_Adam_beta1_from_a_momentum_schedule()
    {
        using var run = new TinyTraining();
        var adam = torch.optim.Adam(
            [new Adam.ParamGroup(run.First.parameters(), new Adam.Options { LearningRate = 1 }),
             new Adam.ParamGroup(run.Second.parameters(), new Adam.Options { LearningRate = 1 })], 1);
        var rate = Schedules.Cosine(100, peak: 1e-3);
        var beta1 = rate.Mirror(0.85, 0.95);
        adam.ApplySchedule(40, rate, [1.0, 0.1], beta1);
        Assert.Equal([rate.Rate(40), 0.1 * rate.Rate(40)], adam.LearningRates());
        Assert.All(adam.ParamGroups.Cast<optim.IBetas>(), g => Assert.Equal(beta1.Rate(40), g.Betas.Item1));
        Assert.Throws<ArgumentException>(() => adam.ApplySchedule(0, rate, [1.0]));
    }

    [Fact]
    public void The_range_test_sweeps_suggests_and_restores_the_model_and_optimizer()
    {
        using var run = new TinyTraining();
        var optimizer = run.Sgd(lr: 0.01);
        var before = run.Parameters();
        var result = ModuleRangeTest.Run(run.Model, optimizer, _ => run.Loss(), start: 1e-5, end: 10, iterations: 100);
        Assert.True(result.Recorded > 20 && result.Recorded <= 100);
        Assert.True(result.Recorded < 100, "the sweep up to a rate of 10 should diverge before its end");
        Assert.Contains("valley", result.Suggestions.Keys);
        Assert.InRange(result.Suggestions["valley"], 1e-5, 10);
        Assert.Equal(before, run.Parameters());
        Assert.Equal([0.01], optimizer.LearningRates());
    }
}

/// <summary>TorchSharp's native state (seeds, threads) is per process: these tests run one at a time.</summary>
[CollectionDefinition(nameof(TorchCollection), DisableParallelization = true)]
public sealed class TorchCollection;
