using System.Diagnostics;

namespace LrCompose.Packaging.Tests;

/// <summary>Runs a program to the end and returns its exit code and everything it printed.</summary>
internal static class Processes
{
    public static (int Code, string Output) Run(string directory, string program, params string[] arguments) =>
        Run(directory, program, new Dictionary<string, string>(), arguments);

    public static (int Code, string Output) Run(string directory, string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 15 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// Runs and requires exit code 0, failing with what it printed otherwise. A <c>dotnet</c> command whose restore
    /// failed without a reason (NuGet's "RestoreTask returned false but did not log an error", seen when another test
    /// project restores into the same package folder at the same moment) is run again, twice at most: that failure is
    /// the machine's, not the package's, and any other failure still fails at once.
    /// </summary>
    public static string Succeed(string directory, string program, params string[] arguments)
    {
        for (int attempt = 1; ; attempt++)
        {
            var (code, output) = Run(directory, program, arguments);
            if (code == 0) return output;
            bool silentRestoreFailure = program == "dotnet" && output.Contains("Failed to restore", StringComparison.Ordinal)
                                        && output.Contains("did not log an error", StringComparison.Ordinal);
            if (!silentRestoreFailure || attempt == 3)
                Assert.Fail($"{program} {string.Join(' ', arguments)} exited {code}:\n{output}");
        }
    }
}
