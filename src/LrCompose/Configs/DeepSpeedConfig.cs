using System.Collections.Immutable;
using static LrCompose.Schedules;

namespace LrCompose.Configs;

/// <summary>
/// DeepSpeed's <c>ds_config.json</c>: the <c>optimizer</c> block's <c>lr</c> and the <c>scheduler</c> block
/// (<c>WarmupLR</c>, <c>WarmupDecayLR</c>, <c>WarmupCosineLR</c>, <c>OneCycle</c>, <c>LRRangeTest</c>) with DeepSpeed's
/// defaults for every parameter left out (<c>deepspeed/runtime/lr_schedules.py</c>).
/// </summary>
/// <remarks>
/// Update u runs at the rate DeepSpeed's scheduler holds after construction (u = 0) and then after <c>u</c> calls of
/// <c>step()</c>: its <c>last_batch_iteration</c> is <c>u − 1</c>. So a warmup's first two updates share its start rate,
/// and a one-cycle's momentum starts at <c>cycle_min_mom</c> (set at construction) before it jumps to the cycle.
/// <c>"auto"</c> values are filled in as the Hugging Face integration fills them: <c>total_num_steps</c> with the total
/// steps given, <c>warmup_min_lr</c> with 0, <c>warmup_max_lr</c> and the optimizer's <c>lr</c> with the learning rate
/// given (Hugging Face's default 5e-5 otherwise), <c>warmup_num_steps</c> with the warmup steps given (0 otherwise).
/// The ramps DeepSpeed lets grow without end (<c>LRRangeTest</c>, a one-cycle's momentum decay) are followed for the
/// total steps when given, else for <see cref="RampHorizon"/> steps, and held after.
/// </remarks>
public static class DeepSpeedConfig
{
    /// <summary>How far an endless ramp is followed when the total steps are not given.</summary>
    public const long RampHorizon = 1_000_000_000;

    /// <summary>Hugging Face <c>TrainingArguments.learning_rate</c>'s default, what <c>"auto"</c> becomes without one.</summary>
    public const double HuggingFaceDefaultLearningRate = 5e-5;

    private static readonly string[] Types = ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest"];

    private static readonly Dictionary<string, string[]> Parameters = new()
    {
        ["WarmupLR"] = ["warmup_min_lr", "warmup_max_lr", "warmup_num_steps", "warmup_type", "last_batch_iteration"],
        ["WarmupDecayLR"] = ["total_num_steps", "warmup_min_lr", "warmup_max_lr", "warmup_num_steps", "warmup_type", "last_batch_iteration"],
        ["WarmupCosineLR"] = ["total_num_steps", "warmup_min_ratio", "warmup_num_steps", "cos_min_ratio", "warmup_type", "last_batch_iteration"],
        ["OneCycle"] = ["cycle_min_lr", "cycle_max_lr", "decay_lr_rate", "cycle_first_step_size", "cycle_second_step_size", "cycle_first_stair_count",
            "cycle_second_stair_count", "decay_step_size", "cycle_momentum", "cycle_min_mom", "cycle_max_mom", "decay_mom_rate", "last_batch_iteration"],
        ["LRRangeTest"] = ["lr_range_test_min_lr", "lr_range_test_step_size", "lr_range_test_step_rate", "lr_range_test_staircase", "last_batch_iteration"],
    };

