using System.Globalization;
using System.Reflection;
using LrCompose.Core;

namespace LrCompose.Tests.Support;

/// <summary>
/// Random calls of any word, drawn from nothing but its parameter list (<see cref="WordParameters"/>): the same values
/// written as a text recipe and as the C# call, so a new word is exercised by the properties that use this with no
/// line of its own. Values come from small pools per kind; a draw that breaks one of the word's rules is simply refused
/// by the text binder, and the caller keeps the others.
/// </summary>
internal static class WordCalls
{
    /// <summary>One call: its text recipe and its C# expression.</summary>
    internal sealed record Call(string Word, string Text, string CSharp);

    /// <summary>Finite inputs for combinators and schedule arguments: (text, C#).</summary>
    private static readonly (string Text, string CSharp)[] Inputs =
    [
        ("linear 50 from=0.1 to=0.01", "Schedules.Linear(50, 0.1, 0.01)"),
        ("cosine 80 peak=0.2 floor=0.02", "Schedules.Cosine(80, 0.2, 0.02)"),
        ("take 30 (constant 0.05)", "Schedules.Constant(0.05).Take(30)"),
        ("warmup 10 >> cosine 40 peak=0.3", "(Schedules.Warmup(10) >> Schedules.Cosine(40, 0.3))"),
    ];

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string CsDouble(double v) => D(v) + (v == Math.Floor(v) && !D(v).Contains('E') ? ".0" : "");

    /// <summary>A random call of <paramref name="entry"/>; optional parameters are left out about half the time (the
    /// C# call then passes the listed default, which <c>WordParameterTests</c> holds to the C# one).</summary>
    public static Call Draw(VocabularyEntry entry, Random random)
    {
        var positional = new List<string>();
        var named = new List<string>();
        var inputs = new List<string>();
        var csharp = new List<string>();
        int listLength = 1 + random.Next(2);
        foreach (var p in entry.Parameters)
        {
            bool omit = !p.Required && random.Next(2) == 0;
            var (text, code) = omit ? (null, Default(p)) : Value(p, random, listLength);
            if (p.Kind == ParameterKind.Schedules)
            {
                inputs.AddRange(text!.Split('\n'));
                csharp.Add(p.Name + ": " + code);
                continue;
            }
            csharp.Add(p.Name + ": " + code);
            if (text is null) continue;
            if (p.Positional) positional.Add(text);
            else named.Add(p.Text + "=" + text);
        }
        string receiverText = "", receiverCode = "";
        if (entry.Owner == "Schedule")
        {
            var input = Inputs[random.Next(Inputs.Length)];
            (receiverText, receiverCode) = (input.Text, "(" + input.CSharp + ").");
            inputs.Insert(0, input.Text);
        }
        var owner = entry.Owner == "Schedule" ? "" : "LrCompose." + entry.Owner + ".";
        string call = receiverCode + owner + entry.Member + "(" + string.Join(", ", csharp) + ")" + (ReturnsPair(entry) ? ".LearningRate" : "");
        string recipe = string.Join(" ", new[] { entry.Text }.Concat(positional).Concat(named).Concat(inputs.Select(i => "(" + i + ")")));
        if (IsLead(entry))
        {
            // A warmup or hold is not a schedule until it leads into one (here one that is not a warmup itself: a chain
            // of leads is the composed generators' business).
            var next = Inputs[random.Next(Inputs.Length - 1)];
            (recipe, call) = (recipe + " >> " + next.Text, "(" + call + " >> " + next.CSharp + ")");
        }
        return new Call(entry.Text, recipe, call);
    }

    private static bool IsLead(VocabularyEntry entry) =>
        entry.Owner == "Schedules" && typeof(Schedules).GetMethods().Any(m => m.Name == entry.Member && m.ReturnType == typeof(Lead));

    private static bool ReturnsPair(VocabularyEntry entry) =>
        entry.Owner == "Recipes" && typeof(Recipes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => m.Name == entry.Member && m.ReturnType == typeof(RateAndMomentum));

    private static string Default(WordParameter p) => p.Default switch
    {
        null => "null",
        double d => CsDouble(d),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        bool b => b ? "true" : "false",
        Enum e => e.GetType().Name + "." + e,
        var other => other.ToString()!,
    };

