using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>shift d (s)</c>: <c>f(t) = s(max(0, t − d))</c>. A negative d starts s part-way through.</summary>
    internal sealed class ShiftNode(Schedule inner, long offset, long? length) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long Offset { get; } = offset;
        public override long? Length { get; } = length;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.ShiftTime(t, Offset));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Shift).Arg(Offset).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Delays the schedule by <paramref name="steps"/>: <c>f(t) = s(max(0, t − steps))</c>, holding s(0) before.
        /// A negative shift skips into the schedule (<c>f(t) = s(t + |steps|)</c>), as timm does after a non-prefix warmup.
        /// Laws: <c>s.Shift(0) == s</c>; shifts add up (fused).
        /// </summary>
        public Schedule Shift(long steps)
        {
            // Fused as the generator's model fuses it: the steps are shared (Core/Fusion.cs).
            return Fusion.Shift(Combinators.ScheduleFusion.Instance, this, steps, Combinators.ScheduleFusion.Throw);
        }
    }
}
