using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>power-law peak=p knee=k exponent=c start=s</c>: <c>f(t) = p·min(1, (k/(t + s))^c)</c>.</summary>
    internal sealed class PowerLawShape(double peak, double knee, double exponent, long start) : Schedule
    {
        public double Peak { get; } = peak;
        public double Knee { get; } = knee;
        public double Exponent { get; } = exponent;
        public long Start { get; } = start;
        public override long? Length => null;

        // It falls towards 0 for ever and never reaches it.
        public override double Min => 0;
        public override double Max => Peak;
        internal override double At(double t) => ScheduleFormulas.PowerLaw(t, Peak, Knee, Exponent, Start);

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.PowerLaw).Named("peak", Peak).Named("knee", Knee).Named("exponent", Exponent);
            writer.Param("start", Start);
        }
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// The power scheduler of Shen et al. (2024, "Power Scheduler: a batch size and token number agnostic learning
        /// rate scheduler"): <c>f(t) = peak·min(1, (knee/n)^exponent)</c> with <c>n = t + start</c> the steps of the run
        /// so far, flat at <paramref name="peak"/> up to the knee and then a power-law decay that needs no horizon.
        /// The paper writes it <c>min(η_max, β·a·N^b)</c> over N tokens: with c tokens per step,
        /// <c>exponent = −b</c> and <c>knee = (β·a·c^b/η_max)^(1/exponent)</c>. After <c>Warmup(W)</c> give
        /// <c>start: W</c>, so that the law counts the run's steps and the warmup ramps into its value at step W, as the
        /// paper's and its authors' implementation (IBM's lm-engine <c>PowerScheduler</c>) do.
        /// </summary>
        /// <param name="peak">The largest rate, held until the knee (the paper's η_max).</param>
        /// <param name="knee">The step of the run where the law falls below the peak (&gt; 0; need not be whole).</param>
        /// <param name="exponent">How fast it falls past the knee (&gt; 0; the paper finds 0.51).</param>
        /// <param name="start">The step of the run this phase starts at (≥ 0): the length of what precedes it.</param>
        public static Schedule PowerLaw(double peak, double knee, double exponent, long start = 0)
        {
            ConstructorRules.PowerLaw(peak, knee, exponent, start).ThrowIfAny();
            return new Shapes.PowerLawShape(peak, knee, exponent, start);
        }
    }
}
