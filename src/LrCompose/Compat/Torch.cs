using LrCompose.Validation;
using static LrCompose.Schedules;

namespace LrCompose;

public static partial class Compat
{
    /// <summary>
    /// PyTorch <c>torch.optim.lr_scheduler</c>. A schedule's value at step i is the rate the optimizer uses for step i
    /// (what <c>optimizer.param_groups[0]["lr"]</c> holds before the i-th <c>scheduler.step()</c>). <c>baseLr</c> is the
    /// optimizer's initial learning rate.
    /// </summary>
    public static class Torch
    {
        /// <summary><c>StepLR</c>: <c>base·γ^⌊t/step_size⌋</c>. Native: <c>Schedules.StepDecay</c>.</summary>
        public static Schedule StepLR(double baseLr, long stepSize, double gamma = 0.1) =>
            Named(() => StepDecay(baseLr, gamma, stepSize), ("from", nameof(baseLr)), ("every", nameof(stepSize)));

        /// <summary><c>MultiStepLR</c>: γ at each milestone; a repeated milestone applies γ twice. Native: <c>MultiStep</c>.</summary>
        public static Schedule MultiStepLR(double baseLr, long[] milestones, double gamma = 0.1) =>
            Named(() => MultiStep(baseLr, gamma, milestones ?? throw new ArgumentNullException(nameof(milestones))), ("from", nameof(baseLr)));

        /// <summary><c>ConstantLR</c>: <c>base·factor</c> for <c>total_iters</c> steps, then base.</summary>
        public static Schedule ConstantLR(double baseLr, double factor = 1.0 / 3, long totalIters = 5)
        {
            Guard.Rate(baseLr);
            Guard.Check(factor, Rules.Fraction(factor));
            return Named(() => Constant(baseLr * factor).Take(totalIters).Then(Constant(baseLr)), ("steps", nameof(totalIters)));
        }

        /// <summary><c>LinearLR</c>: a line from <c>base·start_factor</c> to <c>base·end_factor</c> over <c>total_iters</c>, then held.</summary>
        public static Schedule LinearLR(double baseLr, double startFactor = 1.0 / 3, double endFactor = 1.0, long totalIters = 5)
        {
            Guard.Rate(baseLr);
            Guard.Check(startFactor, Rules.Fraction(startFactor));
            Guard.Check(endFactor, Rules.Rate(endFactor));
            if (Rules.Rate(baseLr * endFactor) is not null)
                throw Guard.Fail(nameof(endFactor), Guard.Show(endFactor), $"must keep the end rate baseLr·endFactor ({Guard.Show(baseLr * endFactor)}) at most 1e100");
            return Named(() => Linear(totalIters, baseLr * startFactor, baseLr * endFactor), ("steps", nameof(totalIters)));
        }

        /// <summary><c>ExponentialLR</c>: <c>base·γ^t</c>. Native: <c>Exponential(base, γ)</c>.</summary>
        public static Schedule ExponentialLR(double baseLr, double gamma) =>
            Named(() => Exponential(baseLr, gamma), ("from", nameof(baseLr)), ("rate", nameof(gamma)));

        /// <summary><c>MultiplicativeLR</c> with a constant factor: <c>base·factor^t</c>.</summary>
        public static Schedule MultiplicativeLR(double baseLr, double factor) =>
            Named(() => Exponential(baseLr, factor), ("from", nameof(baseLr)), ("rate", nameof(factor)));

        /// <summary><c>PolynomialLR</c>: <c>base·(1 − min(t, T)/T)^power</c>.</summary>
        public static Schedule PolynomialLR(double baseLr, long totalIters = 5, double power = 1.0) =>
            Named(() => Polynomial(totalIters, baseLr, 0, power), ("steps", nameof(totalIters)), ("from", nameof(baseLr)));

        /// <summary>
        /// <c>CosineAnnealingLR</c>. Quirk reproduced: PyTorch does not stop at <c>T_max</c>; the rate climbs back to
        /// base over the next <c>T_max</c> steps and keeps oscillating with period <c>2·T_max</c>. Native: a cosine down
        /// then a cosine up, cycled. (Use <c>Schedules.Cosine</c> for the schedule that stops at eta_min.)
        /// </summary>
        public static Schedule CosineAnnealingLR(double baseLr, long tMax, double etaMin = 0)
        {
            // The wave is 2·T_max steps long, which must fit in a long.
            Guard.Check(tMax, Rules.Length(tMax) ?? Rules.StepSum(tMax, tMax));
            return Named(() => Sequence(Cosine(tMax, baseLr, etaMin), Cosine(tMax, etaMin, baseLr)).Cycle(),
                ("peak", nameof(baseLr)), ("floor", nameof(etaMin)));
        }

