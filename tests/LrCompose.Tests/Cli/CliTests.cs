using System.Buffers.Binary;
using System.Xml.Linq;
using LrCompose.Cli;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Cli;

/// <summary>Every command run in-process, with its output, files and exit code checked.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Plot_writes_a_png_of_the_chart_size()
    {
        string path = Path.Combine(_dir, "gpt2.png");
        var (code, output, _) = Run("plot", "gpt2", "--out", path);
        Assert.Equal(0, code);
        byte[] png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Charts.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(Charts.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Contains("wrote", output);
    }

    [Fact]
    public void Plot_writes_an_svg_with_a_line_per_series_and_labelled_axes()
    {
        string path = Path.Combine(_dir, "onecycle.svg");
        var (code, _, _) = Run("plot", "warmup 300 >> cosine 700 peak=0.1", "--out", path, "--momentum", "--log-y");
        Assert.Equal(0, code);
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(Charts.Width.ToString(), svg.Root.Attribute("width")!.Value);
        string text = svg.ToString();
        Assert.Contains("step", text);
        Assert.Contains("momentum", text);
    }

    [Fact]
    public void Plot_without_out_draws_in_the_terminal()
    {
        var (code, output, _) = Run("plot", "linear 100 from=1 to=0");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("|*"));
        Assert.Contains("99", output);
    }

    [Fact]
    public void A_bad_recipe_exits_2_with_a_caret_and_writes_nothing()
    {
        string path = Path.Combine(_dir, "never.png");
        var (code, _, error) = Run("plot", "warmup 10 >> cosin 90 peak=0.1", "--out", path);
        Assert.Equal(2, code);
        var lines = error.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("error: unknown schedule 'cosin'", lines[0]);
        Assert.Equal("  warmup 10 >> cosin 90 peak=0.1", lines[1]);
        Assert.Equal("  " + new string(' ', 13) + "^", lines[2]);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_bad_output_type_exits_2_and_writes_nothing()
    {
        string path = Path.Combine(_dir, "chart.gif");
        Assert.Equal(2, Run("plot", "gpt2", "--out", path).Code);
        Assert.False(File.Exists(path));
        Assert.Equal(2, Run("plot").Code);
        Assert.Equal(2, Run("table", "gpt2", "--format", "xml").Code);
    }

    [Fact]
    public void Describe_prints_the_phase_table_for_every_preset()
    {
        foreach (var preset in Presets.All)
        {
            var (code, output, _) = Run("describe", preset.Name);
            Assert.Equal(0, code);
            Assert.Contains("phase", output);
            Assert.Contains(preset.Schedule.ToString(), output);
            Assert.Contains("peak", output);
            Assert.Contains("area", output);
            foreach (var phase in preset.Schedule.Phases.Skip(1))
                Assert.Contains($"step {phase.Start}:", output);
        }
    }

    [Fact]
    public void Describe_reports_a_jump_as_discontinuous_and_a_warmup_join_as_continuous()
    {
        var (_, jumpy, _) = Run("describe", "linear 10 from=0 to=1 >> constant 5", "--steps", "30");
        Assert.Contains("DISCONTINUOUS", jumpy);
        var (_, smooth, _) = Run("describe", "warmup 10 >> cosine 90 peak=1");
        Assert.Contains("continuous", smooth);
        Assert.DoesNotContain("DISCONTINUOUS", smooth);
        Assert.Contains("area     " + Enumerable.Range(0, 100).Sum(t => Schedule.Parse("warmup 10 >> cosine 90 peak=1").Rate(t)).ToString("G6", System.Globalization.CultureInfo.InvariantCulture), smooth);
    }

    [Fact]
    public void Table_lists_csv_and_json()
    {
        var (code, csv, _) = Run("table", "step from=0.05 gamma=0.5 every=10", "--every", "10", "--steps", "40");
        Assert.Equal(0, code);
        Assert.Equal(["step,rate", "0,0.05", "10,0.025", "20,0.0125", "30,0.00625", "39,0.00625"], csv.TrimEnd().Split(Environment.NewLine));
        var (_, json, _) = Run("table", "warmup 5 count=from-one >> constant 0.08", "--every", "1", "--steps", "5", "--format", "json", "--momentum");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(5, doc.RootElement.GetArrayLength());
        Assert.Equal(0.016, doc.RootElement[0].GetProperty("rate").GetDouble(), 15);
        Assert.True(doc.RootElement[0].TryGetProperty("momentum", out _));
    }

    [Fact]
    public void Compare_reports_the_largest_difference_and_where()
    {
        var (code, output, _) = Run("compare", "constant 0.1", "linear 10 from=0.1 to=0 >> constant 0", "--steps", "20");
        Assert.Equal(0, code);
        Assert.Contains("largest difference 0.1 at step 10", output);
    }

    [Fact]
    public void Compare_chart_names_each_line_by_its_recipe()
    {
        string path = Path.Combine(_dir, "compare.svg");
        var (code, _, _) = Run("compare", "gpt2", "warmup 2000 >> linear 248000 from=2.5e-4 to=2.5e-5", "--out", path);
        Assert.Equal(0, code);
        string svg = File.ReadAllText(path);
        Assert.Contains("gpt2", svg);
        Assert.Contains("warmup 2000 &gt;&gt; linear 248000 from=2.5e-4 to=2.5e-5", svg);
        Assert.DoesNotContain("A vs B", svg);
    }

    [Theory]
    [InlineData(2.5e-4, new[] { 0, 8e-5, 1e-4, 2.5e-4 }, new[] { "0", "8e-5", "1e-4", "2.5e-4" })]
    [InlineData(0.1, new[] { 0, 0.02, 0.1 }, new[] { "0", "0.02", "0.1" })]
    public void Tick_labels_share_one_format(double largest, double[] ticks, string[] labels)
    {
        var format = Charts.TickFormat(largest);
        Assert.Equal(labels, ticks.Select(format).ToArray());
    }

    [Fact]
    public void Describe_with_observations_says_where_a_metric_driven_stage_ended_and_why()
    {
        string log = Path.Combine(_dir, "validation.csv");
        File.WriteAllText(log, "step,metric\n9,1.0\n19,0.5\n29,0.5\n39,0.5\n49,0.5\n");
        const string recipe = "warmup 5 >> until-plateau patience=1 (constant 0.1) >> linear 10 from=0.1 to=0";
        var (code, output, _) = Run("describe", recipe, "--observations", log, "--steps", "100");
        Assert.Equal(0, code);
        Assert.Contains("stage 2 (from step 5) ended at step 40: plateau after step 39", output);
        var (tableCode, table, _) = Run("table", recipe, "--observations", log, "--steps", "60", "--every", "10");
        Assert.Equal(0, tableCode);
        Assert.Contains("40,0.1", table);
        Assert.Contains("50,0", table);
        // Without the observations the plateau stage never ends: refused, not drawn without its cooldown.
        var (plain, _, _) = Run("describe", recipe, "--steps", "100");
        Assert.Equal(CliApp.BadInput, plain);
    }

    [Theory]
    [InlineData("step,metric\n9,abc\n", "row 2: metric is not a number: 'abc'")]
    [InlineData("step,loss\n9,1\n", "row 1: the header must name the columns step and metric")]
    [InlineData("step,metric\n9,1\n5,1\n", "row 3: step 5 comes before the previous row's step 9")]
    public void A_malformed_observation_log_is_one_line_and_exit_2(string text, string problem)
    {
        string log = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(log, text);
        var (code, output, error) = Run("plot", "until-metric below=0.1 (constant 0.1) >> constant 0.01", "--observations", log);
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(problem, error);
    }

    [Fact]
    public void Presets_lists_every_name()
    {
        var (code, output, _) = Run("presets");
        Assert.Equal(0, code);
        foreach (var preset in Presets.All) Assert.Contains(preset.Name, output);
    }

    [Fact]
    public void Conformance_runs_the_shared_file_and_exits_by_its_verdict()
    {
        var (code, output, _) = Run("conformance", RepoPaths.GoldenPublic);
        Assert.Equal(0, code);
        Assert.EndsWith("56 passed, 0 failed", output.TrimEnd());
        string bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, """{"cases":[{"id":"x","library":"torch 2.11.0","schedule":"StepLR","params":{"base_lr":0.1,"step_size":2},"steps":[0],"lr":[0.2]}]}""");
        Assert.Equal(1, Run("conformance", bad).Code);
        Assert.Equal(2, Run("conformance", Path.Combine(_dir, "missing.json")).Code);
    }
}
