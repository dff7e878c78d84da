using System.Collections.Immutable;
using System.Text.RegularExpressions;
using static LrCompose.Schedules;

namespace LrCompose.Configs;

/// <summary>
/// Hugging Face <c>TrainingArguments</c>: the JSON <c>to_json_string()</c> writes, or the command line
/// <c>HfArgumentParser</c> reads, routed to a schedule as <c>transformers.optimization.get_scheduler</c> routes them.
/// </summary>
/// <remarks>
/// <para><c>get_scheduler</c> passes the warmup and <c>lr_scheduler_kwargs</c> on by type: <c>constant</c> takes neither,
/// <c>constant_with_warmup</c> and <c>inverse_sqrt</c> take the warmup but drop the kwargs (so <c>timescale</c> cannot be
/// set from <c>TrainingArguments</c>), <c>reduce_lr_on_plateau</c> takes the kwargs but no warmup; the others take both
/// and the total steps. A dropped key is reported in <see cref="ImportedConfig.Ignored"/>, never silently lost.</para>
/// <para>The warmup is <c>warmup_steps</c>, or below 1 a ratio of the total, <c>ceil(T·w)</c>; the older
/// <c>warmup_ratio</c> counts when <c>warmup_steps</c> is 0. The total is <c>max_steps</c> when positive, else the
/// total steps given (the epochs need the dataset's size, which a configuration does not have).</para>
/// </remarks>
public static partial class HuggingFaceConfig
{
    private static readonly string[] Types =
    [
        "linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
        "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay",
    ];

    /// <summary>The <c>lr_scheduler_kwargs</c> each type's function accepts (besides the ones get_scheduler passes).</summary>
    private static readonly Dictionary<string, string[]> Kwargs = new()
    {
        ["linear"] = [],
        ["cosine"] = ["num_cycles"],
        ["cosine_with_restarts"] = ["num_cycles"],
        ["polynomial"] = ["lr_end", "power"],
        ["cosine_with_min_lr"] = ["num_cycles", "min_lr", "min_lr_rate"],
        ["cosine_warmup_with_min_lr"] = ["num_cycles", "min_lr", "min_lr_rate", "warmup_lr_rate"],
        ["warmup_stable_decay"] = ["num_decay_steps", "num_stable_steps", "warmup_type", "decay_type", "min_lr_ratio", "num_cycles"],
        ["reduce_lr_on_plateau"] = ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"],
    };