        /// <summary><c>CosineAnnealingWarmRestarts</c> (SGDR): cosine over T₀, restarting with periods ×T_mult. Native: <c>Recipes.Sgdr</c>.</summary>
        public static Schedule CosineAnnealingWarmRestarts(double baseLr, long t0, long tMult = 1, double etaMin = 0)
        {
            Guard.Check(tMult, Rules.Count(tMult));
            return Named(() => Recipes.Sgdr(baseLr, t0, etaMin, tMult),
                ("peak", nameof(baseLr)), ("period", nameof(t0)), ("floor", nameof(etaMin)), ("multiplier", nameof(tMult)));
        }

        /// <summary>
        /// <c>CyclicLR</c> with its momentum (PyTorch cycles momentum by default). <c>baseLr</c> here is the cycle's
        /// lower bound (PyTorch's <c>base_lr</c> argument, which overrides the optimizer's rate). Native: <c>Triangular</c>
        /// and its <c>Mirror</c>.
        /// </summary>
        public static RateAndMomentum CyclicLR(double baseLr, double maxLr, long stepSizeUp = 2000, long? stepSizeDown = null,
            string mode = "triangular", double gamma = 1.0, double baseMomentum = 0.8, double maxMomentum = 0.9)
        {
            ArgumentNullException.ThrowIfNull(mode);
            var shape = mode switch
            {
                "triangular" => TriangularMode.Triangular,
                "triangular2" => TriangularMode.Triangular2,
                "exp_range" => TriangularMode.ExpRange,
                _ => throw Guard.Fail(nameof(mode), mode, "must be triangular, triangular2 or exp_range"),
            };
            return CyclicLR(baseLr, maxLr, shape, stepSizeUp, stepSizeDown, gamma, baseMomentum, maxMomentum);
        }

        /// <summary><see cref="CyclicLR(double, double, long, long?, string, double, double, double)"/> with the mode as the
        /// shared enum (<c>"triangular"</c>, <c>"triangular2"</c>, <c>"exp_range"</c> are <see cref="TriangularMode.Triangular"/>,
        /// <see cref="TriangularMode.Triangular2"/>, <see cref="TriangularMode.ExpRange"/>), so a misspelt mode cannot compile.</summary>
        public static RateAndMomentum CyclicLR(double baseLr, double maxLr, TriangularMode mode, long stepSizeUp = 2000, long? stepSizeDown = null,
            double gamma = 1.0, double baseMomentum = 0.8, double maxMomentum = 0.9)
        {
            var shape = mode;
            // A cycle is up + down steps (down defaults to up), which must fit in a long; the native Triangular does not
            // check the sum, and past it its rates are NaN.
            if (stepSizeUp > 0 && (stepSizeDown ?? stepSizeUp) > 0 && Rules.StepSum(stepSizeUp, stepSizeDown ?? stepSizeUp) is { } tooLong)
                throw stepSizeDown is { } down ? Guard.Fail(nameof(stepSizeDown), Guard.Show(down), tooLong) : Guard.Fail(nameof(stepSizeUp), Guard.Show(stepSizeUp), tooLong);
            var rate = Named(() => Triangular(baseLr, maxLr, stepSizeUp, stepSizeDown, shape, gamma),
                ("low", nameof(baseLr)), ("high", nameof(maxLr)), ("up", nameof(stepSizeUp)), ("down", nameof(stepSizeDown)));
            var momentum = Named(() => rate.Mirror(baseMomentum, maxMomentum), ("low", nameof(baseMomentum)), ("high", nameof(maxMomentum)));
            return new RateAndMomentum(rate, momentum);
        }

