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
            // Both switches list every kind and have no discard arm: a kind added to ScheduleKind that they do not
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

            /// <summary>The runtime node's Min and Max.</summary>
            public static (double Min, double Max) Bounds(NodeSpec n) => n.Kind switch
            {
                ScheduleKind.Constant or ScheduleKind.Hold => (n.N(0), n.N(0)),
                ScheduleKind.Linear or ScheduleKind.OneMinusSqrt or ScheduleKind.Polynomial or ScheduleKind.Cosine or ScheduleKind.Warmup =>
                    (Math.Min(n.N(0), n.N(1)), Math.Max(n.N(0), n.N(1))),
                ScheduleKind.Exponential =>
                    (ScheduleFormulas.ExponentialMin(n.N(0), n.N(1), n.Clamped, n.N(2)), ScheduleFormulas.ExponentialMax(n.N(0), n.Clamped, n.N(2))),
                ScheduleKind.StepDecay or ScheduleKind.InverseSqrt or ScheduleKind.PowerLaw or ScheduleKind.InverseTime => (0, n.N(0)),
                ScheduleKind.MultiStep => Spread(n.N(0), ScheduleFormulas.MultiStepValue(n.N(0), n.N(1), n.Wholes.Count)),
                ScheduleKind.PiecewiseConstant => (n.Numbers.Min(), n.Numbers.Max()),
                ScheduleKind.Interpolate => (n.Numbers.Where((_, i) => i % 2 == 1).Min(), n.Numbers.Where((_, i) => i % 2 == 1).Max()),
                ScheduleKind.Tanh => Spread(At(n, 0), At(n, n.W(0))),
                ScheduleKind.Triangular or ScheduleKind.Mirror => (n.N(0), n.N(1)),
                ScheduleKind.Sequence or ScheduleKind.Join => (n.Children.Select(Bounds).Min(b => b.Min), n.Children.Select(Bounds).Max(b => b.Max)),
                ScheduleKind.Scale => (Bounds(n.Child).Min * n.N(0), Bounds(n.Child).Max * n.N(0)),
                ScheduleKind.Sum => (Bounds(n.Children[0]).Min + Bounds(n.Children[1]).Min, Bounds(n.Children[0]).Max + Bounds(n.Children[1]).Max),
                ScheduleKind.Shift or ScheduleKind.Stretch or ScheduleKind.Take or ScheduleKind.PerEpoch or ScheduleKind.Retarget
                    or ScheduleKind.Staircase => Bounds(n.Child),
                ScheduleKind.DecayAt => DecayBounds(n),
                ScheduleKind.Clamp => (ScheduleFormulas.Clamp(Bounds(n.Child).Min, n.N(0), n.N(1)), ScheduleFormulas.Clamp(Bounds(n.Child).Max, n.N(0), n.N(1))),
                ScheduleKind.Cycle => (ScheduleFormulas.CycleMin(Bounds(n.Child).Min, n.N(1), n.W(0) >= 0 ? n.W(0) : (long?)null), Bounds(n.Child).Max),
                ScheduleKind.Min => (Math.Min(Bounds(n.Children[0]).Min, Bounds(n.Children[1]).Min), Math.Min(Bounds(n.Children[0]).Max, Bounds(n.Children[1]).Max)),
                ScheduleKind.Max => (Math.Max(Bounds(n.Children[0]).Min, Bounds(n.Children[1]).Min), Math.Max(Bounds(n.Children[0]).Max, Bounds(n.Children[1]).Max)),
                ScheduleKind.Map or ScheduleKind.WarmupCosine or ScheduleKind.OneCycle or ScheduleKind.Sgdr or ScheduleKind.WarmupStableDecay
                    or ScheduleKind.Noam => throw NotANode(n.Kind),
            };
#pragma warning restore CS8524

            /// <summary>Kinds the parser never puts in the model: recipes are built from the shapes they are made of, and a
            /// mapped schedule is not flattened.</summary>
            private static InvalidOperationException NotANode(ScheduleKind kind) => new InvalidOperationException(kind + " is never a node of the model");

            private static (double Min, double Max) Spread(double a, double b) => (Math.Min(a, b), Math.Max(a, b));

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

            private static (double Min, double Max) DecayBounds(NodeSpec n)
            {
                var (min, max) = Bounds(n.Child);
                double from = At(n.Child, n.W(0));
                return (Math.Min(min, Math.Min(from, n.N(0))), Math.Max(max, Math.Max(from, n.N(0))));
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
