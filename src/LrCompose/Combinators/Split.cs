using LrCompose.Validation;

namespace LrCompose
{
    /// <summary>One phase of <see cref="Schedules.Split"/>: a fraction of the run and a shape built for the steps it gets.</summary>
    /// <param name="Fraction">Share of the total, in (0, 1].</param>
    /// <param name="Build">Builds the phase given its length in steps.</param>
    public readonly record struct Portion(double Fraction, Func<long, Schedule> Build);

    public static partial class Schedules
    {
        /// <summary>
        /// Phases given as fractions of a run (fastai's <c>combine_scheds(pcts, scheds)</c>): "30% warmup, then cosine over
        /// the rest of 10,000 steps" is <c>Split(10_000, new(0.3, n =&gt; Linear(n, 0, 1e-3)), new(0.7, n =&gt; Cosine(n, 1e-3)))</c>.
        /// Phase boundaries are <c>round(total·Σfractions)</c>, so the lengths add up to exactly <paramref name="totalSteps"/>.
        /// </summary>
        /// <param name="totalSteps">The whole run in steps.</param>
        /// <param name="portions">Fractions summing to 1, each with its phase builder.</param>
        public static Schedule Split(long totalSteps, params Portion[] portions)
        {
            ArgumentNullException.ThrowIfNull(portions);
            var lengths = new long[portions.Length];
            ConstructorRules.Split(totalSteps, portions.Select(p => p.Fraction).ToArray(), lengths).ThrowIfAny();
            var phases = new Schedule[portions.Length];
            for (int i = 0; i < portions.Length; i++)
            {
                var phase = portions[i].Build(lengths[i]);
                ConstructorRules.SplitPhase(phase.ToString(), phase.Length, lengths[i]).ThrowIfAny();
                phases[i] = phase;
            }
            return Sequence(phases);
        }
    }
}
