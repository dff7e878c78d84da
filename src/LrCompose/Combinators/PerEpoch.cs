using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>per-epoch n (s)</c>: s is written in epochs; <c>f(step) = s(⌊step/n⌋)</c>.</summary>
    internal sealed class PerEpochNode(Schedule inner, long stepsPerEpoch, long? length) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long StepsPerEpoch { get; } = stepsPerEpoch;
        public override long? Length { get; } = length;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.EpochTime(t, StepsPerEpoch));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.PerEpoch).Arg(StepsPerEpoch).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Declares that this schedule counts <b>epochs</b>, and returns the schedule by <b>step</b> that changes only at
        /// epoch boundaries: <c>f(step) = s(⌊step/stepsPerEpoch⌋)</c>. Every other length in LrCompose is in steps; this
        /// is the one door between the two units, so a 1,000-step warmup cannot silently become 1,000 epochs.
        /// </summary>
        /// <param name="stepsPerEpoch">Optimizer steps in one epoch (≥ 1).</param>
        public Schedule PerEpoch(long stepsPerEpoch)
        {
            ConstructorRules.PerEpoch(stepsPerEpoch).ThrowIfAny();
            ConstructorRules.PerEpochLength(stepsPerEpoch, Length, out long? length).ThrowIfAny();
            return new Combinators.PerEpochNode(this, stepsPerEpoch, length);
        }
    }
}
