using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>polynomial L from=a to=b power=p</c>: <c>f(t) = (a − b)·(1 − t/L)ᵖ + b</c>, then b.</summary>
    internal sealed class PolynomialShape(long steps, double from, double to, double power) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public double Power { get; } = power;
        public override double Min => Math.Min(From, To);
        public override double Max => Math.Max(From, To);
        protected override double End => To;
        protected override double Formula(double t) => (From - To) * Math.Pow(1 - t / Steps, Power) + To;
        internal override void Write(RecipeWriter writer) =>
            writer.Word("polynomial").Arg(Steps).Named("from", From).Named("to", To).Named("power", Power, 1);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>Polynomial decay: <c>f(t) = (from − to)·(1 − t/steps)^power + to</c>, holding <paramref name="to"/> afterwards.</summary>
        public static Schedule Polynomial(long steps, double from, double to, double power = 1) =>
            new Shapes.PolynomialShape(Guard.Length(steps), Guard.Rate(from), Guard.Rate(to), Guard.Check(power, Rules.Power(power)));
    }
}
