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
        var root = Root();
        var commands = root.Subcommands.Select(c => c.Name).ToArray();
        // Bare `lrcompose` is a request for help, not an error.
        if (args.Length == 0) args = ["--help"];
        // An unknown command is named, with the commands there are (System.CommandLine would only say one is missing).
        if (!args[0].StartsWith('-') && !commands.Contains(args[0]))
        {
            string near = commands.FirstOrDefault(c => Typo.Distance(c, args[0]) <= 2) is { } guess ? $" (did you mean {guess}?)" : "";
            error.WriteLine($"error: unknown command '{args[0]}'{near}; the commands are {string.Join(", ", commands)} (lrcompose --help)");
            return BadInput;
        }
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the first problem (System.CommandLine lists a choice's values on lines of their own), and how many more.
            string more = parsed.Errors.Count > 1 ? $" (and {parsed.Errors.Count - 1} more)" : "";
            error.WriteLine($"error: {Readable(OneLine(parsed.Errors[0].Message))}{more}");
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
        catch (LrCompose.Configs.ConfigFormatException e)
        {
            // file:line:column: key: what is wrong — one line.
            error.WriteLine($"error: {e.Message}");
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

    /// <summary>System.CommandLine names a number option's .NET type when the text is not one
    /// (<c>System.Nullable`1[System.Int64]</c>); say what the option takes instead.</summary>
    private static string Readable(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'");
        if (!m.Success) return message;
        string type = m.Groups["type"].Value;
        string takes = type.Contains("Int64") ? $"a whole number from {long.MinValue} to {long.MaxValue}"
            : type.Contains("Int32") ? $"a whole number from {int.MinValue} to {int.MaxValue}"
            : type.Contains("Double") ? "a number" : "a value of another kind";
        return $"{m.Groups["option"].Value} takes {takes}, not '{m.Groups["value"].Value}'";
    }

    /// <summary>The command tree.</summary>
    internal static RootCommand Root() => new("lrcompose: learning-rate schedules as recipes you can plot, describe, tabulate and compare.")
    {
        PlotCommand.Create(),
        DescribeCommand.Create(),
        TableCommand.Create(),
        CompareCommand.Create(),
        PresetsCommand.Create(),
        ConformanceCommand.Create(),
        ImportCommand.Create(),
        ExportCommand.Create(),
        LrFindCommand.Create(),
        ExploreCommand.Create(),
        WarmupStudyCommand.Create(),
        Forecast.FitCommand.Create(),
        Forecast.PredictCommand.Create(),
        Forecast.RankCommand.Create(),
        Forecast.OptimizeCommand.Create(),
    };

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
}

/// <summary>How far apart two words are (edits of one character), to suggest the word that was meant.</summary>
internal static class Typo
{
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}

/// <summary>Bad command-line input other than a recipe (a file type, a number out of range).</summary>
internal sealed class CliInputException(string message) : Exception(message);
