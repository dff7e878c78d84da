// Compiled into both the LrCompose library and the LrCompose generator: the one list of every word's parameters —
// C# name, what kind of value, default, short aliases — that the text binder's defaults, the recipe numbers (which
// are whole), the parameter aliases and the docs' word table are read from, and that a test holds the C# signatures
// to. Keep it netstandard2.0-friendly.
using System;
using System.Collections.Generic;

namespace LrCompose.Core
{
    /// <summary>What a parameter's value is, as the text reads it and an editor shows it.</summary>
    internal enum ParameterKind
    {
        /// <summary>A whole number of steps (a length, a step, a shift): a C# <c>long</c>.</summary>
        Steps,
        /// <summary>A rate or another value of the schedule: a C# <c>double</c> within [0, 1e100].</summary>
        Rate,
        /// <summary>Any other real number (a factor, a power, a bound of tanh): a C# <c>double</c>.</summary>
        Number,
        /// <summary>A whole count that is not steps (cycles, stairs, a model width).</summary>
        Count,
        /// <summary>A member of one of the shared option enums, in kebab case.</summary>
        Option,
        /// <summary><c>true</c> or <c>false</c>.</summary>
        Flag,
        /// <summary>A list of whole steps in brackets.</summary>
        StepList,
        /// <summary>A list of numbers in brackets.</summary>
        NumberList,
        /// <summary>A list of knots <c>step:value</c> in brackets.</summary>
        Knots,
        /// <summary>Schedules in parentheses.</summary>
        Schedules,
    }

    /// <summary>One parameter of a word: its C# name (the text name is its kebab case), kind, default and aliases.</summary>
    internal sealed class WordParameter
    {
        public WordParameter(string name, ParameterKind kind, bool positional, bool required, object? defaultValue, string[] aliases)
        {
            Name = name;
            Text = Vocabulary.Kebab(name);
            Kind = kind;
            Positional = positional;
            Required = required;
            Default = defaultValue;
            Aliases = aliases;
        }

        /// <summary>The C# parameter name.</summary>
        public string Name { get; }

        /// <summary>The text key: the kebab case of <see cref="Name"/>.</summary>
        public string Text { get; }

        public ParameterKind Kind { get; }

        /// <summary>Written without a key in text (<c>cosine 100</c>, <c>scale 0.5</c>, the inputs in parentheses).</summary>
        public bool Positional { get; }

        /// <summary>No default: the text must give it.</summary>
        public bool Required { get; }

        /// <summary>The default when not <see cref="Required"/>: a <c>double</c>, <c>long</c>, <c>int</c>, <c>bool</c>,
        /// a member of a shared enum, or null (the parameter is nullable and left out).</summary>
        public object? Default { get; }

        /// <summary>Short keys also read in text.</summary>
        public string[] Aliases { get; }

        /// <summary>Whether numbers given for it must be whole.</summary>
        public bool IsWhole => Kind == ParameterKind.Steps || Kind == ParameterKind.Count || Kind == ParameterKind.StepList;
    }

    /// <summary>Every word's parameters, in the order of its C# method (the receiver of a combinator is not one).</summary>
    internal static class WordParameters
    {
        private static readonly string[] NoAliases = new string[0];

        private static WordParameter Need(string name, ParameterKind kind, params string[] aliases) =>
            new WordParameter(name, kind, false, true, null, aliases);

        private static WordParameter Given(string name, ParameterKind kind) => new WordParameter(name, kind, true, true, null, NoAliases);

        private static WordParameter Or(string name, ParameterKind kind, object? defaultValue, params string[] aliases) =>
            new WordParameter(name, kind, false, false, defaultValue, aliases);

        private static WordParameter[] P(params WordParameter[] parameters) => parameters;

