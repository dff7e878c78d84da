// Compiled into both the LrCompose library and the LrCompose generator: where cycles with growing periods end must be
// computed the same way on both sides.
using System;

namespace LrCompose.Validation
{
    /// <summary>The arithmetic of restarts whose period grows by a constant factor.</summary>
    internal static class CycleSpans
    {
        /// <summary>The exact length of the first <paramref name="cycles"/> cycles: <c>period·(1 − mⁿ)/(1 − m)</c>, or
        /// <c>period·n</c> when the multiplier is 1.</summary>
        public static double Total(double period, double multiplier, long cycles) =>
            multiplier == 1 ? period * cycles : period * (1 - Math.Pow(multiplier, cycles)) / (1 - multiplier);
    }
}