    /// <summary>Reads a <c>ds_config.json</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <param name="totalSteps">The run's updates, for <c>"auto"</c> values and endless ramps.</param>
    /// <param name="learningRate">What <c>"auto"</c> learning rates become (Hugging Face's <c>learning_rate</c>).</param>
    /// <param name="warmupSteps">What <c>"auto"</c> warmup steps become (Hugging Face's warmup steps).</param>
    /// <exception cref="ConfigFormatException">A key DeepSpeed does not know, a value it would refuse, or an
    /// <c>"auto"</c> that cannot be filled in.</exception>
    public static ImportedConfig Read(string json, string source = "ds_config.json", long? totalSteps = null,
        double? learningRate = null, long? warmupSteps = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        var root = ConfigJson.Parse(json, source);
        if (root.Kind != ConfigKind.Object) throw new ConfigFormatException(source, "", root.Line, root.Column, "a ds_config.json is a JSON object");
        var top = new ConfigSection(source, root);
        var auto = new Auto(totalSteps, learningRate, warmupSteps);
        var ignored = ImmutableArray.CreateBuilder<IgnoredKey>();

        var optimizer = top.Section("optimizer");
        double? lr = null;
        string optimizerType = "";
        if (optimizer is not null)
        {
            optimizerType = optimizer.Word("type") ?? "";
            if (optimizer.Section("params") is { } p)
            {
                lr = auto.Rate(p, "lr");
                foreach (var v in p.Unused()) ignored.Add(Ignore(v, "an optimizer setting, not scheduled"));
            }
            foreach (var v in optimizer.Unused()) ignored.Add(Ignore(v, "not about the schedule"));
        }

        var scheduler = top.Section("scheduler");
        foreach (var v in top.Unused()) ignored.Add(Ignore(v, "not about the schedule"));
        if (scheduler is null)
        {
            if (lr is null) throw new ConfigFormatException(source, "optimizer.params.lr", root.Line, root.Column, "is needed: without a scheduler block the rate is the optimizer's lr, and there is none");
            return new(ConfigFormat.DeepSpeed, Constant(lr.Value), ImmutableSortedDictionary<string, Schedule>.Empty, ignored.ToImmutable(), totalSteps);
        }

        var typeValue = scheduler.Get("type") ?? throw scheduler.Missing("type", $"is needed; it is one of {string.Join(", ", Types)}");
        string type = scheduler.Word("type")!;
        if (Array.IndexOf(Types, type) < 0) throw scheduler.Fail(typeValue, $"is \"{type}\", not a DeepSpeed scheduler; they are {string.Join(", ", Types)}");
        var parameters = scheduler.Section("params") ?? new ConfigSection(source, ConfigValue.Scalar(ConfigKind.Object, "scheduler.params", scheduler.Value.Line, scheduler.Value.Column, ""));
        foreach (var v in scheduler.Unused()) ignored.Add(Ignore(v, "not read by DeepSpeed's scheduler"));

        if (parameters.Get("last_batch_iteration") is { } resume && parameters.NumberOf(resume) != -1)
            throw parameters.Fail(resume, "resumes part-way; LrCompose reads a schedule from its start (leave it out, or -1)");

        var (rate, momentum, total) = type switch
        {
            "WarmupLR" => (WarmupLr(parameters, auto, lr, decay: false), null, (long?)null),
            "WarmupDecayLR" => (WarmupLr(parameters, auto, lr, decay: true), null, auto.Total(parameters, "total_num_steps")),
            "WarmupCosineLR" => (WarmupCosine(parameters, auto, lr, optimizer), null, auto.Total(parameters, "total_num_steps")),
            "OneCycle" => OneCycle(parameters, optimizerType, totalSteps, ignored),
            _ => (RangeTest(parameters, totalSteps), null, null),
        };
        if (parameters.Value.Member("warmup_type") is { Text: not ("log" or "linear") } unknownWarmup && type.StartsWith("Warmup", StringComparison.Ordinal))
            ignored.Add(Ignore(unknownWarmup, $"DeepSpeed warns that it does not know the warmup type {unknownWarmup.Shown} and uses log"));
        parameters.RefuseUnknown(type, Parameters[type]);
        var others = momentum is null ? ImmutableSortedDictionary<string, Schedule>.Empty : ImmutableSortedDictionary<string, Schedule>.Empty.Add("momentum", momentum);
        if (type == "OneCycle" && momentum is not null)
        {
            // A cycling one-cycle writes the whole betas pair each step, (momentum, 0.99): Adam's β2 is 0.99 whatever
            // the optimizer's block says.
            others = others.Add("beta2", Constant(OneCycleBeta2));
            for (int i = 0; i < ignored.Count; i++)
                if (ignored[i].Key == "optimizer.params.betas")
                    ignored[i] = ignored[i] with { Reason = $"DeepSpeed's OneCycle overrides them each step with (momentum, {OneCycleBeta2})" };
        }
        return new(ConfigFormat.DeepSpeed, rate, others, ignored.ToImmutable(), totalSteps ?? total);
    }