        /// <summary>
        /// <c>OneCycleLR</c> with its momentum (or Adam's β₁). Quirk reproduced: PyTorch's phases end at the real-valued
        /// steps <c>pct_start·total − 1</c>, <c>2·pct_start·total − 2</c> (three-phase) and <c>total − 1</c>, not at whole
        /// phase lengths; the last rate is reached at step <c>total − 1</c> and held. Native: <c>Interpolate</c> through
        /// those knots. (<c>Recipes.OneCycle</c> is the whole-step version.)
        /// <para>
        /// Every <c>pct_start</c> PyTorch accepts (0 to 1) is reproduced, with PyTorch's numbers where they are probably
        /// not what was meant. PyTorch uses, at step s, the first phase whose end is at or past s:
        /// with <paramref name="threePhase"/> and <paramref name="pctStart"/> above about one half, the second end
        /// <c>2·pct_start·total − 2</c> lies past the last step, so the fall from <c>max_lr</c> back to
        /// <c>max_lr/div_factor</c> runs to the end, cut part-way, and the third phase (down to the minimum) never starts:
        /// the run ends above its minimum (<c>max_lr=0.000603, total_steps=327, pct_start=0.565, div_factor=95.06,
        /// final_div_factor=62.7</c> ends near 7.8e-5, not at 1.0e-7). With <c>pct_start·total &lt; 1</c> (0 among them)
        /// the first phase ends before step 0 and the run starts part-way into the next one (three-phase: into the last
        /// one, skipping the peak). Where <c>pct_start·total</c> is exactly 1 PyTorch divides by zero when it is built
        /// (its first phase starts and ends at step 0); that is refused here, naming <paramref name="pctStart"/>.
        /// PyTorch raises past step <c>total</c>; here the value at <c>total − 1</c> is held from there on.
        /// </para>
        /// </summary>
        /// <exception cref="ArgumentException">A parameter outside what PyTorch computes (or outside LrCompose's rates,
        /// which are never negative): named by its parameter here.</exception>
        public static RateAndMomentum OneCycleLR(double maxLr, long totalSteps, double pctStart = 0.3, string annealStrategy = "cos",
            double divFactor = 25, double finalDivFactor = 1e4, bool threePhase = false, double baseMomentum = 0.85, double maxMomentum = 0.95)
        {
            ArgumentNullException.ThrowIfNull(annealStrategy);
            var anneal = annealStrategy switch
            {
                "cos" => Anneal.Cosine,
                "linear" => Anneal.Linear,
                _ => throw Guard.Fail(nameof(annealStrategy), annealStrategy, "must be cos or linear"),
            };
            return OneCycleLR(maxLr, totalSteps, anneal, pctStart, divFactor, finalDivFactor, threePhase, baseMomentum, maxMomentum);
        }

        /// <summary><see cref="OneCycleLR(double, long, double, string, double, double, bool, double, double)"/> with the
        /// anneal strategy as the shared enum (<c>"cos"</c> is <see cref="Anneal.Cosine"/>, <c>"linear"</c>
        /// <see cref="Anneal.Linear"/>).</summary>
        public static RateAndMomentum OneCycleLR(double maxLr, long totalSteps, Anneal annealStrategy, double pctStart = 0.3,
            double divFactor = 25, double finalDivFactor = 1e4, bool threePhase = false, double baseMomentum = 0.85, double maxMomentum = 0.95)
        {
            var kind = annealStrategy == Anneal.Linear ? Interpolation.Linear : Interpolation.Cosine;
            Guard.Rate(maxLr);
            Guard.Length(totalSteps);
            if (totalSteps > MaxOneCycleSteps)
                throw Guard.Fail(nameof(totalSteps), Guard.Show(totalSteps),
                    $"must be at most {MaxOneCycleSteps} (2^53): PyTorch places the phase ends in doubles, which past 2^53 no longer tell one step from the next");
            Guard.Check(pctStart, Rules.Percentage(pctStart));
            // PyTorch's first phase then starts and ends at step 0, and its constructor divides 0 by 0.
            if (pctStart * totalSteps == 1)
                throw Guard.Fail(nameof(pctStart), Guard.Show(pctStart),
                    $"must not make pctStart·totalSteps exactly 1 (totalSteps is {totalSteps}): PyTorch's first phase would start and end at step 0, where it divides by zero");
            Guard.Check(divFactor, Rules.PositiveFactor(divFactor));
            Guard.Check(finalDivFactor, Rules.PositiveFactor(finalDivFactor));
            Guard.Rate(baseMomentum);
            Guard.Rate(maxMomentum);
            double initial = maxLr / divFactor, min = initial / finalDivFactor;
            if (Rules.Rate(initial) is not null)
                throw Guard.Fail(nameof(divFactor), Guard.Show(divFactor), $"must keep the initial rate maxLr/divFactor ({Guard.Show(initial)}) at most 1e100");
            if (Rules.Rate(min) is not null)
                throw Guard.Fail(nameof(finalDivFactor), Guard.Show(finalDivFactor),
                    $"must keep the final rate maxLr/divFactor/finalDivFactor ({Guard.Show(min)}) at most 1e100");
            return TorchOneCyclePhases.Build(kind, maxLr, totalSteps, pctStart, initial, min, threePhase, baseMomentum, maxMomentum);
        }

        /// <summary>The longest one-cycle: 2^53 steps, the last whole number a double holds exactly.</summary>
        private const long MaxOneCycleSteps = 1L << 53;

