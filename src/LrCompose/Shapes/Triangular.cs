using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose
{
    /// <summary>How a triangular cycle's amplitude changes from cycle to cycle (PyTorch CyclicLR's <c>mode</c>).</summary>
    public enum TriangularMode
    {
        /// <summary>The same amplitude every cycle.</summary>
        Triangular,
        /// <summary>The amplitude halves every cycle.</summary>
        Triangular2,
        /// <summary>The amplitude is multiplied by <c>gamma^t</c> (t the step).</summary>
        ExpRange,
    }

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

        internal override double At(double t) => Low + (High - Low) * Height(t);

        /// <summary>The triangle times the mode's amplitude, in [0, 1].</summary>
        internal double Height(double t)
        {
            double total = Up + Down;
            double ratio = Up / total;
            double cycle = Math.Floor(1 + t / total);
            double x = 1.0 + t / total - cycle;
            double triangle = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
            double scale = Mode switch
            {
                TriangularMode.Triangular2 => 1 / Math.Pow(2, cycle - 1),
                TriangularMode.ExpRange => Math.Pow(Gamma, t),
                _ => 1.0,
            };
            return triangle * scale;
        }

        internal override void Write(RecipeWriter writer)
        {
            writer.Word("triangular").Named("low", Low).Named("high", High).Named("up", Up);
            if (Down != Up) writer.Named("down", Down);
            if (Mode != TriangularMode.Triangular) writer.Named("mode", Mode switch
            {
                TriangularMode.Triangular2 => "triangular2",
                _ => "exp-range",
            });
            if (Gamma != 1) writer.Named("gamma", Gamma);
        }
    }
}