    private static (string Text, string CSharp) Value(WordParameter p, Random random, int listLength)
    {
        switch (p.Kind)
        {
            case ParameterKind.Steps:
            {
                long v = new long[] { 1, 2, 7, 10, 25, 40, 97, 300 }[random.Next(8)];
                return (v.ToString(CultureInfo.InvariantCulture), v + "L");
            }
            case ParameterKind.Count:
            {
                int v = 1 + random.Next(6);
                return (v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture));
            }
            case ParameterKind.Rate:
            {
                double v = new[] { 0.0, 0.001, 0.01, 0.05, 0.1, 0.3, 1.0 }[random.Next(7)];
                return (D(v), CsDouble(v));
            }
            case ParameterKind.Number:
            {
                double v = new[] { 0.5, 0.9, 1.0, 1.5, 2.0, 0.51, 3.0 }[random.Next(7)];
                return (D(v), CsDouble(v));
            }
            case ParameterKind.Option:
            {
                var values = Enum.GetValues(p.Default!.GetType());
                var v = (Enum)values.GetValue(random.Next(values.Length))!;
                return (Vocabulary.Kebab(v.ToString()), v.GetType().Name + "." + v);
            }
            case ParameterKind.Flag:
            {
                bool v = random.Next(2) == 0;
                return (v ? "true" : "false", v ? "true" : "false");
            }
            case ParameterKind.StepList:
            {
                var steps = Enumerable.Range(0, listLength).Select(_ => (long)(5 + random.Next(60))).Order().ToArray();
                return ("[" + string.Join(", ", steps) + "]", "new long[] { " + string.Join(", ", steps) + " }");
            }
            case ParameterKind.NumberList:
            {
                var values = Enumerable.Range(0, listLength + 1).Select(_ => new[] { 0.01, 0.1, 0.5 }[random.Next(3)]).ToArray();
                return ("[" + string.Join(", ", values.Select(D)) + "]", "new double[] { " + string.Join(", ", values.Select(CsDouble)) + " }");
            }
            case ParameterKind.Knots:
            {
                var at = new[] { 0.0, 12.5, 40.0 };
                var values = at.Select(_ => new[] { 0.01, 0.1, 0.5 }[random.Next(3)]).ToArray();
                return ("[" + string.Join(", ", at.Zip(values, (a, v) => D(a) + ":" + D(v))) + "]",
                    "new Knot[] { " + string.Join(", ", at.Zip(values, (a, v) => "new Knot(" + CsDouble(a) + ", " + CsDouble(v) + ")")) + " }");
            }
            case ParameterKind.Schedules:
            {
                // An array parameter takes one input more than the lists have boundaries; a single one takes one.
                bool array = p.Name is "phases" or "schedules";
                var chosen = Enumerable.Range(0, array ? listLength + 1 : 1).Select(_ => Inputs[random.Next(Inputs.Length)]).ToArray();
                string code = array ? "new Schedule[] { " + string.Join(", ", chosen.Select(c => c.CSharp)) + " }" : chosen[0].CSharp;
                return (string.Join("\n", chosen.Select(c => c.Text)), code);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "no values for this kind");
        }
    }

    /// <summary>The schedule of a random call of a random word (drawn again until the binder accepts one): every word
    /// of the vocabulary, from its parameter list alone.</summary>
    public static Schedule AnyWord(int seed)
    {
        var random = new Random(seed);
        var words = Vocabulary.All.Where(e => e.Kind != ScheduleKind.Map).ToArray();
        while (true)
        {
            var call = Draw(words[random.Next(words.Length)], random);
            try
            {
                return Schedule.Parse(call.Text);
            }
            catch (RecipeFormatException)
            {
                // Broke one of the word's rules: draw again.
            }
        }
    }

    /// <summary>Up to <paramref name="perWord"/> calls of every word the text can read, each one the text binder
    /// accepts, from at most <paramref name="tries"/> draws per word.</summary>
    public static IReadOnlyList<Call> Valid(int seed, int perWord, int tries)
    {
        var random = new Random(seed);
        var calls = new List<Call>();
        foreach (var entry in Vocabulary.All.Where(e => e.Kind != ScheduleKind.Map))
        {
            int found = 0;
            for (int i = 0; i < tries && found < perWord; i++)
            {
                var call = Draw(entry, random);
                try
                {
                    Schedule.Parse(call.Text);
                    calls.Add(call);
                    found++;
                }
                catch (RecipeFormatException)
                {
                    // A draw that breaks one of the word's rules (a floor above the peak, a warmup longer than the run).
                }
            }
        }
        return calls;
    }
}
