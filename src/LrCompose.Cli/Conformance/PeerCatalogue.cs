namespace LrCompose.Cli.Conformance;

/// <summary>What a conformance case asks to evaluate: a rate, optionally a momentum and a weight decay, or a plateau run over metrics.</summary>
internal sealed record PeerSchedule(Schedule? Rate, Schedule? Momentum = null, PlateauState? Plateau = null, Schedule? WeightDecay = null);

/// <summary>
/// Maps a peer library's schedule name and parameters (by the peer's own names and defaults) to the compat
/// constructor. Nothing here knows a case id or a value from any file.
/// </summary>
internal static class PeerCatalogue
{
    public static PeerSchedule Build(string library, string schedule, PeerParams p)
    {
        string peer = library.Split(' ', 2)[0].ToLowerInvariant();
        return peer switch
        {
            "torch" or "pytorch" => Torch(schedule, p),
            "transformers" or "hf" => new(HuggingFace(schedule, p)),
            "optax" => new(Optax(schedule, p)),
            "timm" => new(Timm(schedule, p)),
            "keras" or "tensorflow" => new(Keras(schedule, p)),
            _ => throw new NotSupportedException($"unknown library '{library}'"),
        };
    }

    private static PeerSchedule Torch(string schedule, PeerParams p)
    {
        double b = p.D("base_lr", 0);
        switch (schedule)
        {
            case "CyclicLR":
                var cyclic = Compat.Torch.CyclicLR(p.D("cyc_base_lr", b), p.D("max_lr"), p.L("step_size_up", 2000), p.LOrNull("step_size_down"),
                    p.S("mode", "triangular"), p.D("gamma", 1), p.D("base_momentum", 0.8), p.D("max_momentum", 0.9));
                return new(cyclic.LearningRate, p.B("cycle_momentum", true) ? cyclic.Momentum : null);
            case "OneCycleLR":
                long total = p.Has("total_steps") ? p.L("total_steps") : p.L("epochs") * p.L("steps_per_epoch");
                var one = Compat.Torch.OneCycleLR(p.D("max_lr"), total, p.D("pct_start", 0.3), p.S("anneal_strategy", "cos"),
                    p.D("div_factor", 25), p.D("final_div_factor", 1e4), p.B("three_phase", false), p.D("base_momentum", 0.85), p.D("max_momentum", 0.95));
                return new(one.LearningRate, p.B("cycle_momentum", true) ? one.Momentum : null);
            case "ReduceLROnPlateau":
                return new(null, Plateau: Compat.Torch.ReduceLROnPlateau(b, p.S("mode", "min"), p.D("factor", 0.1), p.I("patience", 10),
                    p.D("threshold", 1e-4), p.S("threshold_mode", "rel"), p.I("cooldown", 0), p.D("min_lr", 0), p.D("eps", 1e-8)));
            default:
                return new(TorchRate(schedule, p, b));
        }
    }

    private static Schedule TorchRate(string schedule, PeerParams p, double b) => schedule switch
    {
        "StepLR" => Compat.Torch.StepLR(b, p.L("step_size"), p.D("gamma", 0.1)),
        "MultiStepLR" => Compat.Torch.MultiStepLR(b, p.Longs("milestones"), p.D("gamma", 0.1)),
        "ConstantLR" => Compat.Torch.ConstantLR(b, p.D("factor", 1.0 / 3), p.L("total_iters", 5)),
        "LinearLR" => Compat.Torch.LinearLR(b, p.D("start_factor", 1.0 / 3), p.D("end_factor", 1.0), p.L("total_iters", 5)),
        "ExponentialLR" => Compat.Torch.ExponentialLR(b, p.D("gamma")),
        "MultiplicativeLR" => Compat.Torch.MultiplicativeLR(b, p.D("factor")),
        "PolynomialLR" => Compat.Torch.PolynomialLR(b, p.L("total_iters", 5), p.D("power", 1)),
        "CosineAnnealingLR" => Compat.Torch.CosineAnnealingLR(b, p.L("T_max"), p.D("eta_min", 0)),
        "CosineAnnealingWarmRestarts" => Compat.Torch.CosineAnnealingWarmRestarts(b, p.L("T_0"), p.L("T_mult", 1), p.D("eta_min", 0)),
        "SequentialLR" => Compat.Torch.SequentialLR(b, Parts(p), p.Longs("milestones")),
        "ChainedScheduler" => Compat.Torch.ChainedScheduler(b, Parts(p)),
        "LambdaLR" => Compat.Torch.LambdaLR(b, NamedLambda(p), p.S("formula", "lambda")),
        _ => throw new NotSupportedException($"unknown torch scheduler '{schedule}'"),
    };

    /// <summary>The inner schedulers of SequentialLR / ChainedScheduler, each as a function of the base rate.</summary>
    private static Func<double, Schedule>[] Parts(PeerParams p) =>
        p.Objects("schedulers").Select(inner => (Func<double, Schedule>)(b => TorchRate(inner.S("type"), inner, b))).ToArray();

