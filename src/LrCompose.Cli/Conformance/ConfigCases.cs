using System.Globalization;
using System.Text;
using System.Text.Json;
using LrCompose.Configs;

namespace LrCompose.Cli.Conformance;

/// <summary>
/// The training-framework cases of a reference file (DeepSpeed, Megatron-LM), run through the configuration importer
/// as a user's configuration would be: DeepSpeed's <c>config</c> fragment is read as a <c>ds_config.json</c>, Megatron's
/// constructor arguments are written as the command-line flags that produce them. Nothing here knows a case.
/// </summary>
internal static class ConfigCases
{
    /// <summary>The case's schedules, or null when its library is not a training framework.</summary>
    public static PeerSchedule? TryBuild(string library, JsonElement c)
    {
        string peer = library.Split(' ', 2)[0].ToLowerInvariant();
        if (peer == "deepspeed")
        {
            var config = DeepSpeedConfig.Read(c.GetProperty("config").GetRawText(), "config of " + Id(c));
            return new(config.LearningRate, config.Momentum);
        }
        if (peer is "megatron-lm" or "megatron")
        {
            var config = MegatronConfig.Read(MegatronFlags(new PeerParams(c.GetProperty("params"))), "params of " + Id(c));
            return new(config.LearningRate, WeightDecay: config.WeightDecay);
        }
        return null;
    }

    /// <summary>
    /// The flags that give <c>OptimizerParamScheduler</c> these arguments: the steps are iterations, the weight decay
    /// rises over <c>--train-iters</c> (its <c>wd_incr_steps</c>), and a constant weight decay is Megatron's
    /// <c>--weight-decay</c> (it refuses start and end flags for it).
    /// </summary>
    internal static string MegatronFlags(PeerParams p)
    {
        var flags = new StringBuilder();
        void Add(string flag, string name)
        {
            if (!p.Has(name)) return;
            var value = p.Element.GetProperty(name);
            flags.Append(flag).Append(' ').Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()).Append(' ');
        }
        Add("--lr", "max_lr");
        Add("--min-lr", "min_lr");
        Add("--lr-warmup-init", "init_lr");
        Add("--lr-warmup-iters", "lr_warmup_steps");
        Add("--lr-decay-iters", "lr_decay_steps");
        Add("--lr-decay-style", "lr_decay_style");
        Add("--lr-wsd-decay-iters", "wsd_decay_steps");
        Add("--lr-wsd-decay-style", "lr_wsd_decay_style");
        Add("--train-iters", "wd_incr_steps");
        Add("--weight-decay-incr-style", "wd_incr_style");
        if (p.S("wd_incr_style", "constant") == "constant") Add("--weight-decay", "end_wd");
        else
        {
            Add("--start-weight-decay", "start_wd");
            Add("--end-weight-decay", "end_wd");
        }
        return flags.ToString().TrimEnd();
    }

    private static string Id(JsonElement c) => c.TryGetProperty("id", out var id) ? id.ToString() : "a case";
}
