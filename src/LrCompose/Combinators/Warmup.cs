using LrCompose.Core;
using LrCompose.Shapes;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// A warmup of <paramref name="steps"/> steps from <paramref name="from"/> into the start value of whatever
        /// follows it: <c>Warmup(2000).Then(Cosine(248_000, peak: 2.5e-4))</c>. The join is continuous by construction.
        /// </summary>
        /// <param name="steps">Warmup length in steps (≥ 1).</param>
        /// <param name="from">The value at step 0.</param>
        /// <param name="shape">Linear, exponential or cosine ramp.</param>
        /// <param name="count">Whether step t has reached t/W (<see cref="WarmupCount.FromZero"/>) or (t+1)/W of the way.</param>
        public static Lead Warmup(long steps, double from = 0, WarmupShape shape = WarmupShape.Linear, WarmupCount count = WarmupCount.FromZero)
        {
            ConstructorRules.Warmup(steps, from, shape == WarmupShape.Exponential).ThrowIfAny();
            return Lead.Of(new WarmupPart(steps, from, shape, count));
        }

        /// <summary>A stable phase of <paramref name="steps"/> steps that holds the start value of whatever follows it
        /// (the "stable" of warmup-stable-decay).</summary>
        public static Lead Hold(long steps)
        {
            ConstructorRules.Hold(steps).ThrowIfAny();
            return Lead.Of(new HoldPart(steps));
        }
    }
}

namespace LrCompose.Shapes
{
    /// <summary>A resolved warmup: <c>warmup W from=a shape=… count=…</c>, ramping into the next phase's start.</summary>
    internal sealed class WarmupRamp(long steps, double from, double to, WarmupShape shape, WarmupCount count) : FiniteShape(steps)
    {
        public double From { get; } = from;
        public double To { get; } = to;
        public WarmupShape Shape { get; } = shape;
        public WarmupCount Count { get; } = count;
        public override double Min => Math.Min(From, To);
        public override double Max => Math.Max(From, To);
        internal override double At(double t) => ScheduleFormulas.Warmup(t, Steps, From, To, Shape, Count);

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Warmup).Arg(Steps).Param("from", From);
            writer.Param("shape", Shape).Param("count", Count);
        }
    }

    /// <summary>A resolved hold: <c>hold N</c>, the next phase's start value for N steps.</summary>
    internal sealed class HoldPhase(long steps, double value) : FiniteShape(steps)
    {
        public double Value { get; } = value;
        public override double Min => Value;
        public override double Max => Value;
        internal override double At(double t) => Value;
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Hold).Arg(Steps);
    }
}
