using System.Reflection;
using LrCompose.Cli.Forecast;
using LrCompose.Forecast;

namespace LrCompose.Cli.Explore;

/// <summary>
/// The explorer's forecast: a law's predicted loss curve of one recipe, with the law's band when it carries one and
/// the real curve of a run trained with exactly that schedule when the server was given runs. The default law is
/// embedded in the tool (an installed tool has no repository beside it): the fit of the shipped 25M runs, as
/// <c>lrcompose fit docs/data/gpt-25m-runs.json --out</c> writes it, band included.
/// </summary>
internal static class ForecastPanel
{
    /// <summary>The longest schedule a forecast covers: its rates are summed step by step, so this bounds the work
    /// of one request to milliseconds.</summary>
    public const long MaxSteps = 200_000;

    /// <summary>A law given as JSON may have at most this many characters: it travels in the query string, which the
    /// server takes up to 8 KB, and a law with a band of three, compact, has about 850.</summary>
    public const int MaxLawLength = 4_000;

    /// <summary>The law's name in a request for the embedded fit of the shipped 25M runs (the default).</summary>
    public const string Shipped = "shipped";

    /// <summary>The law's name in a request for the 25M authors' own parameters (no band).</summary>
    public const string Authors = "authors";

    private static readonly Lazy<(ILossLaw Law, IReadOnlyList<ILossLaw> Band)> ShippedLaw = new(() => Embedded("gpt-25m-fitted-law.json"));
    private static readonly Lazy<(ILossLaw Law, IReadOnlyList<ILossLaw> Band)> AuthorsLaw = new(() => Embedded("gpt-25m-authors-law.json"));

    /// <summary>One forecast: the predicted curve at about 200 steps from the peak to the last step, its band, the
    /// matching run (or null), and the chart.</summary>
    public sealed record Result(ILossLaw Law, long[] Steps, double[] Loss, double[]? Low, double[]? High, Run? Real, byte[] Svg);

    /// <summary>The law a request names: <c>shipped</c> (or nothing), <c>authors</c>, or a law's JSON text.</summary>
    public static (ILossLaw Law, IReadOnlyList<ILossLaw> Band) Law(string law)
    {
        if (string.IsNullOrWhiteSpace(law) || law == Shipped) return ShippedLaw.Value;
        if (law == Authors) return AuthorsLaw.Value;
        if (law.Length > MaxLawLength) throw new CliInputException($"a law may have at most {MaxLawLength} characters, this one has {law.Length}");
        try
        {
            return (LawJson.Parse(law), LawJson.ParseBand(law));
        }
        catch (FormatException e)
        {
            throw new CliInputException($"the law does not read: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"the law does not read: {e.Message.Split(" (Parameter '")[0]}");
        }
    }

    /// <summary>The forecast of <paramref name="recipe"/> with <paramref name="law"/> (see <see cref="Law"/>), the real
    /// curve drawn when one of <paramref name="runs"/> was trained with the same schedule.</summary>
    /// <exception cref="CliInputException">The schedule goes on for ever, is longer than <see cref="MaxSteps"/>, has
    /// rates the law cannot take, or the law does not read.</exception>
    public static Result Predict(Recipe recipe, string law, IReadOnlyList<Run> runs)
    {
        var schedule = recipe.Schedule;
        long length = schedule.Length
            ?? throw new CliInputException($"'{schedule}' goes on for ever: end it (for example '|> take 24000') to forecast its loss");
        if (length > MaxSteps) throw new CliInputException($"a forecast covers at most {MaxSteps:N0} steps, this schedule has {length:N0}");
        var (fitted, band) = Law(law);
        long[] steps = ForecastInput.Steps(schedule, null);
        double[] loss;
        double[]? low = null, high = null;
        try
        {
            loss = fitted.Predict(schedule, steps);
            if (band.Count > 0)
            {
                // As ScheduleRanking does at one step: the band is the lowest and highest of the law and its refits.
                low = (double[])loss.Clone();
                high = (double[])loss.Clone();
                foreach (var other in band)
                {
                    double[] value = other.Predict(schedule, steps);
                    for (int i = 0; i < steps.Length; i++)
                    {
                        low[i] = Math.Min(low[i], value[i]);
                        high[i] = Math.Max(high[i], value[i]);
                    }
                }
            }
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"the {fitted.Name} law cannot forecast '{schedule}': {e.Message.Split(" (Parameter '")[0]}");
        }
        string printed = schedule.ToString();
        var real = runs.FirstOrDefault(r => r.Schedule.ToString() == printed);
        var curve = new ForecastCharts.Curve(recipe.Text, steps, loss, real is null ? null : [.. real.Curve.Steps], real is null ? null : [.. real.Curve.Losses], low, high);
        string title = $"predicted loss ({fitted.Name} law{(band.Count > 0 ? ", band of its refits" : "")}{(real is null ? "" : ", dots: " + real.Log)})";
        return new Result(fitted, steps, loss, low, high, real, ForecastCharts.Render([curve], "svg", title));
    }

    private static (ILossLaw, IReadOnlyList<ILossLaw>) Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        return (LawJson.Parse(text), LawJson.ParseBand(text));
    }
}
