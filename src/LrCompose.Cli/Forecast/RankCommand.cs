using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using LrCompose.Forecast;

namespace LrCompose.Cli.Forecast;

/// <summary><c>rank LAW RECIPE… [--at STEP] [--json]</c>: the recipes from the lowest predicted loss to the highest,
/// each with its band (the lowest and highest prediction of the law and its leave-one-run-out refits).</summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var law = new Argument<string>("law") { Description = "A fitted law (the JSON that fit --out writes)" };
        var recipes = new Argument<string[]>("recipe") { Description = "The recipes to rank", Arity = ArgumentArity.OneOrMore };
        var at = new Option<long?>("--at") { Description = "The step to compare at (default: each recipe's last step)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table" };
        var command = new Command("rank", "Rank recipes by the loss a fitted law predicts for them.") { law, recipes, at, json };
        command.SetAction(parse => ForecastInput.Guarded(() =>
        {
            var (fitted, band) = ForecastInput.Law(parse.GetValue(law)!);
            var ranking = ScheduleRanking.Rank(fitted, band, parse.GetValue(recipes)!.Select(t => Recipe.Read(t).Schedule).ToList(), parse.GetValue(at));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var list = new JsonArray();
                foreach (var r in ranking)
                    list.Add(new JsonObject { ["schedule"] = r.Schedule.ToString(), ["step"] = r.Step, ["loss"] = r.Loss, ["low"] = r.Low, ["high"] = r.High });
                writer.WriteLine(new JsonObject { ["ranking"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                writer.WriteLine($"{"rank",4}  {"loss",8}  {"band",19}  {"step",8}  recipe");
                int i = 1;
                foreach (var r in ranking)
                    writer.WriteLine($"{i++,4}  {ForecastInput.F(r.Loss),8}  [{ForecastInput.F(r.Low)}, {ForecastInput.F(r.High)}]  {r.Step,8}  {r.Schedule}");
            }
            return CliApp.Ok;
        }));
        return command;
    }
}
