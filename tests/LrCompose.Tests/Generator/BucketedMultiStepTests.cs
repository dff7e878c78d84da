using System.Text.RegularExpressions;

namespace LrCompose.Tests.Generator;

/// <summary>
/// A multi-step with many milestones is emitted as a bucket table (the milestones passed at the start of each bucket)
/// and a short forward scan. The table must give the runtime's value at every step, including on, just before and just
/// after each milestone, with repeated milestones and one at step 0; and it must stay about 2n entries long, since the
/// point of it is a flat cost without a table that grows with the last milestone.
/// </summary>
public class BucketedMultiStepTests
{
    public static TheoryData<string> Milestones() => new()
    {
        string.Join(", ", Enumerable.Range(1, 16).Select(i => i * 10)),
        "0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987",
        string.Join(", ", Enumerable.Range(0, 40).Select(i => 7 + i * i * 3)),
        string.Join(", ", Enumerable.Range(0, 20).Select(i => 1000 + i)),
        string.Join(", ", Enumerable.Range(1, 17).Select(i => (1L << 40) / 17 * i)),
    };

    [Theory]
    [MemberData(nameof(Milestones))]
    public void The_table_gives_the_runtime_value_at_every_milestone_edge(string milestones)
    {
        string source = GeneratorHarness.Usings + "namespace B; public static partial class R { [CompiledSchedule] public static Schedule A => MultiStep(0.9, 0.9, " + milestones + "); }";
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.GeneratorDiagnostics);
        string generated = run.Source(".A.g.cs");
        var table = Regex.Match(generated, @"private static readonly int\[\] B\d+ = \{ ([^}]*) \};");
        Assert.True(table.Success, "no bucket table in:\n" + generated);

        long[] ms = milestones.Split(", ").Select(long.Parse).ToArray();
        int entries = table.Groups[1].Value.Split(", ").Length;
        Assert.InRange(entries, ms.Length / 2, 4 * ms.Length + 1);

        var compiled = (ICompiledSchedule)Activator.CreateInstance(GeneratorHarness.Load(run.Output).GetType("B.R+ASchedule")!)!;
        var runtime = compiled.ToSchedule();
        var steps = ms.SelectMany(m => new[] { m - 1, m, m + 1 }).Where(t => t >= 0)
            .Concat(ms[^1] < 100_000 ? Enumerable.Range(0, (int)ms[^1] + 3).Select(i => (long)i) : [])
            .Concat([long.MaxValue]);
        foreach (long t in steps) Assert.True(runtime.Rate(t) == compiled.Rate(t), $"step {t}: runtime {runtime.Rate(t):R}, generated {compiled.Rate(t):R}");
    }

    [Fact]
    public void Fewer_milestones_are_a_branch_tree()
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.Usings + "namespace B; public static partial class R { [CompiledSchedule] public static Schedule A => MultiStep(0.9, 0.9, "
            + string.Join(", ", Enumerable.Range(1, 15)) + "); }");
        Assert.DoesNotContain("int[]", run.Source(".A.g.cs"));
    }
}
