using FsCheck;
using FsCheck.Fluent;
using LrCompose.Cli;
using LrCompose.Tests.Support;

namespace LrCompose.Tests.Reliability;

/// <summary>
/// The command line fed wrong arguments, unreadable and unwritable paths and malformed files: it always ends with exit
/// 0, 1 (a check failed) or 2 (bad input); a failure says so on stderr starting with <c>error:</c>, in one line (plus the
/// recipe and its caret for a recipe error), and never shows a stack trace.
/// </summary>
public sealed class CommandLineFuzzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrcompose-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Paths()
    {
        string malformed = Path.Combine(_dir, "malformed.csv");
        File.WriteAllText(malformed, "lr,loss\n0.1,x\n");
        string binary = Path.Combine(_dir, "binary.json");
        File.WriteAllBytes(binary, [0, 255, 1, 254, 2]);
        string empty = Path.Combine(_dir, "empty.csv");
        File.WriteAllText(empty, "");
        return [Path.Combine(_dir, "missing.csv"), _dir, malformed, binary, empty, "/proc/no/such", Path.Combine(_dir, "no", "dir", "x.svg"),
            Path.Combine(_dir, "out.svg"), Path.Combine(_dir, "out.txt"), Path.Combine(RepoPaths.Shared, "conformance", "lr-finder-public.json")];
    }

    private static readonly string[] Recipes =
        ["gpt2", "cosine 0 peak=0.1", "warmup 10 >>", "constant 1 >> constant 2", "cosine 100 peak=1e400", "((((", "", "lambda \"f\"",
         "until-plateau (constant 0.1) >> linear 10 from=0.1 to=0", "step from=0.1 gamma=0.5 every=10"];

    private static readonly string[] Words =
        ["plot", "describe", "table", "compare", "presets", "conformance", "lr-find", "--out", "--steps", "--every", "--format", "--json", "--rules",
         "--momentum", "--log-y", "--observations", "--with", "--iterations", "0", "-1", "9223372036854775807", "9223372036854775806",
         "9220000000000000001", "9223372036854775808", "-9223372036854775808", "abc", "1e9", "json", "csv", "xml",
         "fastai", "torch-lr-finder", "--help", "--nonsense"];

    [Fact]
    public void Whatever_the_arguments_one_line_an_exit_code_and_no_stack_trace()
    {
        var paths = Paths();
        var words = Words.Concat(Recipes).Concat(paths).ToArray();
        var commands = from command in Gen.Elements("plot", "describe", "table", "compare", "presets", "conformance", "lr-find", "bogus")
                       from rest in Gen.ListOf(Gen.Elements(words))
                       select rest.Take(6).Prepend(command).ToArray();
        Prop.ForAll(Arb.From(commands), args =>
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CliApp.Run(args, output, error);
            string all = output.ToString() + error.ToString();
            Assert.True(code is 0 or 1 or 2, $"{string.Join(' ', args)} exited {code}");
            Assert.DoesNotContain("   at ", all);
            Assert.DoesNotContain("Exception:", error.ToString());
            if (code == 2)
            {
                var lines = error.ToString().TrimEnd().Split('\n');
                Assert.StartsWith("error", lines[0]);
                // One line, or for a recipe error that line and the recipe with a caret under the place.
                Assert.True(lines.Length == 1 || (lines.Length == 3 && lines[2].TrimEnd().EndsWith('^')), $"{string.Join(' ', args)}:\n{error}");
            }
        }).Check(Law.Configure(300));
    }
}
