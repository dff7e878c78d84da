using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LrCompose.Forecast;

/// <summary>
/// The schedule a multi-power law predicts to end lowest: for a run of <c>steps</c> steps with the linear warmup of
/// <c>warmup</c> steps from 0 to <c>peak</c> (η_i = peak·i/(warmup − 1), numpy's <c>linspace</c>), non-increasing
/// after it and never below <c>floor</c>.
/// </summary>
/// <remarks>
/// After the warmup the rate is η_k = floor + (peak − floor)·e^(−V_k), V non-decreasing and piecewise linear over
/// blocks of steps, its slopes the variables: non-negative slopes are exactly "non-increasing, never below the floor"
/// as box bounds, which MathNet's bounded BFGS (<see cref="BfgsBMinimizer"/>) takes with the law's analytic gradient
/// (O(steps) per evaluation). The short recipe then searches each decay shape's length and end value (Nelder–Mead)
/// for the lowest predicted final loss.
/// </remarks>
public static class ScheduleOptimizer
{
    /// <summary>How many steps share one variable of the schedule far before its decay; from a margin before the
    /// best short recipe's decay on, every step has its own (the law rewards a drop followed by a hold, so the
    /// optimum there is a staircase that only per-step freedom can find).</summary>
    public const int BlockSteps = 64;

    /// <summary>Finds the schedule and its nearest short recipe; <paramref name="iterations"/> caps the per-step
    /// search (L-BFGS iterations; it usually stops by itself after a few hundred).</summary>
    /// <exception cref="ArgumentException">The steps, warmup, peak, floor or iterations break their rules (warmup at
    /// least 2 and below steps; floor at least 0 and below peak; iterations at least 1).</exception>
    public static OptimizedSchedule Optimize(MultiPowerLaw law, long steps, double peak, long warmup, double floor = 0, IProgress<string>? progress = null, int iterations = 3000)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (steps < 3 || steps > 100_000_000) throw Checks.Fail(nameof(steps), steps, "it must be between 3 and 100000000");
        if (warmup < 2 || warmup >= steps) throw Checks.Fail(nameof(warmup), warmup, $"it must be at least 2 and below steps ({steps})");
        Checks.Positive(peak);
        if (!(floor >= 0 && floor < peak)) throw Checks.Fail(nameof(floor), floor, $"it must be at least 0 and below peak ({Checks.Show(peak)})");
        if (iterations < 1) throw Checks.Fail(nameof(iterations), iterations, "it must be at least 1");

        int n = (int)steps, w = (int)warmup;
        var eta = new double[n];
        for (int i = 0; i < w; i++) eta[i] = peak * i / (w - 1);
        int free = n - w;
        var gradient = new double[n];

        // The short recipe first (a few hundred evaluations of two numbers per shape), then the per-step schedule
        // refined from it: the law is not convex in the rates, and the best short recipe is a good place to start.
        progress?.Report("finding the best short recipe");
        var (recipe, recipeLoss) = NearestRecipe(law, n, peak, w, floor);
        int decayStart = (int)recipe.Phases[^1].Start;
        int fine = (int)Math.Clamp(decayStart - (n - decayStart), w, n);   // per-step variables from here on
        var blockOf = new int[n];
        int blocks = 0;
        for (int k = w; k < n; k++)
        {
            if (k == w || k >= fine || (k - w) % BlockSteps == 0) blocks++;
            blockOf[k] = blocks - 1;
        }

        // The slope of block b is softplus(z_b) = ln(1 + e^(z_b)) ≥ 0: unconstrained variables, so the limited-memory
        // BFGS takes them directly, and "non-increasing, never below the floor" holds for every z.
        var slope = new double[blocks];
        void Rates(Vector<double> z)
        {
            for (int b = 0; b < blocks; b++) slope[b] = z[b] > 30 ? z[b] : Math.Log(1 + Math.Exp(z[b]));
            double v = 0;
            for (int k = w; k < n; k++)
            {
                v += slope[blockOf[k]];
                eta[k] = floor + (peak - floor) * Math.Exp(-Math.Min(v, 50)); // e^−50: far below any useful rate, never 0
            }
        }

