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
            Guard.Length(totalSteps);
            if (portions.Length == 0) throw Guard.Fail(nameof(portions), "[]", Rules.NotEmptyRule);
            foreach (var p in portions) Guard.Check(p.Fraction, Rules.Fraction(p.Fraction), nameof(portions));
            double sum = portions.Sum(p => p.Fraction);
            if (Math.Abs(sum - 1) > 1e-9)
                throw Guard.Fail(nameof(portions), Guard.Show(portions.Select(p => p.Fraction).ToArray()), "must have fractions that add up to 1");
            var phases = new Schedule[portions.Length];
            double cumulative = 0;
            long previous = 0;
            for (int i = 0; i < portions.Length; i++)
            {
                cumulative += portions[i].Fraction;
                long boundary = i == portions.Length - 1 ? totalSteps : (long)Math.Round(totalSteps * cumulative);
                long length = boundary - previous;
                if (length < 1)
                    throw Guard.Fail(nameof(portions), Guard.Show(portions[i].Fraction), $"gives phase {i} no steps of a {totalSteps}-step run");
                var phase = portions[i].Build(length);
                if (phase.Length != length)
                    throw Guard.Fail(nameof(portions), phase.ToString(), $"must build a phase of exactly {length} steps");
                phases[i] = phase;
                previous = boundary;
            }
            return Sequence(phases);
        }
    }
}
