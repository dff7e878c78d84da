using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>stretch k (s)</c>: <c>f(t) = s(t/k)</c>, k times slower.</summary>
    internal sealed class StretchNode(Schedule inner, double factor) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public double Factor { get; } = factor;
        public override long? Length => Inner.Length is { } l ? (long)Math.Ceiling(l * Factor) : null;
        internal override double Span => Inner.Span * Factor;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.StretchTime(t, Factor));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Stretch).Arg(Factor).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// Slows time by <paramref name="factor"/>: <c>f(t) = s(t/factor)</c>. A finite phase of length L becomes
        /// <c>L·factor</c> steps long; when that falls between steps the phase holds its end value until the next whole
        /// step (<see cref="Schedule.Length"/> rounds up) while <c>Cycle</c> restarts on the exact span. Laws: <c>s.Stretch(1) == s</c>;
        /// <c>s.Stretch(a).Stretch(b) == s.Stretch(a·b)</c> (fused).
        /// </summary>
        public Schedule Stretch(double factor)
        {
            ConstructorRules.Stretch(factor).ThrowIfAny();
            // Fused as the generator's model fuses it: the steps are shared (Core/Fusion.cs).
            return Fusion.Stretch(Combinators.ScheduleFusion.Instance, this, factor, Combinators.ScheduleFusion.Throw);
        }
    }
}