    /// <summary>Reads <c>TrainingArguments</c> as JSON (text starting with <c>{</c>) or as a command line.</summary>
    /// <param name="text">The JSON of <c>to_json_string()</c>, or <c>--learning_rate 3e-4 --lr_scheduler_type cosine …</c>.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <param name="totalSteps">The run's optimizer updates, when <c>max_steps</c> does not say.</param>
    /// <exception cref="ConfigFormatException">An unknown scheduler type or kwarg, contradictory settings (both
    /// <c>min_lr</c> and <c>min_lr_rate</c>; a warmup longer than training), or a missing total.</exception>
    public static ImportedConfig Read(string text, string source = "training_args.json", long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        bool json = text.TrimStart().StartsWith('{');
        ConfigSection args;
        var ignored = ImmutableArray.CreateBuilder<IgnoredKey>();
        if (json)
        {
            var root = ConfigJson.Parse(text, source);
            if (root.Kind != ConfigKind.Object) throw new ConfigFormatException(source, "", root.Line, root.Column, "TrainingArguments' JSON is an object");
            args = new ConfigSection(source, root);
        }
        else
        {
            var flags = CommandLineFlags.Parse(text, source);
            foreach (var word in flags.Leading) ignored.Add(new(word.Text, word.Line, word.Column, "a word before the first flag (the launcher or script)"));
            // HfArgumentParser takes --learning_rate and --learning-rate alike.
            var members = flags.Flags.Members.Select(m => new KeyValuePair<string, ConfigValue>(m.Key[2..].Replace('-', '_'), m.Value with { Path = m.Key })).ToImmutableArray();
            args = new ConfigSection(source, flags.Flags with { Members = members });
        }

        double lr = args.Number("learning_rate", 5e-5);
        // Named at its own key, in the framework's words, before any schedule is built from it.
        if (lr < 0) throw args.Fail(args.Get("learning_rate")!, $"is {ConfigWriter.Show(lr)}: a learning rate is not negative");
        var typeValue = args.Get("lr_scheduler_type");
        string type = args.Word("lr_scheduler_type") ?? "linear";
        if (Array.IndexOf(Types, type) < 0)
            throw args.Fail(typeValue!, $"is \"{type}\", not a SchedulerType; they are {string.Join(", ", Types)}");
        var kwargsValue = args.Get("lr_scheduler_kwargs");
        ConfigSection kwargs = KwargsSection(kwargsValue, args, source);

        long? maxSteps = args.Get("max_steps") is { } m && args.NumberOf(m) > 0 ? args.WholeOf(m, 1) : null;
        long? total = maxSteps ?? totalSteps;
        var warmupValue = args.Get("warmup_steps");
        var ratioValue = args.Get("warmup_ratio");
        double warmupSteps = warmupValue is null ? 0 : args.NumberOf(warmupValue);
        double ratio = ratioValue is null ? 0 : args.NumberOf(ratioValue);
        if (warmupSteps < 0) throw args.Fail(warmupValue!, "must be 0 or more");
        if (ratio is < 0 or > 1) throw args.Fail(ratioValue!, "must be between 0 and 1");
        if (warmupSteps >= 1 && warmupSteps != Math.Floor(warmupSteps)) throw args.Fail(warmupValue!, "must be a whole number of steps, or a ratio below 1");
        if (warmupSteps > 0 && ratio > 0) ignored.Add(new(ratioValue!.Path, ratioValue.Line, ratioValue.Column, "warmup_steps is given, and it wins over warmup_ratio"));

        bool takesWarmup = type is not ("constant" or "reduce_lr_on_plateau");
        bool takesKwargs = type is not ("constant" or "constant_with_warmup" or "inverse_sqrt");
        long Warmup()
        {
            bool asRatio = warmupSteps is > 0 and < 1 || (warmupSteps == 0 && ratio > 0);
            if (!asRatio) return (long)warmupSteps;
            double r = warmupSteps > 0 ? warmupSteps : ratio;
            var at = warmupSteps > 0 ? warmupValue! : ratioValue!;
            long t = total ?? throw args.Fail(at, $"is a ratio of the total steps, which max_steps does not give: give them (--total-steps)");
            return (long)Math.Ceiling(t * r);
        }
        long warmup = takesWarmup ? Warmup() : 0;
        if (!takesWarmup)
            foreach (var v in new[] { warmupValue, ratioValue })
                if (v is not null && args.NumberOf(v) != 0) ignored.Add(new(v.Path, v.Line, v.Column, $"get_scheduler passes no warmup to {type}"));
        if (!takesKwargs && kwargs.Value.Members.Length > 0)
        {
            ignored.Add(new(kwargsValue!.Path, kwargsValue.Line, kwargsValue.Column, $"get_scheduler drops lr_scheduler_kwargs for {type}"));
            foreach (var member in kwargs.Value.Members) kwargs.Use(member.Key);
        }
        if (total is { } run && warmup > run && takesWarmup)
            throw args.Fail(warmupValue ?? ratioValue!, $"gives a warmup of {warmup} steps, longer than the {run} steps of training");

        long Total(string what) => total ?? throw args.Missing("max_steps", $"is needed by {what} (or give the total steps, --total-steps)");
        Schedule rate = Build(args, kwargsValue, () => type switch
        {
            "constant" => Compat.HuggingFace.GetConstantSchedule(lr),
            "constant_with_warmup" => Compat.HuggingFace.GetConstantScheduleWithWarmup(lr, warmup),
            "inverse_sqrt" => Compat.HuggingFace.GetInverseSqrtSchedule(lr, warmup),
            "linear" => Compat.HuggingFace.GetLinearScheduleWithWarmup(lr, warmup, Total(type)),
            "cosine" => Compat.HuggingFace.GetCosineScheduleWithWarmup(lr, warmup, Total(type), kwargs.Number("num_cycles", 0.5)),
            "cosine_with_restarts" => Compat.HuggingFace.GetCosineWithHardRestartsScheduleWithWarmup(lr, warmup, Total(type), (int)kwargs.Whole("num_cycles", 1, 1)),
            "polynomial" => Compat.HuggingFace.GetPolynomialDecayScheduleWithWarmup(lr, warmup, Total(type), LrEnd(kwargs, lr), kwargs.Number("power", 1)),
            "cosine_with_min_lr" => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(lr, warmup, Total(type), kwargs.Number("num_cycles", 0.5),
                MinLr(kwargs, lr).MinLr, MinLr(kwargs, lr).MinLrRate),
            "cosine_warmup_with_min_lr" => CosineWarmupWithMinLr(lr, warmup, Total(type), kwargs),
            "warmup_stable_decay" => WarmupStableDecay(lr, warmup, total, kwargs, args),
            _ => Plateau(lr, kwargs, kwargsValue, ignored),
        });
        kwargs.RefuseUnknown(type + "'s lr_scheduler_kwargs", Kwargs.GetValueOrDefault(type, []));
        foreach (var v in args.Unused())
        {
            if (ScheduleLike().IsMatch(v.Path))
                throw args.Fail(v, "is not a TrainingArguments field that sets the schedule; they are learning_rate, lr_scheduler_type, lr_scheduler_kwargs, warmup_steps, warmup_ratio, max_steps");
            ignored.Add(new(v.Path, v.Line, v.Column, "not about the schedule"));
        }
        return new(ConfigFormat.HuggingFace, rate, ImmutableSortedDictionary<string, Schedule>.Empty, ignored.ToImmutable(), total);
    }

