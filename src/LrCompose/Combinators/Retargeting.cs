using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>decay-at K length=N to=v shape=… (s)</c>: s until step K, then a decay from s(K) to v over N steps.</summary>
    internal sealed class DecayAtNode : Schedule
    {
        public DecayAtNode(Schedule inner, long at, long steps, double to, DecayShape shape)
        {
            Inner = inner;
            AtStep = at;
            Steps = steps;
            To = to;
            Shape = shape;
            From = inner.At(at);
            Min = Math.Min(inner.Min, Math.Min(From, to));
            Max = Math.Max(inner.Max, Math.Max(From, to));
        }

        public Schedule Inner { get; }
        public long AtStep { get; }
        public long Steps { get; }
        public double To { get; }
        public DecayShape Shape { get; }

        /// <summary>The rate the decay starts from: the schedule's own value at <see cref="AtStep"/>, so the join is continuous.</summary>
        public double From { get; }

        public override long? Length => AtStep + Steps;
        public override double Min { get; }
        public override double Max { get; }
        internal override double At(double t) => t < AtStep ? Inner.At(t) : ScheduleFormulas.Decay(t - AtStep, Steps, From, To, Shape);

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.DecayAt).Arg(AtStep).Named("length", Steps).Named("to", To, 0).Option("shape", Shape, DecayShape.Linear).Inner(Inner);
    }

    /// <summary><c>retarget at=K total=N (s)</c>: s until step K, then the rest of s re-timed to end at step N.</summary>
    internal sealed class RetargetNode(Schedule inner, long at, long total) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long AtStep { get; } = at;
        public long Total { get; } = total;
        private readonly double _span = inner.Span;
        public override long? Length => Total;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.RetargetTime(t, AtStep, _span, Total));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Retarget).Named("at", AtStep).Named("total", Total).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Decay from here: this schedule until step <paramref name="at"/>, then a decay from its rate at
        /// <paramref name="at"/> down (or up) to <paramref name="to"/> over <paramref name="length"/> steps, then
        /// <paramref name="to"/>. Continuous at <paramref name="at"/> by construction. One stable run branches into any
        /// number of cooldowns: <c>stable.DecayAt(20_000, 2_000)</c>, <c>stable.DecayAt(40_000, 4_000)</c>, …
        /// </summary>
        /// <param name="at">The step the decay starts at (≥ 0, and before the end of this schedule when it has one).</param>
        /// <param name="length">Its length in steps (≥ 1).</param>
        /// <param name="to">The rate it ends at and holds.</param>
        /// <param name="shape">Linear, cosine or 1−√.</param>
        public Schedule DecayAt(long at, long length, double to = 0, DecayShape shape = DecayShape.Linear)
        {
            ConstructorRules.DecayAt(at, length, to, Length).ThrowIfAny();
            return new Combinators.DecayAtNode(this, at, length, to, shape);
        }

        /// <summary>
        /// A new horizon: this finite schedule until step <paramref name="at"/>, then the rest of it re-timed so that it
        /// ends at step <paramref name="total"/> — a longer or a shorter run, continuous at <paramref name="at"/>, nothing
        /// before it changed and no second warmup. <c>Retarget(0, total)</c> is the whole schedule stretched.
        /// </summary>
        /// <param name="at">The step from which the rest is re-timed (before the schedule's end).</param>
        /// <param name="total">The step at which the re-timed schedule now ends.</param>
        /// <exception cref="InvalidOperationException">This schedule never ends, so it has no horizon to move.</exception>
        public Schedule Retarget(long at, long total)
        {
            if (Length is not { } length)
                throw new InvalidOperationException(ConstructorRules.NeverEnds(ToString(), UnendingUse.Retargeted));
            ConstructorRules.Retarget(at, total, length).ThrowIfAny();
            return new Combinators.RetargetNode(this, at, total);
        }
    }
}
