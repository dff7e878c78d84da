using System;
using System.Linq;
using LrCompose.Core;
using LrCompose.Generators.Model;

namespace LrCompose.Generators
{
    public sealed partial class RecipeGenerator
    {
        /// <summary>
        /// Evaluates a model node while the generator checks a recipe: the value a warmup ramps into, the largest value a
        /// scale reaches. Every formula is the shared <see cref="ScheduleFormulas"/>; only the walk over the model is here.
        /// The emitted code never uses these numbers (it evaluates at run time, on the user's runtime).
        /// </summary>
        private static class NodeValues
        {
            // The switch lists every kind and has no discard arm: a kind added to ScheduleKind that it does not
            // handle is error CS8509 of the generator's build, not an exception inside the compiler. (CS8524 is only
            // about numbers outside the enum, which the model never holds.)
#pragma warning disable CS8524
            public static double At(NodeSpec n, double t) => n.Kind switch
            {
                ScheduleKind.Constant => n.N(0),
                ScheduleKind.Linear => ScheduleFormulas.Linear(t, n.W(0), n.N(0), n.N(1)),
                ScheduleKind.Cosine => ScheduleFormulas.Cosine(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3)),
                ScheduleKind.Polynomial => ScheduleFormulas.Polynomial(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3)),
                ScheduleKind.Exponential => ScheduleFormulas.Exponential(t, n.N(0), n.N(1), n.W(0), n.W(1), n.Staircase, n.Clamped, n.N(2)),
                ScheduleKind.StepDecay => ScheduleFormulas.StepDecay(t, n.N(0), n.N(1), n.W(0)),
                ScheduleKind.MultiStep => ScheduleFormulas.MultiStepValue(n.N(0), n.N(1), n.Wholes.Count(m => m <= t)),
                ScheduleKind.PiecewiseConstant => n.N(n.Wholes.Count(b => b <= t)),
                ScheduleKind.Interpolate => Interpolated(n, t),
                ScheduleKind.InverseSqrt => ScheduleFormulas.InverseSqrt(t, n.N(0), n.W(0)),
                ScheduleKind.InverseTime => ScheduleFormulas.InverseTime(t, n.N(0), n.N(1), n.W(0), n.Staircase),
                ScheduleKind.Tanh => ScheduleFormulas.Tanh(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3)),
                ScheduleKind.OneMinusSqrt => ScheduleFormulas.OneMinusSqrt(t, n.W(0), n.N(0), n.N(1)),
                ScheduleKind.Triangular => ScheduleFormulas.Triangular(t, n.N(0), n.N(1), n.W(0), n.W(1), n.TriangularMode, n.N(2)),
                ScheduleKind.PowerLaw => ScheduleFormulas.PowerLaw(t, n.N(0), n.N(1), n.N(2), n.W(0)),
                ScheduleKind.Warmup => ScheduleFormulas.Warmup(t, n.W(0), n.N(0), n.N(1), n.WarmupShape, n.WarmupCount),
                ScheduleKind.Hold => n.N(0),
                ScheduleKind.Sequence or ScheduleKind.Join => At(n.Children[Phase(n, t)], t - n.W(Phase(n, t))),
                ScheduleKind.Scale => n.N(0) * At(n.Child, t),
                ScheduleKind.Sum => At(n.Children[0], t) + At(n.Children[1], t),
                ScheduleKind.Min => Math.Min(At(n.Children[0], t), At(n.Children[1], t)),
                ScheduleKind.Max => Math.Max(At(n.Children[0], t), At(n.Children[1], t)),
                ScheduleKind.Cycle => Cycled(n, t),
                ScheduleKind.Shift => At(n.Child, ScheduleFormulas.ShiftTime(t, n.W(0))),
                ScheduleKind.Stretch => At(n.Child, ScheduleFormulas.StretchTime(t, n.N(0))),
                ScheduleKind.Clamp => ScheduleFormulas.Clamp(At(n.Child, t), n.N(0), n.N(1)),
                ScheduleKind.Take => At(n.Child, ScheduleFormulas.TakeTime(t, n.W(0))),
                ScheduleKind.Mirror => Mirrored(n, t),
                ScheduleKind.PerEpoch => At(n.Child, ScheduleFormulas.EpochTime(t, n.W(0))),
                ScheduleKind.DecayAt => t < n.W(0) ? At(n.Child, t) : ScheduleFormulas.Decay(t - n.W(0), n.W(1), At(n.Child, n.W(0)), n.N(0), n.DecayShape),
                ScheduleKind.Retarget => At(n.Child, ScheduleFormulas.RetargetTime(t, n.W(0), n.N(0), n.W(1))),
                ScheduleKind.Staircase => At(n.Child, ScheduleFormulas.StairTime(t, n.W(0), n.W(1), n.StairSample)),
                ScheduleKind.Map or ScheduleKind.WarmupCosine or ScheduleKind.OneCycle or ScheduleKind.Sgdr or ScheduleKind.WarmupStableDecay
                    or ScheduleKind.Noam => throw NotANode(n.Kind),
            };

