using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.optim;

namespace LrCompose.TorchSharp;

/// <summary>
/// The learning-rate range test on a TorchSharp module: saves the module's parameters and the optimizer's state,
/// sweeps the rate (<see cref="Recipes.RangeSweep(double, double, long, RangeTestRules, bool)"/>) while training on the batches you supply, records each raw loss
/// through the peer's rules until they say stop, and restores both, so the model is as it was before the test.
/// </summary>
public static class ModuleRangeTest
{
    /// <summary>Runs the test and returns what the rules suggest.</summary>
    /// <param name="module">The model; its parameters are restored afterwards.</param>
    /// <param name="optimizer">Its optimizer (an <c>OptimizerHelper</c>, as every built-in TorchSharp optimizer is); its state is restored afterwards.</param>
    /// <param name="lossOfIteration">Forward pass of iteration i: returns the loss tensor (a scalar) to back-propagate.</param>
    /// <param name="start">The first rate of the sweep.</param>
    /// <param name="end">The rate it heads for.</param>
    /// <param name="iterations">Planned iterations.</param>
    /// <param name="rules">fastai's (the default) or torch-lr-finder's.</param>
    public static RangeTestResult Run(nn.Module module, Optimizer optimizer, Func<long, Tensor> lossOfIteration,
        double start = 1e-7, double end = 10, long iterations = 100, RangeTestRules rules = RangeTestRules.Fastai)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lossOfIteration);
        var helper = optimizer as global::TorchSharp.Modules.OptimizerHelper
                     ?? throw new ArgumentException($"{optimizer?.GetType().FullName ?? "null"} cannot save its state; use a TorchSharp optimizer", nameof(optimizer));
        var sweep = Recipes.RangeSweep(start, end, iterations, rules);
        var saved = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        var savedOptimizer = helper.state_dict();
        var savedRates = optimizer.LearningRates();
        try
        {
            var recorder = RangeTestRecorder.Start(rules, iterations);
            for (long i = 0; i < iterations && !recorder.Stopped; i++)
            {
                double rate = sweep.Rate(i);
                optimizer.ApplySchedule(i, sweep);
                optimizer.zero_grad();
                using var loss = lossOfIteration(i);
                loss.backward();
                optimizer.step();
                using var value = loss.detach().to_type(ScalarType.Float64);
                recorder = recorder.Observe(rate, value.item<double>());
            }
            return recorder.Suggest();
        }
        finally
        {
            using (no_grad())
                foreach (var (name, tensor) in module.state_dict()) tensor.copy_(saved[name]);
            foreach (var tensor in saved.Values) tensor.Dispose();
            helper.load_state_dict(savedOptimizer);
            var groups = optimizer.ParamGroups.ToList();
            for (int i = 0; i < groups.Count; i++) groups[i].LearningRate = savedRates[i];
        }
    }
}
