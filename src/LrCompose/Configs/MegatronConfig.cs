using System.Collections.Immutable;
using static LrCompose.Schedules;

namespace LrCompose.Configs;

/// <summary>
/// Megatron-LM's learning-rate and weight-decay flags (<c>megatron/training/arguments.py</c>) as its
/// <c>OptimizerParamScheduler</c> runs them (<c>megatron/core/optimizer_param_scheduler.py</c>), counted in iterations.
/// </summary>
/// <remarks>
/// <para>Iteration i uses the values of the scheduler's step i (its constructor's <c>step(0)</c> for iteration 0). The
/// warmup is linear from <c>--lr-warmup-init</c> and reaches <c>--lr</c> at the warmup's last step, included; the
/// decay runs to <c>--lr-decay-iters</c> (default <c>--train-iters</c>) and then holds <c>--min-lr</c>;
/// <c>--lr-warmup-fraction</c> is a fraction of the decay iterations, not of training. Weight decay rises from
/// <c>--start-weight-decay</c> to <c>--end-weight-decay</c> over the whole training (<c>--weight-decay-incr-style</c>).</para>
/// <para>Megatron counts sample-based runs (<c>--train-samples</c>, <c>--lr-*-samples</c>) in samples and steps the
/// scheduler by the global batch per iteration; they are converted to iterations through a <see cref="TrainingClock"/>
/// of <c>--global-batch-size</c> samples an update, and a sample count that is not a whole number of iterations is
/// refused (LrCompose's phases are whole steps).</para>
/// </remarks>
public static class MegatronConfig
{
    private static readonly string[] Known =
    [
        "--lr", "--min-lr", "--lr-warmup-init", "--lr-warmup-iters", "--lr-warmup-fraction", "--lr-warmup-samples", "--lr-decay-iters",
        "--lr-decay-samples", "--lr-decay-style", "--lr-wsd-decay-style", "--lr-wsd-decay-iters", "--lr-wsd-decay-samples", "--weight-decay",
        "--start-weight-decay", "--end-weight-decay", "--weight-decay-incr-style", "--train-iters", "--train-samples", "--global-batch-size",
    ];

