using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>polynomial L from=a to=b power=p</c>: <c>f(t) = (a − b)·(1 − t/L)ᵖ + b</c>, then b.</summary>
    internal sealed class PolynomialShape(long steps, double from, double to, double power, double kDecay) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public double Power { get; } = power;
        public double KDecay { get; } = kDecay;
        public override double Min => Math.Min(From, To);
        public override double Max => Math.Max(From, To);
        internal override double At(double t) => ScheduleFormulas.Polynomial(t, Steps, From, To, Power, KDecay);
        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.Polynomial).Arg(Steps).Named("from", From).Named("to", To).Param("power", Power).Param("k-decay", KDecay);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>Polynomial decay: <c>f(t) = (from − to)·(1 − tᵏ/stepsᵏ)^power + to</c>, holding <paramref name="to"/> afterwards.</summary>
        /// <param name="steps">Phase length (≥ 1).</param>
        /// <param name="from">Value at step 0.</param>
        /// <param name="to">Value at the end.</param>
        /// <param name="power">1 is a straight line; 2 falls fast then flattens.</param>
        /// <param name="kDecay">timm's <c>k_decay</c>: time is bent to tᵏ/stepsᵏ.</param>
        public static Schedule Polynomial(long steps, double from, double to, double power = 1, double kDecay = 1)
        {
            ConstructorRules.Polynomial(steps, from, to, power, kDecay).ThrowIfAny();
            return new Shapes.PolynomialShape(steps, from, to, power, kDecay);
        }
    }
}
