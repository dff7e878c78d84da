using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary>
    /// <c>tanh L from=a to=b lb=l ub=u</c>: <c>f(t) = b + ½(a − b)·(1 − tanh(l·(1 − t/L) + u·t/L))</c>, holding
    /// its own value at t = L afterwards.
    /// </summary>
    internal sealed class TanhShape(long steps, double from, double to, double lower, double upper) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public double Lower { get; } = lower;
        public double Upper { get; } = upper;
        public override double Min => Math.Min(At(0), At(Steps));
        public override double Max => Math.Max(At(0), At(Steps));
        internal override double At(double t) => ScheduleFormulas.Tanh(t, Steps, From, To, Lower, Upper);

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.Tanh).Arg(Steps).Named("from", From).Named("to", To).Param("lb", Lower).Param("ub", Upper);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// timm's hyperbolic-tangent decay: <c>f(t) = to + ½(from − to)·(1 − tanh(lb·(1 − t/steps) + ub·t/steps))</c>.
        /// It starts near <paramref name="from"/> and ends near (not at) <paramref name="to"/>, and holds that end.
        /// </summary>
        public static Schedule Tanh(long steps, double from, double to, double lb = -7, double ub = 3)
        {
            ConstructorRules.Tanh(steps, from, to, lb, ub).ThrowIfAny();
            return new Shapes.TanhShape(steps, from, to, lb, ub);
        }
    }
}