#pragma warning restore CS8524

            /// <summary>The runtime node's Min and Max, as numbers: the model's one bounds structure, <see cref="ModelBounds"/>.</summary>
            public static (double Min, double Max) Bounds(NodeSpec n) => ModelBounds.Of(n, Numbers.Instance);

            /// <summary>Kinds the parser never puts in the model: recipes are built from the shapes they are made of, and a
            /// mapped schedule is not flattened.</summary>
            private static InvalidOperationException NotANode(ScheduleKind kind) => new InvalidOperationException(kind + " is never a node of the model");

            /// <summary>Bounds as numbers, for the generator's checks.</summary>
            private sealed class Numbers : IBoundsArithmetic<double>
            {
                public static readonly Numbers Instance = new Numbers();
                public double Number(double value) => value;
                public double Min(double a, double b) => Math.Min(a, b);
                public double Max(double a, double b) => Math.Max(a, b);
                public double Add(double a, double b) => a + b;
                public double Times(double a, double factor) => a * factor;
                public double Clamp(double value, double low, double high) => ScheduleFormulas.Clamp(value, low, high);
                public double AtStart(NodeSpec node) => NodeValues.At(node, 0);
                public double At(NodeSpec node, long step) => NodeValues.At(node, step);
                public double ExponentialMin(NodeSpec n) => ScheduleFormulas.ExponentialMin(n.N(0), n.N(1), n.Clamped, n.N(2));
                public double ExponentialMax(NodeSpec n) => ScheduleFormulas.ExponentialMax(n.N(0), n.Clamped, n.N(2));
                public double MultiStepEnd(NodeSpec n) => ScheduleFormulas.MultiStepValue(n.N(0), n.N(1), n.Wholes.Count);
                public double CycleMin(double innerMin, NodeSpec n) => ScheduleFormulas.CycleMin(innerMin, n.N(1), n.W(0) >= 0 ? n.W(0) : (long?)null);
            }

            private static double Interpolated(NodeSpec n, double t)
            {
                var k = n.Numbers.AsArray();
                int count = k.Length / 2;
                if (t <= k[0]) return k[1];
                if (t >= k[2 * (count - 1)]) return k[2 * count - 1];
                int i = 0;
                while (k[2 * (i + 1)] <= t) i++;
                return ScheduleFormulas.Interpolate(t, k[2 * i], k[2 * i + 1], k[2 * i + 2], k[2 * i + 3], n.Interpolation);
            }

            private static double Mirrored(NodeSpec n, double t)
            {
                var inner = n.Child;
                var part = inner.Kind == ScheduleKind.Sequence ? inner.Children[Phase(inner, t)] : inner;
                var (min, max) = Bounds(part);
                return ScheduleFormulas.Mirror(At(inner, t), min, max, n.N(0), n.N(1));
            }

            private static double Cycled(NodeSpec n, double t)
            {
                double period = n.N(2), decay = n.N(1);
                double index = ScheduleFormulas.CycleIndex(t, period, n.N(0), out double start, out double length);
                if (n.W(0) >= 0 && index >= n.W(0)) return ScheduleFormulas.CycleHeld(At(n.Child, n.Child.Length!.Value), decay, n.W(0));
                return ScheduleFormulas.CycleDecay(At(n.Child, ScheduleFormulas.CycleInnerTime(t, start, length, period)), index, decay);
            }

            /// <summary>The phase of a sequence or join in force at t: the last whose start is at or before t.</summary>
            public static int Phase(NodeSpec n, double t)
            {
                int i = 0;
                while (i + 1 < n.Wholes.Count && n.W(i + 1) <= t) i++;
                return i;
            }
        }
    }
}
