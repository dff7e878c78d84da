using LrCompose.Core;
using System.Collections.Immutable;
using LrCompose.Shapes;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose
{
    /// <summary>
    /// Phases whose values depend on what follows them: a <c>Warmup</c> ramps into the start value of the next
    /// phase and a <c>Hold</c> stays at it, so joins are continuous by construction. A lead is not a schedule until
    /// it is given what it leads into with <see cref="Then(Schedule)"/>.
    /// </summary>
    public sealed class Lead
    {
        private readonly Schedule? _before;
        private readonly ImmutableArray<LeadPart> _parts;

        private Lead(Schedule? before, ImmutableArray<LeadPart> parts)
        {
            _before = before;
            _parts = parts;
        }

        internal static Lead Of(LeadPart part) => new(null, [part]);

        internal static Lead After(Schedule before, Lead lead) =>
            new(lead._before is null ? before : before.Then(lead._before), lead._parts);

        /// <summary>Appends more relative phases.</summary>
        public Lead Then(Lead more)
        {
            ArgumentNullException.ThrowIfNull(more);
            ConstructorRules.LeadThenLead(more._before is not null).ThrowIfAny();
            return new(_before, _parts.AddRange(more._parts));
        }

        /// <summary>Resolves every relative phase against <paramref name="next"/> (backwards: each one's target is the
        /// start value of what follows it) and returns the whole sequence.</summary>
        public Schedule Then(Schedule next)
        {
            ArgumentNullException.ThrowIfNull(next);
            var resolved = new Schedule[_parts.Length + 1];
            resolved[^1] = next;
            double target = next.StartValue;
            for (int i = _parts.Length - 1; i >= 0; i--)
            {
                resolved[i] = _parts[i].Resolve(target);
                target = resolved[i].StartValue;
            }
            var tail = Schedules.Sequence(resolved);
            return _before is null ? tail : _before.Then(tail);
        }

        /// <summary>Resolves the lead against what follows: <c>Warmup(2000) &gt;&gt; Cosine(…)</c> is <c>Warmup(2000).Then(Cosine(…))</c>.</summary>
        public static Schedule operator >>(Lead lead, Schedule next)
        {
            ArgumentNullException.ThrowIfNull(lead);
            return lead.Then(next);
        }

        /// <summary>Appends relative phases: <c>Warmup(100) &gt;&gt; Hold(50)</c>.</summary>
        public static Lead operator >>(Lead lead, Lead more)
        {
            ArgumentNullException.ThrowIfNull(lead);
            return lead.Then(more);
        }

        /// <inheritdoc />
        public override string ToString() =>
            string.Join(" >> ", (_before is null ? [] : new[] { _before.ToString() }).Concat(_parts.Select(p => p.ToString())));
    }

    /// <summary>A relative phase before it knows its target.</summary>
    internal abstract record LeadPart
    {
        public abstract Schedule Resolve(double target);
    }

    internal sealed record WarmupPart(long Steps, double From, WarmupShape Shape, WarmupCount Count) : LeadPart
    {
        public override Schedule Resolve(double target)
        {
            ConstructorRules.WarmupTarget(target, Shape).ThrowIfAny();
            return new WarmupRamp(Steps, From, target, Shape, Count);
        }

        public override string ToString() => new WarmupRamp(Steps, From, 1, Shape, Count).ToString();
    }

    internal sealed record HoldPart(long Steps) : LeadPart
    {
        public override Schedule Resolve(double target) => new HoldPhase(Steps, target);
        public override string ToString() => $"hold {Steps}";
    }
}
