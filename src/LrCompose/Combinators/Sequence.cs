using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>
    /// <c>a &gt;&gt; b &gt;&gt; …</c>: phases one after another, each seeing its own local step 0. Always flat:
    /// building a sequence of sequences splices their phases, so evaluation is one binary search however the recipe
    /// was nested.
    /// </summary>
    internal sealed class SequenceNode : Schedule
    {
        private readonly PhaseTable _table;

        private SequenceNode(Schedule[] phases, long[] starts, long? length)
        {
            _table = new PhaseTable(phases, starts);
            Length = length;
            Min = _table.Min;
            Max = _table.Max;
        }

        public static SequenceNode Of(IEnumerable<Schedule> parts)
        {
            var phases = new List<Schedule>();
            foreach (var part in parts)
            {
                if (part is SequenceNode inner) phases.AddRange(inner._table.Phases);
                else phases.Add(part);
            }
            for (int i = 0; i < phases.Count - 1; i++)
                if (phases[i].Length is null)
                    throw new InvalidOperationException(ConstructorRules.NeverEnds(phases[i].ToString(), UnendingUse.Followed));
            var starts = new long[phases.Count];
            ConstructorRules.PhaseStarts(phases.Select(p => p.Length).ToArray(), starts, out long? length).ThrowIfAny();
            return new SequenceNode(phases.ToArray(), starts, length);
        }

        internal IReadOnlyList<Schedule> Parts => _table.Phases;

        public override long? Length { get; }
        public override double Min { get; }
        public override double Max { get; }

        /// <summary>The index of the phase in force at time t: the last phase that starts at or before t.</summary>
        internal int PhaseIndex(double t) => _table.IndexAt(t);

        internal override double At(double t) => _table.At(t);

        public override IReadOnlyList<PhaseInfo> Phases =>
            _table.Phases.Select((p, i) => new PhaseInfo(_table.Starts[i], p.Length, p)).ToArray();

        internal override void Write(RecipeWriter writer)
        {
            for (int i = 0; i < _table.Phases.Length; i++)
            {
                if (i > 0) writer.Separator(">>");
                // A nested sequence cannot occur (they are spliced), so phases need no parentheses unless they
                // print a pipeline of their own; every phase prints as a single application.
                _table.Phases[i].Write(writer);
            }
        }
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Runs this phase, then <paramref name="next"/> from its own step 0:
        /// <c>(a.Then(b))(t) = a(t)</c> for t &lt; a.Length, else <c>b(t − a.Length)</c>.
        /// Associative: <c>a.Then(b).Then(c) == a.Then(b.Then(c))</c>, both one flat phase array.
        /// </summary>
        /// <exception cref="InvalidOperationException">This schedule never ends, so nothing can follow it.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The phases together would pass <see cref="long.MaxValue"/> steps.</exception>
        public Schedule Then(Schedule next)
        {
            ArgumentNullException.ThrowIfNull(next);
            return Combinators.SequenceNode.Of([this, next]);
        }

        /// <summary>Runs this phase, then the relative phases of <paramref name="lead"/>, then what they lead into.</summary>
        public Lead Then(Lead lead)
        {
            ArgumentNullException.ThrowIfNull(lead);
            return Lead.After(this, lead);
        }
    }

    public static partial class Schedules
    {
        /// <summary>Phases one after another; the same as chaining <see cref="Schedule.Then(Schedule)"/>.</summary>
        public static Schedule Sequence(params Schedule[] phases)
        {
            Guard.NoNulls(phases);
            ConstructorRules.Sequence(phases.Length).ThrowIfAny();
            return phases.Length == 1 ? phases[0] : Combinators.SequenceNode.Of(phases);
        }
    }
}
