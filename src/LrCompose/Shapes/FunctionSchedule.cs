using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Shapes
{
    /// <summary><c>lambda "name"</c>: any function of the step, checked on every value it returns.</summary>
    internal sealed class FunctionSchedule(Func<long, double> function, string name) : Schedule
    {
        public string Name { get; } = name;
        public override long? Length => null;
        public override double Min => 0;
        public override double Max => Rules.MaxMagnitude;

        internal override double At(double t)
        {
            long step = t >= long.MaxValue ? long.MaxValue : (long)Math.Floor(t);
            double value = function(step);
            // The promise "no schedule returns NaN or an infinity" must survive user code: fail loudly instead.
            if (Rules.Rate(value) is { } broken)
                throw new InvalidOperationException($"function \"{Name}\" returned {Guard.Show(value)} at step {step}: a rate {broken}.");
            return value;
        }

        internal override void Write(RecipeWriter writer) => writer.Word("lambda").Quoted(Name);
    }
}

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>Wraps a function of the step (PyTorch's <c>LambdaLR</c> idea). Every value it returns is checked.</summary>
        /// <param name="function">The rate at a step.</param>
        /// <param name="name">A name for printing: <c>lambda "name"</c>.</param>
        public static Schedule FromFunction(Func<long, double> function, string name = "function")
        {
            ArgumentNullException.ThrowIfNull(function);
            ArgumentNullException.ThrowIfNull(name);
            return new Shapes.FunctionSchedule(function, name);
        }
    }
}
