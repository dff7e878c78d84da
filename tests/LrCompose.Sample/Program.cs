// Evaluates each compiled recipe through a generic constraint (no virtual calls) and checks it against the
// runtime schedule it was compiled from. Exit code 1 on any difference.
using LrCompose;
using LrCompose.Sample;

int failures = 0;
failures += Check<TrainingRecipes.Gpt2Schedule>("gpt2", 250_000);
failures += Check<TrainingRecipes.OneCycleSchedule>("one-cycle", 100);
failures += Check<TrainingRecipes.ResNetSchedule>("resnet50", 450_450);
failures += Check<TrainingRecipes.WsdSchedule>("wsd", 10_000);
failures += Check<TrainingRecipes.RestartsSchedule>("sgdr", 15_000);
failures += Check<TrainingRecipes.NoamSchedule>("noam", 100_000);
failures += Check<TrainingRecipes.OneCycleMomentumSchedule>("momentum", 10_000);
return failures == 0 ? 0 : 1;

static int Check<T>(string name, long steps) where T : struct, ICompiledSchedule
{
    var compiled = default(T);
    var runtime = compiled.ToSchedule();
    long differences = 0;
    for (long t = 0; t < steps; t += 1 + t / 100) if (compiled.Rate(t) != runtime.Rate(t)) differences++;
    Console.WriteLine($"{name,-10} {runtime}  rate(1000)={compiled.Rate(1000):G6}  differences={differences}");
    return differences == 0 ? 0 : 1;
}