        private static readonly Dictionary<ScheduleKind, WordParameter[]> ByKind = new Dictionary<ScheduleKind, WordParameter[]>
        {
            [ScheduleKind.Constant] = P(Given("value", ParameterKind.Rate)),
            [ScheduleKind.Linear] = P(Given("steps", ParameterKind.Steps), Need("from", ParameterKind.Rate), Need("to", ParameterKind.Rate)),
            [ScheduleKind.Cosine] = P(Given("steps", ParameterKind.Steps), Need("peak", ParameterKind.Rate), Or("floor", ParameterKind.Rate, 0.0),
                Or("exponent", ParameterKind.Number, 1.0), Or("kDecay", ParameterKind.Number, 1.0, "kdecay")),
            [ScheduleKind.Polynomial] = P(Given("steps", ParameterKind.Steps), Need("from", ParameterKind.Rate), Need("to", ParameterKind.Rate),
                Or("power", ParameterKind.Number, 1.0), Or("kDecay", ParameterKind.Number, 1.0, "kdecay")),
            [ScheduleKind.Exponential] = P(Need("from", ParameterKind.Rate), Need("rate", ParameterKind.Number), Or("every", ParameterKind.Steps, 1L),
                Or("staircase", ParameterKind.Flag, false), Or("begin", ParameterKind.Steps, 0L), Or("end", ParameterKind.Rate, null)),
            [ScheduleKind.StepDecay] = P(Need("from", ParameterKind.Rate), Need("gamma", ParameterKind.Number), Need("every", ParameterKind.Steps)),
            [ScheduleKind.MultiStep] = P(Need("from", ParameterKind.Rate), Need("gamma", ParameterKind.Number), Need("milestones", ParameterKind.StepList, "at")),
            [ScheduleKind.PiecewiseConstant] = P(Need("values", ParameterKind.NumberList), Need("boundaries", ParameterKind.StepList, "at")),
            // The text reads kind=linear when it is left out; the C# method asks for it (it comes before the knots).
            [ScheduleKind.Interpolate] = P(Or("kind", ParameterKind.Option, Interpolation.Linear), Need("knots", ParameterKind.Knots)),
            [ScheduleKind.InverseSqrt] = P(Need("peak", ParameterKind.Rate), Need("timescale", ParameterKind.Steps)),
            [ScheduleKind.InverseTime] = P(Need("from", ParameterKind.Rate), Need("rate", ParameterKind.Number), Or("every", ParameterKind.Steps, 1L),
                Or("staircase", ParameterKind.Flag, false)),
            [ScheduleKind.Tanh] = P(Given("steps", ParameterKind.Steps), Need("from", ParameterKind.Rate), Need("to", ParameterKind.Rate),
                Or("lb", ParameterKind.Number, -7.0), Or("ub", ParameterKind.Number, 3.0)),
            [ScheduleKind.OneMinusSqrt] = P(Given("steps", ParameterKind.Steps), Need("from", ParameterKind.Rate), Need("to", ParameterKind.Rate)),
            [ScheduleKind.Triangular] = P(Need("low", ParameterKind.Rate), Need("high", ParameterKind.Rate), Need("up", ParameterKind.Steps),
                Or("down", ParameterKind.Steps, null), Or("mode", ParameterKind.Option, TriangularMode.Triangular), Or("gamma", ParameterKind.Number, 1.0)),
            [ScheduleKind.PowerLaw] = P(Need("peak", ParameterKind.Rate), Need("knee", ParameterKind.Number), Need("exponent", ParameterKind.Number),
                Or("start", ParameterKind.Steps, 0L)),
            [ScheduleKind.Warmup] = P(Given("steps", ParameterKind.Steps), Or("from", ParameterKind.Rate, 0.0), Or("shape", ParameterKind.Option, WarmupShape.Linear),
                Or("count", ParameterKind.Option, WarmupCount.FromZero)),
            [ScheduleKind.Hold] = P(Given("steps", ParameterKind.Steps)),
            [ScheduleKind.Sequence] = P(Given("phases", ParameterKind.Schedules)),
            [ScheduleKind.Join] = P(Given("schedules", ParameterKind.Schedules), Need("boundaries", ParameterKind.StepList)),
            [ScheduleKind.Scale] = P(Given("factor", ParameterKind.Number)),
            [ScheduleKind.Sum] = P(Given("a", ParameterKind.Schedules), Given("b", ParameterKind.Schedules)),
            [ScheduleKind.Min] = P(Given("a", ParameterKind.Schedules), Given("b", ParameterKind.Schedules)),
            [ScheduleKind.Max] = P(Given("a", ParameterKind.Schedules), Given("b", ParameterKind.Schedules)),
            [ScheduleKind.Cycle] = P(Or("multiplier", ParameterKind.Number, 1.0, "mult"), Or("decay", ParameterKind.Number, 1.0), Or("limit", ParameterKind.Count, null)),
            [ScheduleKind.Shift] = P(Given("steps", ParameterKind.Steps)),
            [ScheduleKind.Stretch] = P(Given("factor", ParameterKind.Number)),
            [ScheduleKind.Clamp] = P(Need("low", ParameterKind.Rate), Need("high", ParameterKind.Rate)),
            [ScheduleKind.Take] = P(Given("steps", ParameterKind.Steps)),
            [ScheduleKind.Mirror] = P(Need("low", ParameterKind.Rate), Need("high", ParameterKind.Rate)),
            [ScheduleKind.PerEpoch] = P(Given("stepsPerEpoch", ParameterKind.Steps)),
            [ScheduleKind.Map] = P(),
            [ScheduleKind.DecayAt] = P(Given("at", ParameterKind.Steps), Need("length", ParameterKind.Steps), Or("to", ParameterKind.Rate, 0.0),
                Or("shape", ParameterKind.Option, DecayShape.Linear)),
            [ScheduleKind.Retarget] = P(Need("at", ParameterKind.Steps), Need("total", ParameterKind.Steps)),
            [ScheduleKind.Staircase] = P(Given("stairs", ParameterKind.Count), Or("sample", ParameterKind.Option, StairSample.Start), Or("span", ParameterKind.Steps, null)),
            [ScheduleKind.WarmupCosine] = P(Need("peak", ParameterKind.Rate), Need("warmupSteps", ParameterKind.Steps), Need("totalSteps", ParameterKind.Steps),
                Or("floor", ParameterKind.Rate, 0.0), Or("count", ParameterKind.Option, WarmupCount.FromZero)),
            // The text word is the learning rate of the one-cycle pair; its momentum parameters are C# only.
            [ScheduleKind.OneCycle] = P(Need("maxRate", ParameterKind.Rate), Need("totalSteps", ParameterKind.Steps), Or("pctStart", ParameterKind.Number, 0.3),
                Or("divFactor", ParameterKind.Number, 25.0), Or("finalDivFactor", ParameterKind.Number, 1e4), Or("anneal", ParameterKind.Option, Anneal.Cosine),
                Or("threePhase", ParameterKind.Flag, false)),
            [ScheduleKind.Sgdr] = P(Need("peak", ParameterKind.Rate), Need("period", ParameterKind.Steps), Or("floor", ParameterKind.Rate, 0.0),
                Or("multiplier", ParameterKind.Number, 1.0), Or("decay", ParameterKind.Number, 1.0), Or("limit", ParameterKind.Count, null)),
            [ScheduleKind.WarmupStableDecay] = P(Need("peak", ParameterKind.Rate), Need("warmupSteps", ParameterKind.Steps), Need("stableSteps", ParameterKind.Steps),
                Need("decaySteps", ParameterKind.Steps), Or("floor", ParameterKind.Rate, 0.0), Or("decay", ParameterKind.Option, DecayShape.Linear)),
            [ScheduleKind.Noam] = P(Need("dModel", ParameterKind.Count), Need("warmupSteps", ParameterKind.Steps), Or("factor", ParameterKind.Number, 1.0)),
        };