    /// <summary>Reads Megatron-LM arguments: a command line (launcher and script words before the first flag are
    /// ignored and reported), a file of flags, or a JSON list of them (<c>["--lr", "3e-4", …]</c>).</summary>
    /// <param name="arguments">The text: <c>--lr 3e-4 --min-lr 3e-5 --lr-decay-style cosine …</c>, quotes and
    /// backslash-newlines as a shell reads them.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <param name="totalSteps">The training iterations when the arguments do not say (<c>--train-iters</c> wins).</param>
    /// <exception cref="ConfigFormatException">A flag Megatron does not have, a value it would refuse, or settings that
    /// contradict each other (both <c>--lr-warmup-iters</c> and <c>--lr-warmup-fraction</c>, a warmup as long as the decay).</exception>
    public static ImportedConfig Read(string arguments, string source = "megatron arguments", long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(source);
        var flags = CommandLineFlags.Parse(arguments, source);
        var f = new ConfigSection(source, flags.Flags);
        var ignored = ImmutableArray.CreateBuilder<IgnoredKey>();
        foreach (var word in flags.Leading) ignored.Add(new(word.Text, word.Line, word.Column, "a word before the first flag (the launcher or script)"));

        RefuseMixedCounting(f);
        long batch = f.Whole("--global-batch-size", 1, 1);
        var clock = new TrainingClock(samplesPerMicroBatch: batch);
        long Iterations(string flag, long samples)
        {
            if (samples % batch != 0)
                throw f.Fail(f.Value.Member(flag)!, $"is {samples} samples, not a whole number of iterations of --global-batch-size {batch}");
            return clock.StepsForSamples(samples);
        }
        long? Either(string iterationsFlag, string samplesFlag, long least)
        {
            var iters = f.Whole(iterationsFlag, least);
            var samples = f.Whole(samplesFlag, least);
            if (iters is not null && samples is not null)
                throw f.Fail(f.Value.Member(samplesFlag)!, $"contradicts {iterationsFlag}: give one of them");
            return samples is { } s ? Iterations(samplesFlag, s) : iters;
        }

        double lr = f.Number("--lr") ?? throw f.Missing("--lr", "is needed: Megatron has no default learning rate");
        double min = f.Number("--min-lr", 0), init = f.Number("--lr-warmup-init", 0);
        long train = Either("--train-iters", "--train-samples", 1) ?? totalSteps
            ?? throw f.Missing("--train-iters", "is needed (or --train-samples, or the total steps given): the decay and the weight decay are counted to it");
        long decay = Either("--lr-decay-iters", "--lr-decay-samples", 1) ?? train;
        var fractionValue = f.Get("--lr-warmup-fraction");
        long? warmupGiven = Either("--lr-warmup-iters", "--lr-warmup-samples", 0);
        long warmup;
        if (fractionValue is not null)
        {
            if (warmupGiven is not null)
                throw f.Fail(fractionValue, "contradicts --lr-warmup-iters/--lr-warmup-samples: give one of them");
            double fraction = f.NumberOf(fractionValue);
            double steps = fraction * decay;
            if (fraction < 0 || fraction >= 1 || steps != Math.Floor(steps))
                throw f.Fail(fractionValue, $"is {fractionValue.Text} of the {decay} decay iterations ({ConfigSection.Show(steps)}); it must give a whole number of iterations below {decay}");
            warmup = (long)steps;
        }
        else warmup = warmupGiven ?? 0;

        string style = f.Choice("--lr-decay-style", "linear", "constant", "linear", "cosine", "inverse-square-root", "WSD");
        string wsdStyle = f.Choice("--lr-wsd-decay-style", "exponential", "linear", "cosine", "exponential", "minus_sqrt");
        long? wsd = Either("--lr-wsd-decay-iters", "--lr-wsd-decay-samples", 1);

        if (min < 0) throw f.Fail(f.Value.Member("--min-lr")!, "must be 0 or more");
        if (lr < min) throw f.Fail(f.Value.Member("--lr")!, $"must be at least --min-lr {ConfigSection.Show(min)}");
        if (init > lr) throw f.Fail(f.Value.Member("--lr-warmup-init")!, $"must be at most --lr {ConfigSection.Show(lr)}");
        if (warmup >= decay)
            throw (f.Value.Member("--lr-warmup-iters") ?? f.Value.Member("--lr-warmup-samples") ?? fractionValue) is { } at
                ? f.Fail(at, $"gives a warmup of {warmup} iterations, not shorter than the {decay} decay iterations (Megatron asserts it is)")
                : f.Missing("--lr-warmup-iters", "must be shorter than the decay");
        if (style == "WSD" && wsd is null) throw f.Fail(f.Value.Member("--lr-decay-style")!, "is WSD, which needs --lr-wsd-decay-iters (or -samples)");
        if (style != "WSD")
            foreach (string wsdFlag in new[] { "--lr-wsd-decay-iters", "--lr-wsd-decay-samples", "--lr-wsd-decay-style" })
                if (f.Value.Member(wsdFlag) is { } unusedWsd)
                    ignored.Add(new(unusedWsd.Path, unusedWsd.Line, unusedWsd.Column, $"only read by --lr-decay-style WSD, not {style}"));

        var rate = Build(f, () => LearningRate(lr, min, init, warmup, decay, style, wsd ?? 0, wsdStyle));
        var weightDecay = WeightDecay(f, train);
        foreach (var v in f.Unused())
        {
            if (IsScheduleFlag(v.Path))
            {
                string near = ConfigSection.Nearest(v.Path, Known) is { } guess ? $" (did you mean {guess}?)" : "";
                throw f.Fail(v, $"is not one of Megatron-LM's learning-rate or weight-decay flags{near}; they are {string.Join(", ", Known)}");
            }
            ignored.Add(new(v.Path, v.Line, v.Column, v.Path == "--weight-decay"
                ? "a rising weight decay takes --start-weight-decay and --end-weight-decay instead" : "not about the schedule"));
        }
        return new(ConfigFormat.Megatron, rate, ImmutableSortedDictionary<string, Schedule>.Empty.Add("weight_decay", weightDecay), ignored.ToImmutable(), train);
    }

    private static readonly string[] SampleFlags = ["--lr-warmup-samples", "--lr-decay-samples", "--lr-wsd-decay-samples"];
    private static readonly string[] IterationFlags = ["--lr-warmup-iters", "--lr-decay-iters", "--lr-wsd-decay-iters"];

    /// <summary>
    /// What Megatron-LM's argument validation refuses, refused here too rather than read one way: a run counted in
    /// iterations with schedule flags in samples or the other way round, samples without the batch that turns them into
    /// iterations, and a batch-size ramp (it changes how samples count as iterations, which this reader does not follow).
    /// </summary>
    private static void RefuseMixedCounting(ConfigSection f)
    {
        bool Given(string flag) => f.Value.Member(flag) is { } v && v.Text != "0";
        if (f.Value.Member("--train-iters") is not null && f.Value.Member("--train-samples") is not null) return; // the reader names that contradiction
        if (f.Value.Member("--rampup-batch-size") is { } ramp)
            throw f.Fail(ramp, "ramps the batch size, which changes how samples count as iterations; this reader does not follow a ramp: leave it out to see the schedule at the final batch size");
        if (f.Value.Member("--train-iters") is not null && SampleFlags.FirstOrDefault(Given) is { } samples)
            throw f.Fail(f.Value.Member(samples)!, $"counts samples, and --train-iters counts iterations: Megatron-LM refuses the mix (give {samples.Replace("-samples", "-iters")})");
        if (f.Value.Member("--train-samples") is not null && IterationFlags.FirstOrDefault(Given) is { } iterations)
            throw f.Fail(f.Value.Member(iterations)!, $"counts iterations, and --train-samples counts samples: Megatron-LM refuses the mix (give {iterations.Replace("-iters", "-samples")})");
        if (f.Value.Member("--global-batch-size") is null && new[] { "--train-samples" }.Concat(SampleFlags).FirstOrDefault(Given) is { } counted)
            throw f.Fail(f.Value.Member(counted)!, "counts samples: give --global-batch-size, the samples of one iteration, to turn them into iterations");
    }