        /// <summary>
        /// <c>SequentialLR</c>: each scheduler runs from its own step 0 between milestones. Each part is given as a
        /// function of the base rate, e.g. <c>b =&gt; Torch.LinearLR(b, 0.01, 1, 10)</c>.
        /// </summary>
        public static Schedule SequentialLR(double baseLr, Func<double, Schedule>[] schedulers, long[] milestones)
        {
            ArgumentNullException.ThrowIfNull(schedulers);
            ArgumentNullException.ThrowIfNull(milestones);
            if (schedulers.Length != milestones.Length + 1)
                throw Guard.Fail(nameof(milestones), Guard.Show(milestones), "must have exactly one fewer entry than there are schedulers");
            var parts = schedulers.Select(make => make(baseLr)).ToArray();
            return Named(() => Join(parts, milestones), ("boundaries", nameof(milestones)), ("schedules", nameof(schedulers)));
        }

        /// <summary>
        /// <c>ChainedScheduler</c>: every scheduler steps on the same rate, so their factors multiply. Each part is
        /// given as a function of the base rate; the result is <c>base·Π(partᵢ(1))</c>, exact for PyTorch's
        /// multiplicative schedulers (Constant, Linear, Step, MultiStep, Exponential, Multiplicative, Polynomial).
        /// </summary>
        public static Schedule ChainedScheduler(double baseLr, params Func<double, Schedule>[] schedulers)
        {
            ArgumentNullException.ThrowIfNull(schedulers);
            Guard.Rate(baseLr);
            if (schedulers.Length == 0) throw Guard.Fail(nameof(schedulers), "[]", Rules.NotEmptyRule);
            Schedule product = schedulers[0](1.0);
            foreach (var next in schedulers.Skip(1)) product = product.Scale(next(1.0));
            return product.Scale(baseLr);
        }

        /// <summary><c>ReduceLROnPlateau</c>: the state before the first metric; call <see cref="PlateauState.Observe"/> after each epoch.</summary>
        public static PlateauState ReduceLROnPlateau(double baseLr, string mode = "min", double factor = 0.1, int patience = 10,
            double threshold = 1e-4, string thresholdMode = "rel", int cooldown = 0, double minLr = 0, double eps = 1e-8)
        {
            ArgumentNullException.ThrowIfNull(mode);
            var plateauMode = mode switch
            {
                "min" => PlateauMode.Min,
                "max" => PlateauMode.Max,
                _ => throw Guard.Fail(nameof(mode), mode, "must be min or max"),
            };
            ArgumentNullException.ThrowIfNull(thresholdMode);
            var threshold_ = thresholdMode switch
            {
                "rel" => ThresholdMode.Rel,
                "abs" => ThresholdMode.Abs,
                _ => throw Guard.Fail(nameof(thresholdMode), thresholdMode, "must be rel or abs"),
            };
            return ReduceLROnPlateau(baseLr, plateauMode, factor, patience, threshold, threshold_, cooldown, minLr, eps);
        }

        /// <summary><see cref="ReduceLROnPlateau(double, string, double, int, double, string, int, double, double)"/> with
        /// the modes as enums (<c>"min"</c>/<c>"max"</c> are <see cref="PlateauMode"/>, <c>"rel"</c>/<c>"abs"</c>
        /// <see cref="ThresholdMode"/>).</summary>
        public static PlateauState ReduceLROnPlateau(double baseLr, PlateauMode mode, double factor = 0.1, int patience = 10,
            double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Rel, int cooldown = 0, double minLr = 0, double eps = 1e-8) =>
            Named(() => new PlateauPolicy(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps).Start(baseLr),
                ("minRate", nameof(minLr)), ("initialRate", nameof(baseLr)));

        /// <summary><c>ReduceLROnPlateau</c> with its rules as one <see cref="PlateauPolicy"/> (set by name:
        /// <c>new PlateauPolicy(patience: 5, cooldown: 2)</c>): the state before the first metric, the same as the
        /// positional overloads with the policy's values.</summary>
        public static PlateauState ReduceLROnPlateau(double baseLr, PlateauPolicy policy)
        {
            ArgumentNullException.ThrowIfNull(policy);
            return Named(() => policy.Start(baseLr), ("initialRate", nameof(baseLr)));
        }

        /// <summary><c>LambdaLR</c>: <c>base·λ(t)</c> for any function λ of the step.</summary>
        public static Schedule LambdaLR(double baseLr, Func<long, double> lrLambda, string name = "lr_lambda")
        {
            ArgumentNullException.ThrowIfNull(lrLambda);
            Guard.Rate(baseLr);
            return FromFunction(t => baseLr * lrLambda(t), name);
        }
    }
}
