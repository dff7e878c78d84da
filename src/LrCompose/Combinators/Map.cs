using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary><c>map "name" (s)</c>: <c>f(t) = g(s(t))</c> for a user function g, each result checked.</summary>
    internal sealed class MapNode(Schedule inner, Func<double, double> function, string name) : Schedule
    {
        public Schedule Inner { get; } = inner;
        public string Name { get; } = name;
        public override long? Length => Inner.Length;
        public override double Min => 0;
        public override double Max => Rules.MaxMagnitude;

        internal override double At(double t)
        {
            double value = function(Inner.At(t));
            if (Rules.Rate(value) is { } broken)
                throw new InvalidOperationException($"map \"{Name}\" returned {Guard.Show(value)} at step {t}: a rate {broken}.");
            return value;
        }

        internal override void Write(RecipeWriter writer) => writer.Word("map").Quoted(Name).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>Applies <paramref name="function"/> to every value: <c>f(t) = function(s(t))</c>. Results must be rates
        /// (finite, in [0, 1e100]); anything else throws when evaluated, so no NaN escapes.</summary>
        /// <param name="function">The transformation.</param>
        /// <param name="name">How it prints: <c>map "name" (…)</c>.</param>
        public Schedule Map(Func<double, double> function, string name = "function")
        {
            ArgumentNullException.ThrowIfNull(function);
            ArgumentNullException.ThrowIfNull(name);
            return new Combinators.MapNode(this, function, name);
        }
    }
}
