using ScottPlot;

namespace LrCompose.Cli.Forecast;

/// <summary>Predicted loss curves, each with its real curve (dots) and its band (shaded) when they are known.</summary>
internal static class ForecastCharts
{
    public sealed record Curve(string Label, long[] Steps, double[] Loss, long[]? RealSteps, double[]? RealLoss, double[]? Low = null, double[]? High = null);

    public static byte[] Render(IReadOnlyList<Curve> curves, string format, string title)
    {
        var plot = new Plot();
        plot.Title(title, 13);
        plot.XLabel("step");
        plot.YLabel("training loss");
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var color = palette.GetColor(i);
            if (c.Low is not null && c.High is not null)
            {
                var band = plot.Add.FillY(c.Steps.Select(s => (double)s).ToArray(), c.Low, c.High);
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            if (c.RealSteps is not null && c.RealLoss is not null)
            {
                var dots = plot.Add.ScatterPoints(c.RealSteps.Select(s => (double)s).ToArray(), c.RealLoss);
                dots.Color = color.WithAlpha(0.45);
                dots.MarkerSize = 3;
            }
            var line = plot.Add.ScatterLine(c.Steps.Select(s => (double)s).ToArray(), c.Loss);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = Charts.Shorten(c.Label, 60);
        }
        // The interesting part is the end of the curves, not the fast drop after the warmup.
        double low = curves.Min(c => Math.Min(Math.Min(c.Loss.Min(), c.Low?.Min() ?? double.PositiveInfinity), c.RealLoss?.Min() ?? double.PositiveInfinity));
        double high = curves.Max(c => c.Loss[Math.Min(c.Loss.Length - 1, c.Loss.Length / 10)]);
        plot.Axes.SetLimitsY(low - 0.02, Math.Max(high, low + 0.1) + 0.02);
        plot.ShowLegend(Edge.Bottom);
        return format == "png" ? plot.GetImageBytes(Charts.Width, Charts.Height, ImageFormat.Png) : System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Charts.Width, Charts.Height + 100));
    }

    /// <summary>Per-step schedules: the rate against the step.</summary>
    public static byte[] RenderRates(IReadOnlyList<(string Label, double[] Rates)> series, string format, string title)
    {
        var plot = new Plot();
        plot.Title(title, 13);
        plot.XLabel("step");
        plot.YLabel("learning rate");
        foreach (var (label, rates) in series)
        {
            // Every 8th step and the last ones: enough for the eye, a much smaller file.
            var steps = Enumerable.Range(0, rates.Length).Where(k => k % 8 == 0 || k >= rates.Length - 64).ToArray();
            var line = plot.Add.ScatterLine(steps.Select(k => (double)k).ToArray(), steps.Select(k => rates[k]).ToArray());
            line.LineWidth = 2;
            line.LegendText = Charts.Shorten(label, 90);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Charts.TickFormat(series.Max(s => s.Rates.Max())) };
        plot.ShowLegend(Edge.Bottom);
        return format == "png" ? plot.GetImageBytes(Charts.Width, Charts.Height, ImageFormat.Png) : System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Charts.Width, Charts.Height + 60));
    }
}
