using LrCompose.Cli;

namespace LrCompose.Tests.Support;

/// <summary>Runs the command line in-process with its own writers: the exit code, what it printed and its errors.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
