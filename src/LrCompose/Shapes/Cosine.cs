using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary>
    /// <c>cosine L peak=p floor=f exponent=e kdecay=k</c>:
    /// <c>f(t) = floor + (peak − floor)·(½(1 + cos(π·tᵏ/Lᵏ)))ᵉ</c>, then floor.
    /// </summary>
    internal sealed class CosineShape(long steps, double peak, double floor, double exponent, double kDecay) : FiniteShape(steps)
    {
        public double Peak { get; } = peak;
        public double Floor { get; } = floor;
        public double Exponent { get; } = exponent;
        public double KDecay { get; } = kDecay;
        public override double Min => Math.Min(Peak, Floor);
        public override double Max => Math.Max(Peak, Floor);
        internal override double At(double t) => ScheduleFormulas.Cosine(t, Steps, Peak, Floor, Exponent, KDecay);

        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.Cosine).Arg(Steps).Named("peak", Peak).Param("floor", Floor)
                .Param("exponent", Exponent).Param("k-decay", KDecay);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Half a cosine from <paramref name="peak"/> down to <paramref name="floor"/> over <paramref name="steps"/> steps:
        /// <c>f(t) = floor + (peak − floor)·(½(1 + cos(π·tᵏ/stepsᵏ)))^exponent</c>, holding <paramref name="floor"/> afterwards.
        /// </summary>
        /// <param name="steps">Phase length (≥ 1).</param>
        /// <param name="peak">Value at step 0.</param>
        /// <param name="floor">Value at the end (optax's <c>alpha·init</c>, torch's <c>eta_min</c>).</param>
        /// <param name="exponent">optax's <c>exponent</c>: powers of the cosine factor sharpen the decay.</param>
        /// <param name="kDecay">timm's <c>k_decay</c>: time is bent to tᵏ/stepsᵏ.</param>
        public static Schedule Cosine(long steps, double peak, double floor = 0, double exponent = 1, double kDecay = 1)
        {
            ConstructorRules.Cosine(steps, peak, floor, exponent, kDecay).ThrowIfAny();
            return new Shapes.CosineShape(steps, peak, floor, exponent, kDecay);
        }
    }
}