    /// <summary>The β2 DeepSpeed's OneCycle sets beside its cycled momentum.</summary>
    private const double OneCycleBeta2 = 0.99;

    private static IgnoredKey Ignore(ConfigValue v, string reason) => new(v.Path, v.Line, v.Column, reason);

    /// <summary>DeepSpeed's warmup: <c>max(2, warmup_num_steps)</c> iterations, log (<c>ln(i + 1)/ln W</c>, the default) or
    /// linear (<c>i/W</c>), iteration i being update i + 1.</summary>
    private static (long W, bool Log) WarmupOf(ConfigSection p, Auto auto)
    {
        long given = auto.Steps(p, "warmup_num_steps") ?? 1000;
        if (given <= 0)
            throw p.Fail(p.Get("warmup_num_steps")!, p.Get("warmup_num_steps")!.Text == "auto"
                ? "is \"auto\", which Hugging Face fills with its warmup steps, 0 unless given, and DeepSpeed refuses 0: give a positive number"
                : "must be a positive whole number (DeepSpeed refuses 0)");
        // DeepSpeed warns about any other warmup_type and uses log.
        bool log = (p.Word("warmup_type") ?? "log") != "linear";
        return (Math.Max(2, given), log);
    }

    private static Schedule WarmupLr(ConfigSection p, Auto auto, double? optimizerLr, bool decay)
    {
        double min = auto.Rate(p, "warmup_min_lr", fill: 0) ?? 0;
        // WarmupLR takes the optimizer's lr for a missing maximum; WarmupDecayLR has its own default, 0.001.
        double max = auto.Rate(p, "warmup_max_lr") ?? (decay ? 0.001 : optimizerLr
            ?? throw p.Missing("warmup_max_lr", "is needed: WarmupLR takes the optimizer's lr without it, and there is no optimizer.params.lr"));
        var (w, log) = WarmupOf(p, auto);
        Schedule after = Constant(max);
        if (decay)
        {
            long total = auto.Total(p, "total_num_steps") ?? throw p.Missing("total_num_steps", "is needed by WarmupDecayLR");
            // From iteration W the rate falls linearly to warmup_min_lr at total_num_steps (at once when there are none left).
            after = total > w ? Build(p, () => Linear(total - w, max, min) >> Constant(min)) : Constant(min);
        }
        // In iterations (update − 1): the warmup covers iterations 0 … W − 1; the log ramp reaches max at W − 1.
        Schedule iterations = Build(p, () => !log ? Linear(w, min, max) >> after
            : after.StartValue == max ? Warmup(w, min, WarmupShape.Log, WarmupCount.FromOne) >> after
            : Warmup(w - 1, min, WarmupShape.Log) >> Constant(max).Take(1) >> after);
        return Delayed(iterations);
    }

    /// <summary>Iteration i's schedule as update i + 1's: update 0 (before the first <c>step()</c>) shares iteration 0's
    /// rate. A one-update phase rather than a shift, so every phase shows as its own.</summary>
    private static Schedule Delayed(Schedule iterations) => Constant(iterations.StartValue).Take(1) >> iterations;

