// Compiled into both the LrCompose library and the LrCompose generator: the options a recipe can name. The generator
// reads them as these very types, so reordering or renaming a member changes both sides at once. (Public in the
// library, internal in the generator, so that an assembly that sees both does not see two of each.)
namespace LrCompose
{
    /// <summary>The curve a warmup takes to its target.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum WarmupShape
    {
        /// <summary><c>from + (to − from)·p</c>.</summary>
        Linear,
        /// <summary><c>from·(to/from)^p</c>: geometric, needs both ends above 0.</summary>
        Exponential,
        /// <summary><c>from + (to − from)·(1 − cos(π·p))/2</c>.</summary>
        Cosine,
        /// <summary><c>from + (to − from)·ln(1 + t)/ln(1 + E)</c>, E the step the target is reached (W, or W − 1 counting
        /// from one): DeepSpeed's <c>WarmupLR</c> default (<c>warmup_type="log"</c>), quick at first, slow near the top.</summary>
        Log,
        /// <summary><c>from + (to − from)·(1 − √(1 − p))</c>: Hugging Face WSD's <c>warmup_type="1-sqrt"</c>, slow at
        /// first, steep near the top (the mirror image of the 1−√ cooldown).</summary>
        OneMinusSqrt,
    }

    /// <summary>Which fraction of a W-step warmup step t has reached.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum WarmupCount
    {
        /// <summary><c>p = t/W</c>: starts at <c>from</c>, reaches the target at step W (Hugging Face, optax).</summary>
        FromZero,
        /// <summary><c>p = (t + 1)/W</c>: reaches the target at step W − 1, the last warmup step (the seed examples: W = 5,
        /// η = 0.08 gives 0.016, 0.032, 0.048, 0.064, 0.08).</summary>
        FromOne,
    }

    /// <summary>How a triangular cycle's amplitude changes from cycle to cycle (PyTorch CyclicLR's <c>mode</c>).</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum TriangularMode
    {
        /// <summary>The same amplitude every cycle.</summary>
        Triangular,
        /// <summary>The amplitude halves every cycle.</summary>
        Triangular2,
        /// <summary>The amplitude is multiplied by <c>gamma^t</c> (t the step).</summary>
        ExpRange,
    }

    /// <summary>How <see cref="Schedules.Interpolate"/> moves between knots.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum Interpolation
    {
        /// <summary><c>a + p·(b − a)</c>.</summary>
        Linear,
        /// <summary><c>b + (a − b)/2·(cos(π·p) + 1)</c>: flat at both knots.</summary>
        Cosine,
    }

    /// <summary>How the decay of <see cref="Recipes.WarmupStableDecay"/> falls.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum DecayShape
    {
        /// <summary>A straight line.</summary>
        Linear,
        /// <summary>Half a cosine.</summary>
        Cosine,
        /// <summary>The 1−√ cooldown.</summary>
        OneMinusSqrt,
        /// <summary>Megatron-LM's <c>lr_wsd_decay_style="exponential"</c>: <c>to + (from − to)·(2·0.5^r − 1)</c>, r the
        /// fraction of the cooldown done; halves the distance to the floor's mirror image, so it falls fastest at first.</summary>
        Exponential,
    }

    /// <summary>Which value of a schedule a stair of <c>Staircase</c> holds: the one at its first step or at its last.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum StairSample
    {
        /// <summary>Each stair holds the value at its start, <c>s(⌊t·n/span⌋·span/n)</c>: a rising ramp climbs at the
        /// start of each stair (DeepSpeed's first half-cycle and its range-test staircase).</summary>
        Start,
        /// <summary>Each stair holds the value at its end, <c>s(⌈t·n/span⌉·span/n)</c>: a falling ramp steps down at the
        /// start of each stair and stays above its end until the last step (DeepSpeed's second half-cycle).</summary>
        End,
    }

    /// <summary>How one-cycle anneals between its phase ends.</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum Anneal
    {
        /// <summary>Half cosines (the default in PyTorch and fastai).</summary>
        Cosine,
        /// <summary>Straight lines.</summary>
        Linear,
    }

    /// <summary>Whether a lower or a higher metric is better (reduce-on-plateau's <c>mode</c>).</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum PlateauMode
    {
        /// <summary>Lower is better (a loss).</summary>
        Min,
        /// <summary>Higher is better (an accuracy).</summary>
        Max,
    }

    /// <summary>How much better a metric must be to count as an improvement (reduce-on-plateau's <c>threshold-mode</c>).</summary>
#if LRCOMPOSE_GENERATOR
    internal
#else
    public
#endif
    enum ThresholdMode
    {
        /// <summary>Relative: better than <c>best·(1 ∓ threshold)</c>.</summary>
        Rel,
        /// <summary>Absolute: better than <c>best ∓ threshold</c>.</summary>
        Abs,
    }
}
