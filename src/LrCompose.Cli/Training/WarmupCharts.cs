using ScottPlot;

namespace LrCompose.Cli.Training;

/// <summary>The warmup demo's two charts: the loss curves, and λ_max over training against the stability line 2/η(t).</summary>
internal static class WarmupCharts
{
    /// <summary>The training loss (log10) with and without the warmup; a diverged run ends where it left the chart.</summary>
    public static byte[] Losses(WarmupDemo demo, string format)
    {
        var plot = new Plot();
        plot.Title(Charts.Shorten($"sharp network: loss with and without the warmup of {demo.Comparison.With}", 90), 13);
        plot.XLabel("step");
        plot.YLabel("training loss (log10)");
        Line(plot, demo.With.Losses, "with the warmup", Colors.C0);
        Line(plot, demo.Without.Losses, "without it (the peak from step 0)", Colors.C1);
        plot.ShowLegend(Edge.Bottom);
        return Charts.Encode(plot, format);
    }

    private static void Line(Plot plot, double[] losses, string label, Color color)
    {
        int finite = Array.FindIndex(losses, l => !double.IsFinite(l));
        int n = finite < 0 ? losses.Length : finite;
        if (n == 0) return;
        var line = plot.Add.ScatterLine(Enumerable.Range(0, n).Select(t => (double)t).ToArray(), losses.Take(n).Select(l => Math.Log10(Math.Max(l, 1e-12))).ToArray());
        line.LineWidth = 2;
        line.Color = color;
        line.LegendText = finite < 0 ? label : $"{label}: diverged at step {finite}";
    }

    /// <summary>
    /// λ_max over each run (solid) and each run's stability limit 2/η(t) (dashed, same colour): training is stable
    /// while its λ_max is under its line. The lines are cut at twice the largest λ_max measured (2/η is infinite at a
    /// rate of 0).
    /// </summary>
    public static byte[] Sharpness(WarmupDemo demo, string format)
    {
        var plot = new Plot();
        plot.Title(Charts.Shorten($"sharp network: λ_max and the stability line 2/η, {demo.Comparison.With}", 90), 13);
        plot.XLabel("step");
        plot.YLabel("λ_max of the loss Hessian, and 2/η");
        double top = 2 * Math.Max(demo.With.Sharpness.DefaultIfEmpty(1).Max(), demo.Without.Sharpness.DefaultIfEmpty(1).Max());
        Curve(plot, demo.With, demo.Comparison.With, "with the warmup", Colors.C0, top, demo.Comparison.Steps);
        Curve(plot, demo.Without, demo.Comparison.Without, "without it", Colors.C1, top, demo.Comparison.Steps);
        plot.Axes.SetLimitsY(0, top * 1.05);
        plot.ShowLegend(Edge.Bottom);
        return Charts.Encode(plot, format);
    }

    private static void Curve(Plot plot, SharpRun run, Schedule schedule, string label, Color color, double top, long steps)
    {
        double[] xs = Enumerable.Range(0, (int)steps).Select(t => (double)t).ToArray();
        var limit = plot.Add.ScatterLine(xs, xs.Select(t => schedule.Rate((long)t) > 2 / top ? 2 / schedule.Rate((long)t) : top).ToArray());
        limit.LineWidth = 1.5f;
        limit.Color = color;
        limit.LinePattern = LinePattern.Dashed;
        limit.LegendText = $"2/η {label}";
        // λ_max drawn over its line, which it meets at the edge of stability.
        if (run.Sharpness.Length > 0)
        {
            var sharp = plot.Add.ScatterLine(run.SharpnessSteps.Select(t => (double)t).ToArray(), run.Sharpness.Select(s => Math.Min(s, top)).ToArray());
            sharp.LineWidth = 2;
            sharp.Color = color;
            sharp.MarkerSize = 5;   // a run that diverges at once has a single measurement: a point, not a line
            sharp.LegendText = $"λ_max {label}" + (!double.IsFinite(run.Final) ? " (diverged)" : run.Trained ? "" : " (did not train)");
        }
    }
}
