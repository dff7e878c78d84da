using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>clamp low=a high=b (s)</c>: <c>f(t) = min(b, max(a, s(t)))</c>.</summary>
    internal sealed class ClampNode(Schedule inner, double low, double high) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public double Low { get; } = low;
        public double High { get; } = high;
        public override long? Length => Inner.Length;
        internal override double Span => Inner.Span;
        public override double Min => Math.Clamp(Inner.Min, Low, High);
        public override double Max => Math.Clamp(Inner.Max, Low, High);
        internal override double At(double t) => ScheduleFormulas.Clamp(Inner.At(t), Low, High);
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Clamp).Named("low", Low).Named("high", High).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>Keeps every value within [<paramref name="low"/>, <paramref name="high"/>].</summary>
        public Schedule Clamp(double low, double high)
        {
            ConstructorRules.Clamp(low, high).ThrowIfAny();
            return new Combinators.ClampNode(this, low, high);
        }
    }
}