    private static Schedule WarmupCosine(ConfigSection p, Auto auto, double? optimizerLr, ConfigSection? optimizer)
    {
        double lr = optimizerLr ?? throw (optimizer is null
            ? new ConfigFormatException(p.Source, "optimizer.params.lr", 1, 1, "is needed: WarmupCosineLR's ratios multiply the optimizer's lr")
            : optimizer.Missing("params.lr", "is needed: WarmupCosineLR's ratios multiply the optimizer's lr"));
        long total = auto.Total(p, "total_num_steps") ?? throw p.Missing("total_num_steps", "is needed by WarmupCosineLR");
        double warmupMin = p.Number("warmup_min_ratio", 0), cosMin = p.Number("cos_min_ratio", 0.0001);
        if (warmupMin < 0) throw p.Fail(p.Get("warmup_min_ratio")!, $"is {ConfigWriter.Show(warmupMin)}: a ratio of the learning rate is not negative");
        var (w, log) = WarmupOf(p, auto);
        double start = lr * warmupMin, floor = lr * Math.Max(0, cosMin);
        // The cosine's progress is (i − W + 1)/max(1, T − W), clamped at 1: it starts (at 1) on iteration W − 1.
        long cosine = Math.Max(1, total - w);
        Schedule iterations = Build(p, () => log
            ? Warmup(w - 1, start, WarmupShape.Log) >> Cosine(cosine, lr, floor) >> Constant(floor)
            // The linear ramp is i/W up to iteration W − 1, so the cosine is entered one step in.
            : cosine > 1 ? Linear(w, start, lr) >> Cosine(cosine, lr, floor).Shift(-1) >> Constant(floor) : Linear(w, start, lr) >> Constant(floor));
        // Before its first step DeepSpeed's WarmupCosineLR gives 0, not the warmup's start.
        return Constant(0).Take(1) >> iterations;
    }

    private static (Schedule, Schedule?, long?) OneCycle(ConfigSection p, string optimizerType, long? totalSteps, ImmutableArray<IgnoredKey>.Builder ignored)
    {
        double minLr = p.Number("cycle_min_lr") ?? throw p.Missing("cycle_min_lr", "is needed by OneCycle");
        double maxLr = p.Number("cycle_max_lr") ?? throw p.Missing("cycle_max_lr", "is needed by OneCycle");
        if (minLr > maxLr) throw p.Fail(p.Get("cycle_min_lr")!, $"is {ConfigWriter.Show(minLr)}, above cycle_max_lr {ConfigWriter.Show(maxLr)}: the cycle rises from its min to its max");
        long first = p.Whole("cycle_first_step_size", 2000, 1);
        long second = p.Whole("cycle_second_step_size", first, 1);
        long firstStairs = p.Whole("cycle_first_stair_count", 0, 0);
        long secondStairs = p.Whole("cycle_second_stair_count", firstStairs, 0);
        long decayEvery = p.Whole("decay_step_size", 0, 0);
        double decayLr = p.Number("decay_lr_rate", 0), decayMom = p.Number("decay_mom_rate", 0);
        bool cycleMomentum = p.Flag("cycle_momentum") ?? true;
        double minMom = p.Number("cycle_min_mom", 0.8), maxMom = p.Number("cycle_max_mom", 0.9);
        long total = first + second;

        // The cycle's height (0 → 1 → 0) at batch b = update u, for u = 0 … total: DeepSpeed's triangle, or its stairs.
        Schedule Height() => firstStairs == 0 && secondStairs == 0
            ? Triangular(0, 1, first, second).Take(total + 1)
            : Stairs(first, second, firstStairs, secondStairs);
        Schedule rate = Build(p, () =>
        {
            var up = Height().Scale(maxLr - minLr) + Constant(minLr).Take(total + 1);
            Schedule decay = decayEvery == 0 || decayLr == 0 ? Constant(minLr) : InverseTime(minLr, decayLr, decayEvery);
            return minLr == maxLr ? Constant(minLr) : up.Take(total) >> decay;
        });
        Schedule? momentum = null;
        bool betas = optimizerType.Contains("adam", StringComparison.OrdinalIgnoreCase) || optimizerType.Contains("lamb", StringComparison.OrdinalIgnoreCase);
        if (cycleMomentum && betas)
        {
            momentum = Build(p, () =>
            {
                var cycle = Height().Mirror(minMom, maxMom);
                long horizon = Math.Max(1, (totalSteps ?? RampHorizon) - total);
                Schedule decay = decayEvery == 0 || decayMom == 0 ? Constant(maxMom)
                    : Linear(horizon, maxMom, maxMom * (1 + decayMom * horizon / decayEvery)) >> Constant(maxMom * (1 + decayMom * horizon / decayEvery));
                // DeepSpeed sets cycle_min_mom at construction, then the cycle's value from the first step().
                return Constant(minMom).Take(1) >> cycle.Shift(-1).Take(total - 1) >> decay;
            });
        }
        else if (cycleMomentum && p.Value.Member("cycle_min_mom") is { } mom)
            ignored.Add(Ignore(mom, $"the optimizer {(optimizerType.Length == 0 ? "is not named" : $"\"{optimizerType}\" has no betas")}, so DeepSpeed does not cycle momentum"));
        return (rate, momentum, null);
    }