    /// <summary>
    /// The lambdas a file can name by formula: the Hugging Face warmup lambdas written out as functions (LambdaLR
    /// runs them as plain Python). Recognised by the formula's words, with its parameters from the case.
    /// </summary>
    private static Func<long, double> NamedLambda(PeerParams p)
    {
        string formula = p.S("formula", "").ToLowerInvariant();
        long w = p.L("num_warmup_steps", 0);
        if (formula.Contains("cosine") && formula.Contains("warmup"))
        {
            long total = p.L("num_training_steps");
            double cycles = p.D("num_cycles", 0.5);
            return step =>
            {
                if (step < w) return (double)step / Math.Max(1, w);
                double progress = (double)(step - w) / Math.Max(1, total - w);
                return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress)));
            };
        }
        if (formula.Contains("linear") && formula.Contains("warmup"))
        {
            long total = p.L("num_training_steps");
            return step => step < w ? (double)step / Math.Max(1, w) : Math.Max(0.0, (double)(total - step) / Math.Max(1, total - w));
        }
        if (formula.Contains("constant") && formula.Contains("warmup"))
            return step => step < w ? (double)step / Math.Max(1, w) : 1.0;
        throw new NotSupportedException($"unknown LambdaLR formula '{formula}'");
    }

    private static Schedule HuggingFace(string schedule, PeerParams p)
    {
        double b = p.D("base_lr");
        return schedule switch
        {
            "get_constant_schedule" => Compat.HuggingFace.GetConstantSchedule(b),
            "get_constant_schedule_with_warmup" => Compat.HuggingFace.GetConstantScheduleWithWarmup(b, p.L("num_warmup_steps")),
            "get_linear_schedule_with_warmup" => Compat.HuggingFace.GetLinearScheduleWithWarmup(b, p.L("num_warmup_steps"), p.L("num_training_steps")),
            "get_cosine_schedule_with_warmup" => Compat.HuggingFace.GetCosineScheduleWithWarmup(b, p.L("num_warmup_steps"), p.L("num_training_steps"), p.D("num_cycles", 0.5)),
            "get_cosine_with_hard_restarts_schedule_with_warmup" => Compat.HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup(
                b, p.L("num_warmup_steps"), p.L("num_training_steps"), p.I("num_cycles", 1)),
            "get_polynomial_decay_schedule_with_warmup" => Compat.HuggingFace.GetPolynomialDecayScheduleWithWarmup(
                b, p.L("num_warmup_steps"), p.L("num_training_steps"), p.D("lr_end", 1e-7), p.D("power", 1)),
            "get_inverse_sqrt_schedule" => Compat.HuggingFace.GetInverseSqrtSchedule(b, p.L("num_warmup_steps"), p.LOrNull("timescale")),
            "get_cosine_with_min_lr_schedule_with_warmup" => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(
                b, p.L("num_warmup_steps"), p.L("num_training_steps"), p.D("num_cycles", 0.5), p.DOrNull("min_lr"), p.DOrNull("min_lr_rate")),
            "get_wsd_schedule" => Compat.HuggingFace.GetWsdSchedule(b, p.L("num_warmup_steps"), p.L("num_stable_steps"), p.L("num_decay_steps"),
                p.D("min_lr_ratio", 0), p.S("decay_type", "cosine")),
            _ => throw new NotSupportedException($"unknown transformers schedule '{schedule}'"),
        };
    }

    private static Schedule Optax(string schedule, PeerParams p) => schedule switch
    {
        "constant_schedule" => Compat.Optax.ConstantSchedule(p.D("value")),
        "linear_schedule" => Compat.Optax.LinearSchedule(p.D("init_value"), p.D("end_value"), p.L("transition_steps"), p.L("transition_begin", 0)),
        "polynomial_schedule" => Compat.Optax.PolynomialSchedule(p.D("init_value"), p.D("end_value"), p.D("power"), p.L("transition_steps"), p.L("transition_begin", 0)),
        "exponential_decay" => Compat.Optax.ExponentialDecay(p.D("init_value"), p.L("transition_steps"), p.D("decay_rate"), p.L("transition_begin", 0),
            p.B("staircase", false), p.DOrNull("end_value")),
        "cosine_decay_schedule" => Compat.Optax.CosineDecaySchedule(p.D("init_value"), p.L("decay_steps"), p.D("alpha", 0), p.D("exponent", 1)),
        "warmup_cosine_decay_schedule" => WarmupCosine(p),
        "warmup_exponential_decay_schedule" => Compat.Optax.WarmupExponentialDecaySchedule(p.D("init_value"), p.D("peak_value"), p.L("warmup_steps"),
            p.L("transition_steps"), p.D("decay_rate"), p.L("transition_begin", 0), p.B("staircase", false), p.DOrNull("end_value")),
        "sgdr_schedule" => Compat.Optax.SgdrSchedule(p.Objects("cosine_kwargs").Select(k => new Compat.Optax.CosineKwargs(
            k.D("init_value"), k.D("peak_value"), k.L("warmup_steps"), k.L("decay_steps"), k.D("end_value", 0), k.D("exponent", 1))).ToArray()),
        "cosine_onecycle_schedule" => Compat.Optax.CosineOnecycleSchedule(p.L("transition_steps"), p.D("peak_value"), p.D("pct_start", 0.3),
            p.D("div_factor", 25), p.D("final_div_factor", 1e4)),
        "linear_onecycle_schedule" => Compat.Optax.LinearOnecycleSchedule(p.L("transition_steps"), p.D("peak_value"), p.D("pct_start", 0.3),
            p.D("pct_final", 0.85), p.D("div_factor", 25), p.D("final_div_factor", 1e4)),
        "piecewise_constant_schedule" => Compat.Optax.PiecewiseConstantSchedule(p.D("init_value"), p.IntKeyed("boundaries_and_scales")),
        "piecewise_interpolate_schedule" => Compat.Optax.PiecewiseInterpolateSchedule(p.S("interpolate_type"), p.D("init_value"), p.IntKeyed("boundaries_and_scales")),
        "join_schedules" => Compat.Optax.JoinSchedules(p.Objects("schedules").Select(s => Optax(s.S("type"), s)).ToArray(), p.Longs("boundaries")),
        _ => throw new NotSupportedException($"unknown optax schedule '{schedule}'"),
    };

    private static Schedule WarmupCosine(PeerParams p) =>
        Compat.Optax.WarmupCosineDecaySchedule(p.D("init_value"), p.D("peak_value"), p.L("warmup_steps"), p.L("decay_steps"), p.D("end_value", 0), p.D("exponent", 1));

    private static Schedule Timm(string schedule, PeerParams p)
    {
        double b = p.D("base_lr");
        return schedule switch
        {
            "CosineLRScheduler" => Compat.Timm.CosineLRScheduler(b, p.L("t_initial"), p.D("lr_min", 0), p.D("cycle_mul", 1), p.D("cycle_decay", 1),
                p.I("cycle_limit", 1), p.L("warmup_t", 0), p.D("warmup_lr_init", 0), p.B("warmup_prefix", false), p.D("k_decay", 1)),
            "TanhLRScheduler" => Compat.Timm.TanhLRScheduler(b, p.L("t_initial"), p.D("lb", -7), p.D("ub", 3), p.D("lr_min", 0), p.D("cycle_mul", 1),
                p.D("cycle_decay", 1), p.I("cycle_limit", 1), p.L("warmup_t", 0), p.D("warmup_lr_init", 0), p.B("warmup_prefix", false)),
            "PolyLRScheduler" => Compat.Timm.PolyLRScheduler(b, p.L("t_initial"), p.D("power", 0.5), p.D("lr_min", 0), p.D("cycle_mul", 1),
                p.D("cycle_decay", 1), p.I("cycle_limit", 1), p.L("warmup_t", 0), p.D("warmup_lr_init", 0), p.B("warmup_prefix", false), p.D("k_decay", 1)),
            "StepLRScheduler" => Compat.Timm.StepLRScheduler(b, p.L("decay_t"), p.D("decay_rate", 1), p.L("warmup_t", 0), p.D("warmup_lr_init", 0),
                p.B("warmup_prefix", true)),
            "MultiStepLRScheduler" => Compat.Timm.MultiStepLRScheduler(b, p.Longs("decay_t"), p.D("decay_rate", 1), p.L("warmup_t", 0),
                p.D("warmup_lr_init", 0), p.B("warmup_prefix", true)),
            _ => throw new NotSupportedException($"unknown timm scheduler '{schedule}'"),
        };
    }

    private static Schedule Keras(string schedule, PeerParams p) => schedule switch
    {
        "ExponentialDecay" => Compat.Keras.ExponentialDecay(p.D("initial_learning_rate"), p.L("decay_steps"), p.D("decay_rate"), p.B("staircase", false)),
        "PiecewiseConstantDecay" => Compat.Keras.PiecewiseConstantDecay(p.Longs("boundaries"),
            p.Element.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray()),
        "PolynomialDecay" => Compat.Keras.PolynomialDecay(p.D("initial_learning_rate"), p.L("decay_steps"), p.D("end_learning_rate", 1e-4),
            p.D("power", 1), p.B("cycle", false)),
        "InverseTimeDecay" => Compat.Keras.InverseTimeDecay(p.D("initial_learning_rate"), p.L("decay_steps"), p.D("decay_rate"), p.B("staircase", false)),
        "CosineDecay" => Compat.Keras.CosineDecay(p.D("initial_learning_rate"), p.L("decay_steps"), p.D("alpha", 0), p.DOrNull("warmup_target"), p.L("warmup_steps", 0)),
        "CosineDecayRestarts" => Compat.Keras.CosineDecayRestarts(p.D("initial_learning_rate"), p.L("first_decay_steps"), p.D("t_mul", 2), p.D("m_mul", 1), p.D("alpha", 0)),
        _ => throw new NotSupportedException($"unknown keras schedule '{schedule}'"),
    };
}