    [GeneratedRegex(@"(^|_)lr(_|$)|warmup|schedul", RegexOptions.IgnoreCase)]
    private static partial Regex ScheduleLike();

    /// <summary><c>lr_scheduler_kwargs</c>: an object in the JSON, a JSON string on the command line (or in older JSON).</summary>
    private static ConfigSection KwargsSection(ConfigValue? value, ConfigSection args, string source)
    {
        if (value is null) return new ConfigSection(source, ConfigValue.Scalar(ConfigKind.Object, "lr_scheduler_kwargs", 1, 1, ""));
        if (value.Kind == ConfigKind.Object) return new ConfigSection(source, value);
        if (value.Kind is ConfigKind.String or ConfigKind.Word)
        {
            if (value.Text.Trim().Length == 0) return new ConfigSection(source, ConfigValue.Scalar(ConfigKind.Object, value.Path, value.Line, value.Column, ""));
            ConfigValue parsed;
            try
            {
                parsed = ConfigJson.Parse(value.Text, source);
            }
            catch (ConfigFormatException e)
            {
                throw args.Fail(value, $"is not a JSON object: {e.Problem}");
            }
            if (parsed.Kind != ConfigKind.Object) throw args.Fail(value, "must be a JSON object");
            // The kwargs sit inside one value: their errors point at it, named lr_scheduler_kwargs.<key>.
            return new ConfigSection(source, Relocate(parsed, value), "");
        }
        throw args.Fail(value, $"must be an object, not {value.Shown}");
    }

    private static ConfigValue Relocate(ConfigValue v, ConfigValue at) => v with
    {
        Path = v.Path.Length == 0 ? at.Path : $"{at.Path.TrimStart('-')}.{v.Path}",
        Line = at.Line,
        Column = at.Column,
        Members = v.Members.Select(m => new KeyValuePair<string, ConfigValue>(m.Key, Relocate(m.Value, at))).ToImmutableArray(),
        Items = v.Items.Select(i => Relocate(i, at)).ToImmutableArray(),
    };

    private static (double? MinLr, double? MinLrRate) MinLr(ConfigSection kwargs, double lr)
    {
        var minLr = kwargs.Get("min_lr");
        var rate = kwargs.Get("min_lr_rate");
        if (minLr is not null && rate is not null) throw kwargs.Fail(rate, "contradicts min_lr: transformers takes one of min_lr and min_lr_rate");
        if (minLr is null && rate is null) throw kwargs.Missing("min_lr_rate", "is needed (or min_lr): transformers refuses a cosine_with_min_lr without one");
        return (minLr is null ? null : kwargs.NumberOf(minLr), rate is null ? null : kwargs.NumberOf(rate));
    }

    /// <summary>
    /// <c>get_cosine_with_min_lr_schedule_with_warmup_lr_rate</c>: the warmup is <c>(s + 1)/W</c> (or from
    /// <c>warmup_lr_rate</c> to 1 over <c>W − 1</c> steps), so it reaches the rate on its last step; the cosine's
    /// progress is <c>(s − W + 1)/max(1, T − W)</c>, so it starts on that same step. Not clamped past the end.
    /// </summary>
    private static Schedule CosineWarmupWithMinLr(double lr, long warmup, long total, ConfigSection kwargs)
    {
        var (minLr, minLrRate) = MinLr(kwargs, lr);
        double cycles = kwargs.Number("num_cycles", 0.5);
        double? warmupRate = kwargs.Number("warmup_lr_rate");
        var wave = Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(lr, 0, Math.Max(1, total - warmup), cycles, minLr, minLrRate);
        if (warmup == 0) return wave.Shift(-1);
        if (warmup == 1) return warmupRate is { } r ? Constant(lr * r).Take(1) >> wave.Shift(-1) : wave;
        return Schedules.Warmup(warmup - 1, warmupRate is { } from ? lr * from : lr / warmup) >> wave;
    }

