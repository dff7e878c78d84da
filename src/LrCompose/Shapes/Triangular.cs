using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose
{
    public static partial class Schedules
    {
        /// <summary>
        /// Triangular cycles between <paramref name="low"/> and <paramref name="high"/>: up over <paramref name="up"/>
        /// steps, down over <paramref name="down"/> (default: the same), for ever. With <c>x</c> the position in the
        /// cycle and <c>s(x)</c> the triangle (0 → 1 → 0): <c>f(t) = low + (high − low)·s(x)·scale</c>, where scale is
        /// 1, <c>1/2^(cycle−1)</c> or <c>gamma^t</c> by <paramref name="mode"/> (PyTorch's <c>CyclicLR</c>).
        /// </summary>
        public static Schedule Triangular(double low, double high, long up, long? down = null,
            TriangularMode mode = TriangularMode.Triangular, double gamma = 1)
        {
            ConstructorRules.Triangular(low, high, up, down, gamma).ThrowIfAny();
            return new Shapes.TriangularShape(low, high, up, down ?? up, mode, gamma);
        }
    }
}

namespace LrCompose.Shapes
{
    /// <summary><c>triangular low=a high=b up=U down=D mode=… gamma=g</c>.</summary>
    internal sealed class TriangularShape(double low, double high, long up, long down, TriangularMode mode, double gamma) : Schedule
    {
        public double Low { get; } = low;
        public double High { get; } = high;
        public long Up { get; } = up;
        public long Down { get; } = down;
        public TriangularMode Mode { get; } = mode;
        public double Gamma { get; } = gamma;
        public override long? Length => null;
        public override double Min => Low;
        public override double Max => High;

        internal override double At(double t) => ScheduleFormulas.Triangular(t, Low, High, Up, Down, Mode, Gamma);

        internal override void Write(RecipeWriter writer)
        {
            writer.Word(ScheduleKind.Triangular).Named("low", Low).Named("high", High).Named("up", Up);
            if (Down != Up) writer.Named("down", Down);
            writer.Param("mode", Mode);
            writer.Param("gamma", Gamma);
        }
    }
}
