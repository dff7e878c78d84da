using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LrCompose.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LrCompose.Cli.Explore;

/// <summary>
/// The explorer's local web server: one page and a small JSON/SVG API over the library. It binds to the loopback
/// address only, refuses requests whose Host is not a loopback name (DNS rebinding), limits recipe length, recipes per
/// chart and steps, and reads and writes no files (the runs whose real curves a forecast draws are read once, before
/// it starts, by the command that starts it).
/// </summary>
internal static class ExploreServer
{
    public const int MaxRecipeLength = 2_000;
    public const int MaxRecipes = 8;
    public const long MaxSteps = 10_000_000;

    /// <summary>The app, listening on 127.0.0.1 at <paramref name="port"/> (0: any free port); a forecast of a schedule
    /// that one of <paramref name="runs"/> was trained with draws that run's real curve.</summary>
    public static WebApplication Build(int port, IReadOnlyList<LrCompose.Forecast.Run>? runs = null)
    {
        IReadOnlyList<LrCompose.Forecast.Run> known = runs ?? [];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackHost(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("this server answers only to localhost, 127.0.0.1 or [::1]");
                return;
            }
            await next();
        });
        app.MapGet("/", () => Results.Content(Page(), "text/html; charset=utf-8"));
        app.MapGet("/api/recipe", (HttpRequest request) => Answer(() => Recipe(request.Query["r"].ToString(), request.Query["observations"].ToString())));
        app.MapGet("/api/chart", (HttpRequest request) => Answer(() => Chart(request.Query["r"].Select(r => r ?? "").ToArray(),
            request.Query["log"] == "1", request.Query["momentum"] == "1", request.Query["steps"].ToString())));
        app.MapGet("/api/range-test", (HttpRequest request) => Answer(() => RangeTestPanel(request.Query["model"].ToString(), request.Query["rules"].ToString())));
        app.MapGet("/api/train", (HttpRequest request) => Answer(() => TrainPanel(request.Query["model"].ToString(), request.Query["r"].Select(r => r ?? "").ToArray())));
        app.MapGet("/api/warmup", (HttpRequest request) => Answer(() => WarmupPanel(request.Query["r"].ToString())));
        app.MapGet("/api/forecast", (HttpRequest request) => Answer(() => ForecastAnswer(request.Query["r"].ToString(), request.Query["law"].ToString(), known)));
        return app;
    }

    /// <summary>localhost, 127.0.0.1 (or any 127.x address) and [::1]; anything else is refused.</summary>
    internal static bool IsLoopbackHost(string host) =>
        host is "localhost" or "[::1]" or "::1" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static string Page()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("explore.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IResult Answer(Func<IResult> build)
    {
        try
        {
            return build();
        }
        catch (RecipeFormatException e)
        {
            return Results.Json(new { ok = false, error = e.Problem, recipe = e.Recipe, position = e.Position }, statusCode: 400);
        }
        catch (CliInputException e)
        {
            return Results.Json(new { ok = false, error = e.Message }, statusCode: 400);
        }
    }

    private static string Limited(string recipe) => recipe.Length <= MaxRecipeLength
        ? recipe
        : throw new CliInputException($"a recipe may have at most {MaxRecipeLength} characters, this one has {recipe.Length}");

    private static long? Steps(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long steps) || steps < 1 || steps > MaxSteps)
            throw new CliInputException($"steps must be a whole number from 1 to {MaxSteps:N0}, not '{text}'");
        return steps;
    }

    /// <summary>A recipe's canonical text, its numbers (for sliders) and the describe facts.</summary>
    private static IResult Recipe(string text, string observations)
    {
        var recipe = Cli.Recipe.Read(Limited(text), null);
        long horizon = Math.Min(recipe.Horizon(null), MaxSteps);
        var report = ScheduleReport.Of(recipe.Schedule, horizon);
        return Results.Json(new
        {
            ok = true,
            printed = recipe.Schedule.ToString(),
            numbers = LiveSchedule.IsLive(text) ? [] : RecipeNumbers.Find(text),
            facts = new { peak = report.Peak.Value, peakStep = report.Peak.Step, minimum = report.Minimum.Value, final = report.Final, area = report.Area, steps = horizon },
            phases = recipe.Schedule.Phases.Select(p => new { start = p.Start, length = p.Length }),
        });
    }

    /// <summary>
    /// Several recipes on one chart, as SVG, each with its mirrored momentum on a right axis when asked (as
    /// <c>plot --momentum</c>); a recipe that does not read is a 400 with the caret message.
    /// </summary>
    private static IResult Chart(string[] recipes, bool log, bool momentum, string steps)
    {
        if (recipes.Length == 0) throw new CliInputException("give at least one recipe");
        if (recipes.Length > MaxRecipes) throw new CliInputException($"at most {MaxRecipes} recipes on one chart");
        var read = recipes.Select(r => Cli.Recipe.Read(Limited(r))).ToList();
        long horizon = Steps(steps) ?? Math.Min(read.Max(r => r.Horizon(null)), MaxSteps);
        var series = read.Select(r => new Series(r.Text, r.Schedule)).ToList();
        if (momentum) series.AddRange(read.Select(r => new Series("momentum of " + r.Text, r.Momentum, RightAxis: true)));
        byte[] svg = Charts.Render(series, horizon, "svg", log, read.Count == 1 ? read[0].Schedule.ToString() : $"{read.Count} schedules");
        return Results.Bytes(svg, "image/svg+xml");
    }

    /// <summary>The predicted loss curve of one recipe (see <see cref="ForecastPanel"/>), its final loss and band.</summary>
    private static IResult ForecastAnswer(string text, string law, IReadOnlyList<LrCompose.Forecast.Run> runs)
    {
        var result = ForecastPanel.Predict(Cli.Recipe.Read(Limited(text)), law, runs);
        return Results.Json(new
        {
            ok = true,
            law = result.Law.Name,
            finalStep = result.Steps[^1],
            final = result.Loss[^1],
            low = result.Low?[^1],
            high = result.High?[^1],
            points = result.Steps.Length,
            real = result.Real?.Log,
            svg = System.Text.Encoding.UTF8.GetString(result.Svg),
        });
    }

    private static IResult RangeTestPanel(string model, string rules)
    {
        var which = rules == "torch-lr-finder" ? RangeTestRules.TorchLrFinder : RangeTestRules.Fastai;
        var result = Simulations.RangeTest(model, which);
        byte[] svg = Charts.RenderRangeTest(result, "svg", $"range test on the {model} model, {(which == RangeTestRules.Fastai ? "fastai" : "torch-lr-finder")} rules");
        return Results.Json(new { ok = true, recorded = result.Recorded, kept = result.Kept, suggestions = result.Suggestions, svg = System.Text.Encoding.UTF8.GetString(svg) });
    }

    private static IResult TrainPanel(string model, string[] recipes)
    {
        if (recipes.Length == 0 || recipes.Length > MaxRecipes) throw new CliInputException($"give 1 to {MaxRecipes} recipes");
        var read = recipes.Select(r => Cli.Recipe.Read(Limited(r))).ToList();
        var curves = read.Select(r => Simulations.Train(model, r.Schedule)).ToList();
        // λ_max about twenty times a run, with the rate there: the reader can set η·λ_max against 2.
        var sharpness = read.Zip(curves, (r, c) =>
        {
            var (steps, values) = Simulations.SharpnessOverTraining(model, r.Schedule, Math.Max(1, c.Length / 20));
            return new { steps, values, rates = steps.Select(t => r.Schedule.Rate(t)) };
        }).ToList();
        byte[] svg = Charts.RenderLosses(read.Select(r => r.Text).ToList(), curves, "svg", $"training loss on the {model} model");
        return Results.Json(new { ok = true, finalLosses = curves.Select(c => c[^1]), sharpness, svg = System.Text.Encoding.UTF8.GetString(svg) });
    }

    /// <summary>
    /// The warmup panel: the recipe and the recipe without its warmup trained on the sharp network (seed 1), the loss
    /// curves, λ_max over training against each run's 2/η(t), and where each rate first crossed its run's limit.
    /// </summary>
    private static IResult WarmupPanel(string text)
    {
        var demo = Training.WarmupDemo.Run(Cli.Recipe.Read(Limited(text)).Schedule);
        var c = demo.Comparison;
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        return Results.Json(new
        {
            ok = true,
            recipe = c.With.ToString(),
            without = c.Without.ToString(),
            warmupSteps = c.WarmupSteps,
            steps = c.Steps,
            peak = c.Peak,
            initialSharpness = demo.With.Sharpness[0],
            finalSharpness = demo.With.Sharpness[^1],
            finalWith = Finite(demo.With.Final),
            finalWithout = Finite(demo.Without.Final),
            trainedWith = demo.With.Trained,
            trainedWithout = demo.Without.Trained,
            unstableWith = Training.WarmupDemo.Unstable(demo.With, c.With),
            unstableWithout = Training.WarmupDemo.Unstable(demo.Without, c.Without),
            lossSvg = System.Text.Encoding.UTF8.GetString(Training.WarmupCharts.Losses(demo, "svg")),
            sharpnessSvg = System.Text.Encoding.UTF8.GetString(Training.WarmupCharts.Sharpness(demo, "svg")),
        });
    }
}
