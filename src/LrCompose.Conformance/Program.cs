// Runs a peer-parity reference file: one line per case and a closing "N passed, M failed"; exit 1 on any failure.
using LrCompose.Conformance;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: LrCompose.Conformance <reference.json>");
    return 2;
}
if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"no such file: {args[0]}");
    return 2;
}
var report = ConformanceRunner.RunFile(args[0]);
foreach (var result in report.Results) Console.WriteLine(result);
Console.WriteLine(report.Summary);
return report.Failed == 0 ? 0 : 1;