        /// <summary>
        /// The rules of reduce-on-plateau as the live text's <c>until-plateau …</c> and <c>reduce-on-plateau …</c> read
        /// them, in the order of <c>PlateauPolicy</c>'s constructor. Its defaults are PyTorch's <c>ReduceLROnPlateau</c>
        /// ones; a test holds the constructor and <c>Compat.Torch.ReduceLROnPlateau</c> to them.
        /// </summary>
        public static readonly WordParameter[] PlateauPolicy = P(Or("mode", ParameterKind.Option, PlateauMode.Min), Or("factor", ParameterKind.Number, 0.1),
            Or("patience", ParameterKind.Count, 10), Or("threshold", ParameterKind.Number, 1e-4), Or("thresholdMode", ParameterKind.Option, ThresholdMode.Rel),
            Or("cooldown", ParameterKind.Count, 0), Or("minRate", ParameterKind.Rate, 0.0), Or("eps", ParameterKind.Number, 1e-8));

        /// <summary>The live text's words that take a <see cref="PlateauPolicy"/>: a stage that runs until its metric
        /// plateaus, and one whose rate is reduced on each plateau.</summary>
        public static readonly string[] PlateauWords = { "until-plateau", "reduce-on-plateau" };

        /// <summary>The parameters of the word written <paramref name="text"/> (a schedule word or a plateau word), or null
        /// for a word without a list (a preset, an unknown word).</summary>
        public static WordParameter[]? OfText(string text) =>
            Array.IndexOf(PlateauWords, text) >= 0 ? PlateauPolicy : Vocabulary.ByText(text) is { } entry ? Of(entry.Kind) : null;

        /// <summary>The parameters of a word, in C# order.</summary>
        public static WordParameter[] Of(ScheduleKind kind) =>
            ByKind.TryGetValue(kind, out var parameters) ? parameters : throw new ArgumentOutOfRangeException(nameof(kind), kind, "has no parameter list");

        /// <summary>The parameter a text key (long or alias) names, or null.</summary>
        public static WordParameter? ByText(ScheduleKind kind, string key) => ByText(Of(kind), key);

        /// <summary>The parameter of <paramref name="parameters"/> a text key (long or alias) names, or null.</summary>
        public static WordParameter? ByText(WordParameter[] parameters, string key)
        {
            foreach (var p in parameters)
            {
                if (p.Text == key) return p;
                foreach (var alias in p.Aliases) if (alias == key) return p;
            }
            return null;
        }

        /// <summary>The word's positional numbers, in order (the inputs in parentheses are not numbers).</summary>
        public static List<WordParameter> PositionalNumbers(WordParameter[] parameters)
        {
            var numbers = new List<WordParameter>();
            foreach (var p in parameters) if (p.Positional && p.Kind != ParameterKind.Schedules) numbers.Add(p);
            return numbers;
        }
    }
}
