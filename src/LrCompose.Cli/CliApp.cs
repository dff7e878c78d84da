using System.CommandLine;
using LrCompose.Text;

namespace LrCompose.Cli;

/// <summary>
/// The command tree. Exit codes: 0 success, 1 a check failed (conformance), 2 bad input (an unreadable recipe, a bad
/// option). A failing command writes no file.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code when a check ran and failed.</summary>
    public const int CheckFailed = 1;
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the command line with the given writers (the tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("lrcompose: learning-rate schedules as recipes you can plot, describe, tabulate and compare.")
        {
            PlotCommand.Create(),
            DescribeCommand.Create(),
            TableCommand.Create(),
            CompareCommand.Create(),
            PresetsCommand.Create(),
            ConformanceCommand.Create(),
            LrFindCommand.Create(),
            ExploreCommand.Create(),
            Forecast.FitCommand.Create(),
            Forecast.PredictCommand.Create(),
            Forecast.RankCommand.Create(),
            Forecast.OptimizeCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the first problem (System.CommandLine lists a choice's values on lines of their own), and how many more.
            string more = parsed.Errors.Count > 1 ? $" (and {parsed.Errors.Count - 1} more)" : "";
            error.WriteLine($"error: {OneLine(parsed.Errors[0].Message)}{more}");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (RecipeFormatException e)
        {
            // One line saying what, then the recipe with a caret under where.
            error.WriteLine($"error: {e.Problem}");
            error.WriteLine("  " + e.Recipe);
            error.WriteLine("  " + new string(' ', Math.Min(e.Position, e.Recipe.Length)) + "^");
            return BadInput;
        }
        catch (CliInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // A file that cannot be read, or is not what it should be: bad input, one line.
            error.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e)
        {
            // Never a stack trace: anything unforeseen is one line and a failure exit code.
            error.WriteLine($"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            return CheckFailed;
        }
    }

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
}

/// <summary>Bad command-line input other than a recipe (a file type, a number out of range).</summary>
internal sealed class CliInputException(string message) : Exception(message);