        var objective = ObjectiveFunction.Gradient(z =>
        {
            Rates(z);
            double loss = law.FinalLossWithGradient(eta, gradient);
            // ∂L/∂slope_b = Σ_(j in b) Σ_(k ≥ j) ∂L/∂η_k · ∂η_k/∂V_k, ∂η_k/∂V_k = −(η_k − floor); ∂slope/∂z = σ(z).
            var result = Vector<double>.Build.Dense(blocks);
            double tail = 0;
            for (int k = n - 1; k >= w; k--)
            {
                tail += gradient[k] * -(eta[k] - floor);
                result[blockOf[k]] += tail;
            }
            for (int b = 0; b < blocks; b++) result[b] *= 1 / (1 + Math.Exp(-z[b]));
            return (loss, result);
        });
        progress?.Report($"optimizing {free} steps after the warmup ({blocks} variables)");
        var start = Vector<double>.Build.Dense(blocks);
        double previous = 0;
        for (int k = w, b = 0; b < blocks; b++)
        {
            int first = k;
            while (k + 1 < n && blockOf[k + 1] == b) k++;
            double v = Math.Max(previous, -Math.Log(Math.Max((recipe.Rate(k) - floor) / (peak - floor), 1e-20)));
            double slopeValue = Math.Max((v - previous) / (k - first + 1), 1e-9);
            start[b] = slopeValue > 30 ? slopeValue : Math.Log(Math.Exp(slopeValue) - 1);
            previous = v;
            k++;
        }
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-9, 1e-10, 1e-11, 10, iterations);
        var found = minimizer.FindMinimum(objective, start);
        Rates(found.MinimizingPoint);
        double perStepLoss = law.FinalLossWithGradient(eta, gradient);
        var rates = eta.ToImmutableArray();

        return new OptimizedSchedule(rates, perStepLoss, recipe, recipeLoss);
    }

    /// <summary>The decay shapes a short recipe may end with.</summary>
    private static readonly string[] Shapes = ["linear", "cosine", "one-minus-sqrt", "exponential", "polynomial"];

    /// <summary>
    /// <c>warmup (W−1) >> hold H >> SHAPE L from=peak to=E</c> with H + L = steps − W + 1: for each shape, the length
    /// and end value with the lowest predicted final loss (Nelder–Mead from a decay over the last tenth to peak/100).
    /// </summary>
    internal static (Schedule Recipe, double Loss) NearestRecipe(MultiPowerLaw law, int n, double peak, int warmup, double floor)
    {
        int room = n - warmup + 1;                         // steps from the end of the ramp (the peak) to the end
        double end = Math.Max(floor, peak / 100);
        long[] last = [n - 1];
        Schedule? best = null;
        double bestLoss = double.PositiveInfinity;
        foreach (string shape in Shapes)
        {
            // x = (fraction of the room the decay takes, log of its end value relative to the peak).
            // The search compares with the block-reduced sum (within 1e-6 of the exact one, a few hundred terms
            // instead of a term per step); the chosen recipe's loss is then the exact one.
            double Loss(Vector<double> x)
            {
                var schedule = Recipe(shape, peak, warmup, room, x[0], x[1], floor);
                if (schedule is null) return 1e9;
                return law.Evaluate(AnnealingTerms.Build(ScheduleRates.Of(schedule, n), last))[0];
            }
            var x0 = Vector<double>.Build.DenseOfArray([0.1, Math.Log(end / peak)]);
            var simplex = new NelderMeadSimplex(1e-8, 150);
            var result = simplex.FindMinimum(ObjectiveFunction.Value(Loss), x0);
            var candidate = Recipe(shape, peak, warmup, room, result.MinimizingPoint[0], result.MinimizingPoint[1], floor);
            double loss = Loss(result.MinimizingPoint);
            if (candidate is not null && loss < bestLoss) { bestLoss = loss; best = candidate; }
        }
        return (best!, law.PredictExact(best!, last)[0]);
    }

    /// <summary>The short recipe for a shape, a decay fraction and a log end value, or null outside the domain.</summary>
    internal static Schedule? Recipe(string shape, double peak, int warmup, int room, double fraction, double logEnd, double floor)
    {
        if (!(fraction > 0 && fraction <= 1) || !(logEnd <= 0) || !double.IsFinite(logEnd)) return null;
        int length = Math.Clamp((int)Math.Round(fraction * room), 1, room);
        int hold = room - length;
        double endValue = Math.Max(peak * Math.Exp(logEnd), floor);
        if (endValue <= 0 || endValue > peak) return null;
        string p = N(peak), e = N(endValue);
        string decay = shape switch
        {
            "linear" => $"linear {length} from={p} to={e}",
            "cosine" => $"cosine {length} peak={p} floor={e}",
            "one-minus-sqrt" => $"one-minus-sqrt {length} from={p} to={e}",
            "exponential" => $"take {length} (exponential from={p} rate={N(endValue / peak)} every={length})",
            _ => $"polynomial {length} from={p} to={e} power=2",
        };
        string text = $"warmup {warmup - 1} >> " + (hold > 0 ? $"hold {hold} >> " : "") + decay;
        return Schedule.Parse(text);
    }

    private static string N(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