    /// <summary><c>get_wsd_schedule</c>: warmup (linear, cosine or 1-sqrt) from <c>min_lr_ratio·lr</c>, the stable phase
    /// (<c>num_stable_steps</c>, or what the total leaves), the decay, then <c>min_lr_ratio·lr</c>.</summary>
    private static Schedule WarmupStableDecay(double lr, long warmup, long? total, ConfigSection kwargs, ConfigSection args)
    {
        long decay = kwargs.Whole("num_decay_steps", 0) ?? throw kwargs.Missing("num_decay_steps", "is needed by warmup_stable_decay");
        long? stableGiven = kwargs.Whole("num_stable_steps", 0);
        long stable = stableGiven ?? (total is { } t
            ? t - warmup - decay is >= 0 and var s ? s : throw args.Missing("max_steps", $"leaves no room: {t} steps minus {warmup} warmup and {decay} decay steps")
            : throw kwargs.Missing("num_stable_steps", "is needed by warmup_stable_decay (or max_steps, or the total steps)"));
        string warmupType = kwargs.Choice("warmup_type", "linear", "linear", "cosine", "1-sqrt");
        string decayType = kwargs.Choice("decay_type", "cosine", "linear", "cosine", "1-sqrt");
        double ratio = kwargs.Number("min_lr_ratio", 0);
        double cycles = kwargs.Number("num_cycles", 0.5);
        double floor = lr * ratio;
        Schedule down = decayType switch
        {
            "linear" => Linear(decay, lr, floor),
            "1-sqrt" => OneMinusSqrt(decay, lr, floor),
            _ when cycles == 0.5 => Cosine(decay, lr, floor),
            _ => Compat.HuggingFace.GetCosineWithMinLrScheduleWithWarmup(lr, 0, decay, cycles, minLrRate: ratio).Take(decay),
        };
        Schedule tail = (stable > 0 ? Hold(stable) >> down : down) >> Constant(floor);
        var shape = warmupType switch { "cosine" => WarmupShape.Cosine, "1-sqrt" => WarmupShape.OneMinusSqrt, _ => WarmupShape.Linear };
        return warmup > 0 ? Schedules.Warmup(warmup, floor, shape) >> tail : tail;
    }

    /// <summary><c>reduce_lr_on_plateau</c> is driven by the metric, not the step: the rate until the first reduction,
    /// and the kwargs reported with the recipe that follows the metric.</summary>
    private static Schedule Plateau(double lr, ConfigSection kwargs, ConfigValue? kwargsValue, ImmutableArray<IgnoredKey>.Builder ignored)
    {
        foreach (var member in kwargs.Value.Members) kwargs.Use(member.Key);
        ignored.Add(new(kwargsValue?.Path ?? "lr_scheduler_type", kwargsValue?.Line ?? 1, kwargsValue?.Column ?? 1,
            "reduce_lr_on_plateau lowers the rate when the metric stops improving, which no configuration knows in advance: the rate shown is the one before the first reduction (a live recipe with reduce-on-plateau and an observation log follows the metric)"));
        return Constant(lr);
    }

    /// <summary>The polynomial decay's end, which transformers requires below the learning rate.</summary>
    private static double LrEnd(ConfigSection kwargs, double lr)
    {
        double end = kwargs.Number("lr_end", 1e-7);
        return end < lr ? end
            : throw kwargs.Fail(kwargs.Get("lr_end")!, $"is {ConfigWriter.Show(end)}: transformers requires lr_end below the learning rate ({ConfigWriter.Show(lr)})");
    }

    private static Schedule Build(ConfigSection args, ConfigValue? kwargs, Func<Schedule> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            var at = kwargs ?? args.Value.Member("lr_scheduler_type") ?? args.Value;
            throw new ConfigFormatException(args.Source, at.Path, at.Line, at.Column, $"gives a schedule transformers or LrCompose refuses: {e.Message}");
        }
    }
}
