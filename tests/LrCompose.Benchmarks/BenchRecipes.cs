using LrCompose;
using static LrCompose.Schedules;

namespace LrCompose.Benchmarks;

/// <summary>The recipes measured, compiled by the generator and kept as runtime schedules too.</summary>
public static partial class BenchRecipes
{
    /// <summary>Warmup + cosine (GPT-2).</summary>
    [CompiledSchedule]
    public static Schedule WarmupCosine => Warmup(2_000).Then(Cosine(248_000, peak: 2.5e-4, floor: 2.5e-5));

    /// <summary>Two-phase one-cycle over 100,000 steps.</summary>
    [CompiledSchedule]
    public static Schedule OneCycle => Cosine(30_000, peak: 0.004, floor: 0.1).Then(Cosine(70_000, peak: 0.1, floor: 4e-7));

    /// <summary>Multi-step with 2 milestones: 3 phases.</summary>
    [CompiledSchedule]
    public static Schedule MultiStep3 => MultiStep(0.1, 0.5, 1_200, 2_400);

    /// <summary>Multi-step with 99 irregular milestones: 100 phases.</summary>
    [CompiledSchedule]
    public static Schedule MultiStep100 => MultiStep(0.1, 0.97, 38, 78, 120, 164, 187, 235, 262, 314, 345, 378, 413, 450, 489, 530, 573, 595, 642, 668, 719, 749, 781, 815, 851, 889, 929, 971, 1015, 1038, 1086, 1113, 1165, 1196, 1229, 1264, 1301, 1340, 1381, 1424, 1446, 1493, 1519, 1570, 1600, 1632, 1666, 1702, 1740, 1780, 1822, 1866, 1889, 1937, 1964, 2016, 2047, 2080, 2115, 2152, 2191, 2232, 2275, 2297, 2344, 2370, 2421, 2451, 2483, 2517, 2553, 2591, 2631, 2673, 2717, 2740, 2788, 2815, 2867, 2898, 2931, 2966, 3003, 3042, 3083, 3126, 3148, 3195, 3221, 3272, 3302, 3334, 3368, 3404, 3442, 3482, 3524, 3568, 3591, 3639, 3666);

    /// <summary>The milestones of <see cref="MultiStep100"/>, for the hand-written version.</summary>
    public static readonly long[] Milestones100 = [38, 78, 120, 164, 187, 235, 262, 314, 345, 378, 413, 450, 489, 530, 573, 595, 642, 668, 719, 749, 781, 815, 851, 889, 929, 971, 1015, 1038, 1086, 1113, 1165, 1196, 1229, 1264, 1301, 1340, 1381, 1424, 1446, 1493, 1519, 1570, 1600, 1632, 1666, 1702, 1740, 1780, 1822, 1866, 1889, 1937, 1964, 2016, 2047, 2080, 2115, 2152, 2191, 2232, 2275, 2297, 2344, 2370, 2421, 2451, 2483, 2517, 2553, 2591, 2631, 2673, 2717, 2740, 2788, 2815, 2867, 2898, 2931, 2966, 3003, 3042, 3083, 3126, 3148, 3195, 3221, 3272, 3302, 3334, 3368, 3404, 3442, 3482, 3524, 3568, 3591, 3639, 3666];
}
