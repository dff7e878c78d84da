using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>linear L from=a to=b</c>: <c>f(t) = a + (b − a)·t/L</c>, then b.</summary>
    internal sealed class LinearShape(long steps, double from, double to) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public override double Min => Math.Min(From, To);
        public override double Max => Math.Max(From, To);
        internal override double At(double t) => ScheduleFormulas.Linear(t, Steps, From, To);
        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.Linear).Arg(Steps).Named("from", From).Named("to", To);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>A straight line from <paramref name="from"/> to <paramref name="to"/> over <paramref name="steps"/> steps:
        /// <c>f(t) = from + (to − from)·t/steps</c>, holding <paramref name="to"/> afterwards.</summary>
        public static Schedule Linear(long steps, double from, double to)
        {
            ConstructorRules.Linear(steps, from, to).ThrowIfAny();
            return new Shapes.LinearShape(steps, from, to);
        }
    }
}
