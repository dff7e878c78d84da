using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>constant v</c>: <c>f(t) = v</c> for every step.</summary>
    internal sealed class ConstantShape(double value) : Schedule
    {
        public double Value { get; } = value;
        public override long? Length => null;
        public override double Min => Value;
        public override double Max => Value;
        internal override double At(double t) => Value;
        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Constant).Arg(Value);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>A constant rate: <c>f(t) = value</c>, for ever. Use <c>.Take(n)</c> for an n-step phase.</summary>
        /// <param name="value">The rate, finite and in [0, 1e100].</param>
        public static Schedule Constant(double value)
        {
            ConstructorRules.Constant(value).ThrowIfAny();
            return new Shapes.ConstantShape(value);
        }
    }
}
