using static LrCompose.Schedules;

namespace LrCompose;

/// <summary>A named, published recipe.</summary>
/// <param name="Name">The name used in text recipes and the command line (e.g. <c>gpt2</c>).</param>
/// <param name="Description">Where it comes from, in one line.</param>
/// <param name="Schedule">The schedule itself.</param>
public sealed record Preset(string Name, string Description, Schedule Schedule);

/// <summary>Recipes from well-known training runs, by name.</summary>
public static class Presets
{
    /// <summary>BERT-base: 1e-4, 10k linear warmup, linear decay to 0 at 1M steps.</summary>
    public static Schedule BertBase { get; } = Warmup(10_000).Then(Linear(990_000, 1e-4, 0));

    /// <summary>GPT-2 (as commonly reproduced): 2.5e-4 after 2k warmup, cosine to 2.5e-5 over the remaining 248k steps.</summary>
    public static Schedule Gpt2 { get; } = Warmup(2_000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5));

    /// <summary>GPT-3 175B: 6e-5 after 375 warmup steps, cosine to 10% over ~300k steps.</summary>
    public static Schedule Gpt3_175B { get; } = Warmup(375).Then(Cosine(299_625, peak: 6e-5, floor: 6e-6));

    /// <summary>LLaMA-2 7B: 3e-4 after 2k warmup, cosine to 10% over ~1M steps.</summary>
    public static Schedule Llama2_7B { get; } = Warmup(2_000).Then(Cosine(998_000, peak: 3e-4, floor: 3e-5));

    /// <summary>ResNet-50 on ImageNet: 0.1, ×0.1 at epochs 30 and 60 of 90, at 5005 steps per epoch (batch 256).</summary>
    public static Schedule ResNet50ImageNet { get; } = MultiStep(0.1, 0.1, 30, 60).Take(90).PerEpoch(5005);

    /// <summary>The original Transformer (base): d_model 512, 4000 warmup steps, inverse-square-root decay.</summary>
    public static Schedule TransformerBase { get; } = Recipes.Noam(512, 4000);

    /// <summary>Every preset, in the order the command line lists them.</summary>
    public static IReadOnlyList<Preset> All { get; } =
    [
        new("bert-base", "BERT-base: 1e-4, 10k warmup, linear decay over 1M steps", BertBase),
        new("gpt2", "GPT-2: 2.5e-4, 2k warmup, cosine to 2.5e-5 over 250k steps", Gpt2),
        new("gpt3-175b", "GPT-3 175B: 6e-5, 375 warmup, cosine to 10% over 300k steps", Gpt3_175B),
        new("llama2-7b", "LLaMA-2 7B: 3e-4, 2k warmup, cosine to 10% over 1M steps", Llama2_7B),
        new("resnet50-imagenet", "ResNet-50/ImageNet: 0.1, x0.1 at epochs 30 and 60 of 90 (5005 steps/epoch)", ResNet50ImageNet),
        new("transformer-base", "Transformer base (Noam): d_model 512, 4000 warmup, inverse sqrt", TransformerBase),
    ];

    /// <summary>The preset with this name (case-insensitive), or null.</summary>
    public static Preset? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
