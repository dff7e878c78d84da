using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>
    /// <c>join boundaries=[b₁, …] (s₀) (s₁) …</c> (optax's <c>join_schedules</c>): s₀ until b₁, then s₁ from its own
    /// step 0 until b₂, and so on; the last runs on. Unlike <c>Then</c>, a part need not end: the boundaries say where
    /// each one is cut.
    /// </summary>
    internal sealed class JoinNode : Schedule
    {
        private readonly PhaseTable _table;

        public JoinNode(Schedule[] parts, long[] starts, long? length)
        {
            _table = new PhaseTable(parts, starts);
            Length = length;
            Min = _table.Min;
            Max = _table.Max;
        }

        public override long? Length { get; }
        public override double Min { get; }
        public override double Max { get; }

        internal override double At(double t) => _table.At(t);

        public override IReadOnlyList<PhaseInfo> Phases => _table.Phases.Select((p, i) =>
            new PhaseInfo(_table.Starts[i], i + 1 < _table.Starts.Length ? _table.Starts[i + 1] - _table.Starts[i] : p.Length, p)).ToArray();

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Join).Named("boundaries", _table.Starts.Skip(1));
            foreach (var part in _table.Phases) writer.Inner(part);
        }
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Joins schedules at fixed boundaries (optax's <c>join_schedules</c>): <c>schedules[0]</c> until
        /// <c>boundaries[0]</c>, then <c>schedules[1]</c> from its own step 0 until <c>boundaries[1]</c>, …; the last
        /// runs on. Parts need not be finite. <c>Join([a, b], [n])</c> equals <c>a.Take(n).Then(b)</c>.
        /// </summary>
        /// <param name="schedules">One more schedule than there are boundaries.</param>
        /// <param name="boundaries">Strictly ascending global steps (≥ 0) at which the next schedule starts.</param>
        public static Schedule Join(Schedule[] schedules, long[] boundaries)
        {
            Guard.NoNulls(schedules);
            ArgumentNullException.ThrowIfNull(boundaries);
            ConstructorRules.Join(schedules.Length, boundaries).ThrowIfAny();
            if (schedules.Length == 1) return schedules[0];
            long[] starts = [0, .. boundaries];
            ConstructorRules.JoinLength(boundaries, schedules[^1].Length, out long? length).ThrowIfAny();
            return new Combinators.JoinNode((Schedule[])schedules.Clone(), starts, length);
        }
    }
}
