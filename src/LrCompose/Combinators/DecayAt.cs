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
            writer.Word(ScheduleKind.DecayAt).Arg(AtStep).Named("length", Steps).Param("to", To).Param("shape", Shape).Inner(Inner);
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
    }
}