    /// <summary>A flag that reads like a schedule flag but is not one of Megatron's: a typo, refused rather than ignored.</summary>
    private static bool IsScheduleFlag(string flag) =>
        Array.IndexOf(Known, flag) < 0 && (flag.StartsWith("--lr", StringComparison.Ordinal) || flag.StartsWith("--min-lr", StringComparison.Ordinal)
                                           || flag.Contains("weight-decay", StringComparison.Ordinal) || flag.Contains("warmup", StringComparison.Ordinal));

    /// <summary>
    /// <c>get_lr</c> in iterations: the linear warmup (its end, iteration W, included), then by style; past the decay
    /// iterations D, <c>--min-lr</c> (except constant, which stays at <c>--lr</c>).
    /// </summary>
    internal static Schedule LearningRate(double lr, double min, double init, long warmup, long decay, string style, long wsd, string wsdStyle)
    {
        long steps = decay - warmup;
        Schedule after = style switch
        {
            "constant" => Constant(lr),
            "linear" => Linear(steps, lr, min) >> Constant(min),
            "cosine" => Cosine(steps, lr, min) >> Constant(min),
            // lr·√max(W, 1)/√s, at least min, up to D included. Without warmup Megatron counts s = max(s, 1), so the
            // first two iterations share lr.
            "inverse-square-root" => warmup > 0
                ? InverseSqrt(lr, warmup).Clamp(min, lr).Take(steps + 1) >> Constant(min)
                : Constant(lr).Take(1) >> InverseSqrt(lr, 1).Clamp(min, lr).Take(decay) >> Constant(min),
            _ => Wsd(lr, min, warmup, decay, wsd, WsdShape(wsdStyle)),
        };
        return warmup > 0 ? Warmup(warmup, init) >> after : after;
    }

    /// <summary>WSD: <c>--lr</c> until the anneal starts at D − wsd, then the cooldown to <c>--min-lr</c> at D; when the
    /// cooldown is longer than the steps after the warmup, the warmup's end cuts into it.</summary>
    private static Schedule Wsd(double lr, double min, long warmup, long decay, long wsd, DecayShape shape)
    {
        long annealStart = decay - wsd;
        var cooldown = Constant(lr).DecayAt(0, wsd, min, shape);
        if (annealStart >= warmup) return annealStart == warmup ? cooldown : Constant(lr).DecayAt(annealStart - warmup, wsd, min, shape);
        // The warmup's last step is exactly lr; the cooldown goes on from where it is at the next iteration.
        long skip = warmup > 0 ? warmup - annealStart + 1 : -annealStart;
        Schedule rest = skip < wsd ? cooldown.Shift(-skip) : Constant(min);
        return warmup > 0 ? Constant(lr).Take(1) >> rest : rest;
    }

    internal static DecayShape WsdShape(string style) => style switch
    {
        "linear" => DecayShape.Linear,
        "cosine" => DecayShape.Cosine,
        "minus_sqrt" => DecayShape.OneMinusSqrt,
        _ => DecayShape.Exponential,
    };

    /// <summary><c>get_wd</c>: from start to end over the training iterations (linear, or a cosine rising), then end.</summary>
    private static Schedule WeightDecay(ConfigSection f, long train)
    {
        string style = f.Choice("--weight-decay-incr-style", "constant", "constant", "linear", "cosine");
        var startValue = f.Get("--start-weight-decay");
        var endValue = f.Get("--end-weight-decay");
        if (style == "constant")
        {
            double wd = f.Number("--weight-decay", 0.01);
            // Megatron asserts that a constant weight decay is given by --weight-decay alone.
            if ((startValue ?? endValue) is { } contradiction)
                throw f.Fail(contradiction, "contradicts --weight-decay-incr-style constant (Megatron then takes --weight-decay alone)");
            return Build(f, () => Constant(wd));
        }
        if (startValue is null || endValue is null)
            throw f.Missing(startValue is null ? "--start-weight-decay" : "--end-weight-decay", $"is needed by --weight-decay-incr-style {style}");
        double start = f.NumberOf(startValue), end = f.NumberOf(endValue);
        if (start < 0) throw f.Fail(startValue, "must be 0 or more");
        if (end < start) throw f.Fail(endValue, $"must be at least --start-weight-decay {ConfigSection.Show(start)} (Megatron asserts it)");
        return Build(f, () => style == "linear" ? Linear(train, start, end) >> Constant(end) : Cosine(train, start, end) >> Constant(end));
    }

    private static Schedule Build(ConfigSection f, Func<Schedule> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new ConfigFormatException(f.Source, "", 1, 1, $"the flags give a schedule LrCompose refuses: {e.Message}");
        }
    }
}
