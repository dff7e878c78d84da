using System.Xml.Linq;
using LrCompose.Cli;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Cli;

/// <summary>
/// What a new user meets in the first hour at the command line: bounded work for any horizon, an unknown command
/// named, numbers described instead of .NET type names, the user's own file named, whole characters, errors that
/// agree with <see cref="RecipeFormatException.Position"/>, a metric-driven stage never silently dropped, one rule for
/// every combinator that changes a schedule from a step on, and charts whose axes and titles say what is drawn.
/// </summary>
public sealed class FirstContactTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-first-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Theory]
    [InlineData(9223372036854775807)]
    [InlineData(9220000000000000001)]
    [InlineData(4611686018427387905)]
    public void Sampling_a_horizon_near_long_MaxValue_is_bounded_and_inside_it(long horizon)
    {
        long[] steps = Sampling.Steps(Presets.Find("gpt2")!.Schedule, horizon);
        Assert.InRange(steps.Length, 2, 2_100);
        Assert.All(steps, t => Assert.InRange(t, 0, horizon - 1));
        Assert.Equal(horizon - 1, steps[^1]);
        Assert.Equal(steps.Order(), steps);
    }

    public static TheoryData<string[]> LongHorizons => new(
        ["plot", "gpt2", "--steps", "9223372036854775807", "--out", "{dir}/x.png"],
        ["plot", "gpt2", "--steps", "9220000000000000001", "--out", "{dir}/x.svg"],
        ["plot", "constant 0.1", "--steps", "9223372036854775807"],
        ["plot", "gpt2", "--with", "constant 0.1", "--steps", "9223372036854775807", "--out", "{dir}/x.svg"],
        ["compare", "gpt2", "constant 0.1", "--steps", "9223372036854775807", "--out", "{dir}/x.svg"]);

    [Theory, MemberData(nameof(LongHorizons))]
    public void Every_command_finishes_for_a_horizon_up_to_long_MaxValue(string[] args)
    {
        var (code, _, error) = Run(args.Select(a => a.Replace("{dir}", _dir)).ToArray());
        Assert.True(code is 0 or 2, error);
        if (code == 2) Assert.DoesNotContain("unexpected", error);
    }

    [Fact]
    public void Every_numeric_option_of_every_command_at_its_extremes_is_one_line_and_an_exit_code()
    {
        string[] extremes = ["-9223372036854775808", "-1", "0", "1", "9220000000000000001", "9223372036854775807", "9223372036854775808", "1e308", "NaN"];
        var numeric = CliApp.Root().Subcommands.Where(c => c.Name != "explore") // explore serves until stopped
            .SelectMany(c => c.Options.Where(o => Nullable.GetUnderlyingType(o.ValueType) is { } t && (t == typeof(long) || t == typeof(int) || t == typeof(double)))
                .Select(o => (Command: c.Name, Option: o.Name))).ToList();
        Assert.NotEmpty(numeric);
        var failures = new List<string>();
        foreach (var (command, option) in numeric)
            foreach (var recipe in new[] { "gpt2", "constant 0.1" })
                foreach (var value in extremes)
                {
                    string[] args = command is "compare" ? [command, recipe, "linear 10 from=0.1 to=0", option, value] : [command, recipe, option, value];
                    var (code, _, error) = Run(args);
                    var lines = error.TrimEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (code is not (0 or 2) || error.Contains("unexpected") || error.Contains("System.") || (code == 2 && lines.Length is not (1 or 3)))
                        failures.Add($"{string.Join(' ', args)} → {code}: {error}");
                }
        Assert.Empty(failures);
    }

    [Fact]
    public void An_unknown_command_is_named_with_the_commands_there_are()
    {
        var (code, _, error) = Run("plotz", "gpt2");
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("error: unknown command 'plotz' (did you mean plot?); the commands are plot, describe, table, compare, presets, conformance, import, export, lr-find, explore, warmup-study, fit, predict, rank, optimize (lrcompose --help)",
            error.Trim());
    }

    [Fact]
    public void Bare_lrcompose_prints_its_help()
    {
        var (code, output, error) = Run();
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output);
        Assert.Contains("plot", output);
    }

    [Fact]
    public void A_number_option_out_of_range_says_what_it_takes_not_a_type_name()
    {
        var (code, _, error) = Run("plot", "gpt2", "--steps", "9223372036854775808");
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("error: --steps takes a whole number from -9223372036854775808 to 9223372036854775807, not '9223372036854775808'", error.Trim());
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_named_as_the_user_gave_it()
    {
        var (code, _, error) = Run("plot", "gpt2", "--out", "/proc/x.png");
        Assert.Equal(CliApp.BadInput, code);
        Assert.StartsWith("error: cannot write /proc/x.png: ", error);
        Assert.DoesNotContain(".tmp", error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"cases\": 3}")]
    public void Conformance_on_a_file_without_cases_says_so(string json)
    {
        string path = Path.Combine(_dir, "empty.json");
        File.WriteAllText(path, json);
        var (code, _, error) = Run("conformance", path);
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal($"error: {path} is not a reference file (an object with a \"cases\" array): it has none at the top level", error.Trim());
    }

    [Fact]
    public void An_emoji_is_shown_whole()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("cosine 100 peak=0.1 😀"));
        Assert.Equal("expected end of input, found '😀'", e.Problem);
        var (_, _, error) = Run("describe", "cosine 100 peak=0.1 😀");
        Assert.Contains("found '😀'", error);
    }

    [Fact]
    public void The_message_position_is_the_Position()
    {
        var e = Assert.Throws<RecipeFormatException>(() => Schedule.Parse("cosine 100 peek=0.1"));
        Assert.Equal(11, e.Position);
        Assert.StartsWith("at offset 11: ", e.Message);
    }

    [Fact]
    public void A_whole_but_too_large_length_says_too_large()
    {
        var (code, _, error) = Run("describe", "cosine 1e30 peak=0.1");
        Assert.Equal(CliApp.BadInput, code);
        Assert.StartsWith("error: the length in steps must be at most 9223372036854775807, not 1e30", error);
    }

    [Theory]
    [InlineData("plot")]
    [InlineData("describe")]
    [InlineData("table")]
    public void A_stage_ending_on_observations_without_them_is_refused_not_dropped(string command)
    {
        var (code, output, error) = Run(command, "until-plateau (constant 0.1) >> linear 10 from=0.1 to=0");
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal("error: the until-plateau stage ends on what training observed: give --observations FILE (a CSV with columns step and metric), "
                     + "or the stages after it are never reached", error.Trim());
    }

    [Fact]
    public void Decay_at_and_retarget_share_one_rule_for_a_step_past_the_end()
    {
        var decay = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Schedules.Cosine(100, peak: 0.1).DecayAt(500, 10));
        var retarget = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Schedules.Cosine(100, peak: 0.1).Retarget(200, 300));
        Assert.Equal("at", decay.ParamName);
        Assert.Equal("at", retarget.ParamName);
        Assert.Equal("at was 500: it must be before the end of the 100-step schedule it decays.", decay.Message);
        Assert.Equal("at was 200: it must be before the end of the 100-step schedule it re-targets.", retarget.Message);
        Assert.Equal(Schedules.Cosine(100, peak: 0.1).Rate(50), Schedules.Cosine(100, peak: 0.1).DecayAt(99, 10).Rate(50));
        Assert.Equal(0.5, Schedules.Constant(1).DecayAt(500, 10, to: 0).Rate(505)); // a schedule with no end can decay anywhere
    }

    [Theory]
    [InlineData(-4, "1e-4")]
    [InlineData(-3, "1e-3")]
    [InlineData(-2, "0.01")]
    [InlineData(-1, "0.1")]
    [InlineData(0, "1")]
    [InlineData(-12, "1e-12")]
    public void Log_axis_ticks_are_labelled_with_the_rate(double exponent, string label) =>
        Assert.Equal(label, Charts.LogTickFormat(exponent));

    [Fact]
    public void A_log_chart_labels_rates_and_leaves_zeros_out_of_its_range()
    {
        string path = Path.Combine(_dir, "log.svg");
        var (code, _, error) = Run("plot", "warmup 100 >> cosine 900 peak=0.1", "--log-y", "--out", path);
        Assert.True(code == 0, error);
        var labels = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("0.1", labels);
        Assert.Contains("1e-4", labels);
        Assert.DoesNotContain("-4", labels); // a bare exponent
        Assert.DoesNotContain("1e-12", labels); // where the rate of 0 at step 0 used to be drawn
    }

    [Fact]
    public void A_chart_of_several_recipes_is_titled_with_all_of_them()
    {
        string path = Path.Combine(_dir, "two.svg");
        var (code, _, error) = Run("plot", "cosine 100 peak=0.1", "--with", "linear 100 from=0.1 to=0", "--out", path);
        Assert.True(code == 0, error);
        string text = XDocument.Load(path).ToString();
        Assert.Contains("cosine 100 peak=0.1 vs linear 100 from=0.1 to=0", text);
    }

    [Fact]
    public void The_same_chart_drawn_twice_is_the_same_svg()
    {
        var series = new[] { new Series("rate", Presets.Find("gpt2")!.Schedule) };
        byte[] first = Charts.Render(series, 1000, "svg", logY: false, "gpt2"), second = Charts.Render(series, 1000, "svg", logY: false, "gpt2");
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_terminal_chart_labels_zero_as_0()
    {
        var (code, output, _) = Run("plot", "warmup 10 >> constant 0.1");
        Assert.Equal(0, code);
        Assert.DoesNotContain("0E+0", output);
        Assert.Contains("         0 |", output);
    }
}
