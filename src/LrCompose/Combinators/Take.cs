using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>take n (s)</c>: the first n steps of s as a phase, holding <c>s(n)</c> afterwards.</summary>
    internal sealed class TakeNode(Schedule inner, long steps) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public long Steps { get; } = steps;
        public override long? Length => Steps;
        public override double Min => Inner.Min;
        public override double Max => Inner.Max;
        internal override double At(double t) => Inner.At(ScheduleFormulas.TakeTime(t, Steps));
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Take).Arg(Steps).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>Makes a phase of the first <paramref name="steps"/> steps: <c>f(t) = s(min(t, steps))</c>. This is how an
        /// unbounded schedule (a constant, an exponential) becomes something <c>Then</c> can follow.</summary>
        public Schedule Take(long steps)
        {
            ConstructorRules.Take(steps).ThrowIfAny();
            return new Combinators.TakeNode(this, steps);
        }
    }
}