    /// <summary>
    /// DeepSpeed one-cycle's stairs for updates 0 … total: the rising half held at the start of each of its
    /// <c>cycle_first_stair_count</c> stairs (<c>⌊b·n/first⌋/n</c>), the falling half at the end of each of its own
    /// (<c>⌊(total − b)·n/second⌋/n</c>); a count of 0 keeps that half continuous.
    /// </summary>
    private static Schedule Stairs(long first, long second, long firstCount, long secondCount)
    {
        Schedule rise = Linear(first, 0, 1), fall = Linear(second, 1, 0);
        if (firstCount > 0) rise = rise.Staircase(firstCount, StairSample.Start);
        if (secondCount > 0) fall = fall.Staircase(secondCount, StairSample.End);
        return (rise >> fall).Take(first + second + 1);
    }

    private static Schedule RangeTest(ConfigSection p, long? totalSteps)
    {
        double min = p.Number("lr_range_test_min_lr", 1e-3);
        long size = p.Whole("lr_range_test_step_size", 2000, 1);
        double rate = p.Number("lr_range_test_step_rate", 1.0);
        bool staircase = p.Flag("lr_range_test_staircase") ?? false;
        long horizon = totalSteps ?? RampHorizon;
        // Update u runs at min·(1 + rate·u/size) (interval floored for the staircase): a line DeepSpeed never ends.
        return Build(p, () =>
        {
            if (!staircase)
            {
                double end = min * (1 + rate * ((double)horizon / size));
                return Linear(horizon, min, end) >> Constant(end);
            }
            double top = min * (1 + rate * ((double)horizon / size));
            return (Linear(horizon, min, top) >> Constant(top)).Staircase(1, StairSample.Start, span: size);
        });
    }

    /// <summary>Builds with LrCompose's constructors; a value they refuse is reported at the scheduler's parameters.</summary>
    private static Schedule Build(ConfigSection p, Func<Schedule> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new ConfigFormatException(p.Source, p.Value.Path, p.Value.Line, p.Value.Column, $"gives a schedule LrCompose refuses: {e.Message}");
        }
    }

    /// <summary>The values Hugging Face's DeepSpeed integration fills in for <c>"auto"</c>.</summary>
    private sealed record Auto(long? TotalSteps, double? LearningRate, long? WarmupSteps)
    {
        public double? Rate(ConfigSection p, string key, double? fill = null)
        {
            var v = p.Get(key);
            if (v is null) return null;
            if (IsAuto(v)) return fill ?? LearningRate ?? HuggingFaceDefaultLearningRate;
            double d = p.NumberOf(v);
            return d >= 0 ? d : throw p.Fail(v, $"must be 0 or more, not {v.Text}");
        }

        public long? Steps(ConfigSection p, string key)
        {
            var v = p.Get(key);
            if (v is null) return null;
            if (IsAuto(v)) return WarmupSteps ?? 0;
            return p.WholeOf(v, 0);
        }

        public long? Total(ConfigSection p, string key)
        {
            var v = p.Get(key);
            if (v is null) return null;
            if (IsAuto(v)) return TotalSteps ?? throw p.Fail(v, "is \"auto\", which Hugging Face fills with the run's total steps: give them (--total-steps)");
            return p.WholeOf(v, 1);
        }

        private static bool IsAuto(ConfigValue v) => v.Kind == ConfigKind.String && v.Text == "auto";
    }
}
