// Compiled into both the LrCompose library and the LrCompose generator: the one table of recipe words. Every front
// end looks a word up here — the C# member the generator sees, the text name the binder reads and the writer prints,
// the docs' list — so a name means the same thing everywhere. Keep it netstandard2.0-friendly.
using System;
using System.Collections.Generic;
using System.Text;

namespace LrCompose.Core
{
    /// <summary>What a node of a recipe is: one member per shape and combinator of the public API.</summary>
    internal enum ScheduleKind
    {
        Constant, Linear, Cosine, Polynomial, Exponential, StepDecay, MultiStep, PiecewiseConstant, Interpolate,
        InverseSqrt, InverseTime, Tanh, OneMinusSqrt, Triangular, PowerLaw,
        Warmup, Hold, Sequence, Join,
        Scale, Sum, Min, Max, Cycle, Shift, Stretch, Clamp, Take, Mirror, PerEpoch, Map, DecayAt, Retarget, Staircase,
        WarmupCosine, OneCycle, Sgdr, WarmupStableDecay, Noam,
    }

    /// <summary>One word of the vocabulary: the C# member it is, and its text name.</summary>
    internal sealed class VocabularyEntry
    {
        public VocabularyEntry(ScheduleKind kind, string owner, string member, string[] aliases)
        {
            Kind = kind;
            Owner = owner;
            Member = member;
            Text = Vocabulary.Kebab(member);
            Aliases = aliases;
            Parameters = WordParameters.Of(kind);
            var pairs = new List<string[]>();
            foreach (var parameter in Parameters)
                foreach (var alias in parameter.Aliases) pairs.Add(new[] { alias, parameter.Text });
            ParameterAliases = pairs.ToArray();
        }

        public ScheduleKind Kind { get; }

        /// <summary>The C# type that declares the member: <c>Schedules</c>, <c>Schedule</c> or <c>Recipes</c>.</summary>
        public string Owner { get; }

        /// <summary>The C# method name.</summary>
        public string Member { get; }

        /// <summary>The text name: the kebab-case of <see cref="Member"/>.</summary>
        public string Text { get; }

        /// <summary>Short names also read in text; printing always uses <see cref="Text"/>.</summary>
        public string[] Aliases { get; }

        /// <summary>Its parameters, in C# order (<see cref="WordParameters"/>).</summary>
        public WordParameter[] Parameters { get; }

        /// <summary>Pairs of (alias, long name) of parameters also read in text, from <see cref="Parameters"/>.</summary>
        public string[][] ParameterAliases { get; }

        /// <summary>The long text name of a parameter written as <paramref name="key"/> (itself when it is no alias).</summary>
        public string LongParameter(string key)
        {
            foreach (var pair in ParameterAliases) if (pair[0] == key) return pair[1];
            return key;
        }
    }

    /// <summary>The recipe vocabulary: every word, found by C# member or by text name.</summary>
    internal static class Vocabulary
    {
        private static readonly string[] None = new string[0];
        private static VocabularyEntry Word(ScheduleKind kind, string owner, string member, string[]? aliases = null) =>
            new VocabularyEntry(kind, owner, member, aliases ?? None);

