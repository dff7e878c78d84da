using ScottPlot;

namespace LrCompose.Cli;

/// <summary>One line on a chart.</summary>
internal sealed record Series(string Label, Schedule Schedule, bool RightAxis = false);

/// <summary>Renders schedules with ScottPlot to PNG or SVG bytes: steps on x, rates on y, phase boundaries dashed.</summary>
internal static class Charts
{
    public const int Width = 900;
    public const int Height = 500;

    public static byte[] Render(IReadOnlyList<Series> series, long horizon, string format, bool logY, string title, string? rightAxis = null)
    {
        var plot = new Plot();
        plot.Title(Shorten(title, 90), 13);
        plot.XLabel("step");
        plot.YLabel(logY ? "learning rate (log scale)" : "learning rate");
        double largest = 0;
        foreach (var s in series)
        {
            long[] steps = Sampling.Steps(s.Schedule, horizon);
            if (!s.RightAxis) largest = Math.Max(largest, steps.Max(t => s.Schedule.Rate(t)));
            bool log = logY && !s.RightAxis;
            // A rate of 0 has no logarithm: on a log axis it is left out, not drawn at an invented bottom.
            long[] drawn = log ? steps.Where(t => s.Schedule.Rate(t) > 0).ToArray() : steps;
            if (drawn.Length == 0) continue;
            double[] xs = drawn.Select(t => (double)t).ToArray();
            double[] ys = drawn.Select(t => log ? Math.Log10(s.Schedule.Rate(t)) : s.Schedule.Rate(t)).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            if (series.Count > 1) line.LegendText = Shorten(s.Label, 60);
            line.LineWidth = 2;
            if (s.RightAxis)
            {
                line.Axes.YAxis = plot.Axes.Right;
                plot.Axes.Right.Label.Text = rightAxis ?? s.Label;
            }
        }
        foreach (var phase in series[0].Schedule.Phases.Skip(1))
        {
            if (phase.Start >= horizon) break;
            var marker = plot.Add.VerticalLine(phase.Start);
            marker.LinePattern = LinePattern.Dashed;
            marker.LineWidth = 1;
            marker.Color = Colors.Gray;
        }
        // One label format for every tick, chosen from the largest value, so 0.0001 and 8E-05 never sit side by side.
        if (!logY) plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = TickFormat(largest) };
        else plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            // Ticks at whole powers of ten, labelled with the rate itself (1e-4, 0.001), minor ticks at 2…9 times them.
            IntegerTicksOnly = true,
            LabelFormatter = LogTickFormat,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        // The legend goes below the data area, where it cannot cover a curve.
        if (series.Count > 1) plot.ShowLegend(Edge.Bottom);
        return Encode(plot, format);
    }

    /// <summary>A range test: the smoothed loss against the rate (log axis), each suggestion marked and named.</summary>
    public static byte[] RenderRangeTest(RangeTestResult result, string format, string title)
    {
        var plot = new Plot();
        plot.Title(title, 13);
        plot.XLabel("learning rate (log10)");
        plot.YLabel("smoothed loss");
        var finite = result.Points.Where(p => double.IsFinite(p.Smoothed)).ToArray();
        var line = plot.Add.ScatterLine(finite.Select(p => Math.Log10(p.Rate)).ToArray(), finite.Select(p => p.Smoothed).ToArray());
        line.LineWidth = 2;
        line.LegendText = "smoothed loss";
        foreach (var (name, rate) in result.Suggestions)
        {
            var marker = plot.Add.VerticalLine(Math.Log10(rate));
            marker.LinePattern = LinePattern.Dashed;
            marker.LineWidth = 1.5f;
            marker.LegendText = $"{name} {rate.ToString("0.###e+0", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        plot.ShowLegend(Edge.Bottom);
        return Encode(plot, format);
    }

    /// <summary>Training-loss curves, one per schedule, named by its recipe.</summary>
    public static byte[] RenderLosses(IReadOnlyList<string> names, IReadOnlyList<double[]> curves, string format, string title)
    {
        var plot = new Plot();
        plot.Title(Shorten(title, 90), 13);
        plot.XLabel("step");
        plot.YLabel("training loss (log10)");
        for (int i = 0; i < curves.Count; i++)
        {
            var line = plot.Add.ScatterLine(Enumerable.Range(0, curves[i].Length).Select(t => (double)t).ToArray(),
                curves[i].Select(v => Math.Log10(Math.Max(v, 1e-12))).ToArray());
            line.LineWidth = 2;
            line.LegendText = Shorten(names[i], 60);
        }
        plot.ShowLegend(Edge.Bottom);
        return Encode(plot, format);
    }

    internal static byte[] Encode(Plot plot, string format) => format switch
    {
        "png" => plot.GetImageBytes(Width, Height, ImageFormat.Png),
        "svg" => System.Text.Encoding.UTF8.GetBytes(StableClipIds(plot.GetSvgXml(Width, Height))),
        _ => throw new CliInputException($"--out must end in .png or .svg, not .{format}"),
    };

    /// <summary>Skia numbers an SVG's clip paths with a counter shared by the whole process, so the same chart drawn
    /// twice differs in its ids; numbered by first appearance instead, the same chart is the same file.</summary>
    internal static string StableClipIds(string svg)
    {
        var ids = new Dictionary<string, string>();
        return System.Text.RegularExpressions.Regex.Replace(svg, @"\bcl_[0-9a-fA-F]+\b",
            m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = "cl_" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis, for titles and legends.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Tick labels in one style for the whole axis: plain decimals for rates from 0.01 up, otherwise scientific
    /// notation with the same mantissa form (2.5e-4, 5e-5, 0).</summary>
    internal static Func<double, string> TickFormat(double largest) => largest >= 0.01 && largest < 1e4
        ? v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
        : v => v == 0 ? "0" : v.ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The label of a log axis tick at log10 value <paramref name="exponent"/>: the rate it stands for, as a
    /// decimal from 0.01 to 1000 and as 1e-4 beyond.</summary>
    internal static string LogTickFormat(double exponent)
    {
        double rate = Math.Pow(10, Math.Round(exponent, 6));
        return exponent is >= -2 and <= 3
            ? rate.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
            : rate.ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal);
    }

    /// <summary>The format named by a file's extension.</summary>
    public static string FormatOf(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch
    {
        "png" => "png",
        "svg" => "svg",
        var other => throw new CliInputException($"--out must end in .png or .svg, not '{(other.Length == 0 ? path : "." + other)}'"),
    };
}
