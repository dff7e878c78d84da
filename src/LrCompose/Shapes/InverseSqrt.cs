using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>invsqrt peak=p timescale=τ</c>: <c>f(t) = p / √((t + τ)/τ)</c>, which is p at t = 0.</summary>
    internal sealed class InverseSqrtShape(double peak, long timescale) : Schedule
    {
        public double Peak { get; } = peak;
        public long Timescale { get; } = timescale;
        public override long? Length => null;
        public override double Min => 0;
        public override double Max => Peak;
        internal override double At(double t) => ScheduleFormulas.InverseSqrt(t, Peak, Timescale);
        internal override void Write(RecipeWriter writer) =>
            writer.Word(ScheduleKind.InverseSqrt).Named("peak", Peak).Named("timescale", Timescale);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Inverse-square-root decay, <c>f(t) = peak / √((t + timescale)/timescale)</c>: <paramref name="peak"/> at
        /// t = 0, halved after 3·timescale steps. Preceded by <c>Warmup(timescale)</c> it is the Transformer's "Noam"
        /// schedule (see <see cref="Recipes.Noam"/>); with another warmup it is Hugging Face's timescale form.
        /// </summary>
        public static Schedule InverseSqrt(double peak, long timescale)
        {
            ConstructorRules.InverseSqrt(peak, timescale).ThrowIfAny();
            return new Shapes.InverseSqrtShape(peak, timescale);
        }
    }
}