        /// <summary>Every word, in the order the docs list them.</summary>
        public static readonly VocabularyEntry[] All =
        {
            Word(ScheduleKind.Constant, "Schedules", "Constant"),
            Word(ScheduleKind.Linear, "Schedules", "Linear"),
            Word(ScheduleKind.Cosine, "Schedules", "Cosine"),
            Word(ScheduleKind.Polynomial, "Schedules", "Polynomial"),
            Word(ScheduleKind.Exponential, "Schedules", "Exponential"),
            Word(ScheduleKind.StepDecay, "Schedules", "StepDecay", new[] { "step" }),
            Word(ScheduleKind.MultiStep, "Schedules", "MultiStep", new[] { "multistep" }),
            Word(ScheduleKind.PiecewiseConstant, "Schedules", "PiecewiseConstant", new[] { "piecewise" }),
            Word(ScheduleKind.Interpolate, "Schedules", "Interpolate"),
            Word(ScheduleKind.InverseSqrt, "Schedules", "InverseSqrt", new[] { "invsqrt" }),
            Word(ScheduleKind.InverseTime, "Schedules", "InverseTime"),
            Word(ScheduleKind.Tanh, "Schedules", "Tanh"),
            Word(ScheduleKind.OneMinusSqrt, "Schedules", "OneMinusSqrt"),
            Word(ScheduleKind.Triangular, "Schedules", "Triangular"),
            Word(ScheduleKind.PowerLaw, "Schedules", "PowerLaw"),
            Word(ScheduleKind.Warmup, "Schedules", "Warmup"),
            Word(ScheduleKind.Hold, "Schedules", "Hold"),
            Word(ScheduleKind.Join, "Schedules", "Join"),
            Word(ScheduleKind.Scale, "Schedule", "Scale"),
            Word(ScheduleKind.Sum, "Schedules", "Sum"),
            Word(ScheduleKind.Min, "Schedules", "Min"),
            Word(ScheduleKind.Max, "Schedules", "Max"),
            Word(ScheduleKind.Cycle, "Schedule", "Cycle"),
            Word(ScheduleKind.Shift, "Schedule", "Shift"),
            Word(ScheduleKind.Stretch, "Schedule", "Stretch"),
            Word(ScheduleKind.Clamp, "Schedule", "Clamp"),
            Word(ScheduleKind.Take, "Schedule", "Take"),
            Word(ScheduleKind.Mirror, "Schedule", "Mirror"),
            Word(ScheduleKind.PerEpoch, "Schedule", "PerEpoch"),
            Word(ScheduleKind.Map, "Schedule", "Map", new[] { "lambda" }),
            Word(ScheduleKind.DecayAt, "Schedule", "DecayAt"),
            Word(ScheduleKind.Retarget, "Schedule", "Retarget"),
            Word(ScheduleKind.Staircase, "Schedule", "Staircase"),
            Word(ScheduleKind.Sequence, "Schedules", "Sequence"),
            Word(ScheduleKind.WarmupCosine, "Recipes", "WarmupCosine"),
            Word(ScheduleKind.OneCycle, "Recipes", "OneCycle"),
            Word(ScheduleKind.Sgdr, "Recipes", "Sgdr"),
            Word(ScheduleKind.WarmupStableDecay, "Recipes", "WarmupStableDecay"),
            Word(ScheduleKind.Noam, "Recipes", "Noam"),
        };

        private static readonly Dictionary<string, VocabularyEntry> ByTextName = Index();

        private static Dictionary<string, VocabularyEntry> Index()
        {
            var index = new Dictionary<string, VocabularyEntry>(StringComparer.Ordinal);
            foreach (var entry in All)
            {
                index[entry.Text] = entry;
                foreach (var alias in entry.Aliases) index[alias] = entry;
            }
            return index;
        }

        /// <summary>The entry a text word (name or alias) stands for.</summary>
        public static VocabularyEntry? ByText(string word) => ByTextName.TryGetValue(word, out var entry) ? entry : null;

        /// <summary>The entry of a C# member, by its declaring type's name and its own.</summary>
        public static VocabularyEntry? ByMember(string owner, string member)
        {
            foreach (var entry in All) if (entry.Owner == owner && entry.Member == member) return entry;
            return null;
        }

        /// <summary>The entry of a kind.</summary>
        public static VocabularyEntry Of(ScheduleKind kind)
        {
            foreach (var entry in All) if (entry.Kind == kind) return entry;
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not in the vocabulary");
        }

        /// <summary>The one naming rule: <c>StepDecay</c> → <c>step-decay</c>, <c>kDecay</c> → <c>k-decay</c>.</summary>
        public static string Kebab(string identifier)
        {
            var text = new StringBuilder(identifier.Length + 4);
            for (int i = 0; i < identifier.Length; i++)
            {
                char c = identifier[i];
                if (char.IsUpper(c) && i > 0) text.Append('-');
                text.Append(char.ToLowerInvariant(c));
            }
            return text.ToString();
        }
    }
}
