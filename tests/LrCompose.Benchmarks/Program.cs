// Run: dotnet run -c Release --project tests/LrCompose.Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LrCompose.Benchmarks.ScheduleBenchmarks).Assembly).Run(args);
