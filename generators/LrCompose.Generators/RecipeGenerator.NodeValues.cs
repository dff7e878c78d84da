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
            public static double At(NodeSpec n, double t)
            {
                switch (n.Kind)
                {
                    case ScheduleKind.Constant: return n.N(0);
                    case ScheduleKind.Linear: return ScheduleFormulas.Linear(t, n.W(0), n.N(0), n.N(1));
                    case ScheduleKind.Cosine: return ScheduleFormulas.Cosine(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3));
                    case ScheduleKind.Polynomial: return ScheduleFormulas.Polynomial(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3));
                    case ScheduleKind.Exponential: return ScheduleFormulas.Exponential(t, n.N(0), n.N(1), n.W(0), n.W(1), n.Staircase, n.Clamped, n.N(2));
                    case ScheduleKind.StepDecay: return ScheduleFormulas.StepDecay(t, n.N(0), n.N(1), n.W(0));
                    case ScheduleKind.MultiStep: return ScheduleFormulas.MultiStepValue(n.N(0), n.N(1), n.Wholes.Count(m => m <= t));
                    case ScheduleKind.PiecewiseConstant: return n.N(n.Wholes.Count(b => b <= t));
                    case ScheduleKind.Interpolate:
                    {
                        var k = n.Numbers.AsArray();
                        int count = k.Length / 2;
                        if (t <= k[0]) return k[1];
                        if (t >= k[2 * (count - 1)]) return k[2 * count - 1];
                        int i = 0;
                        while (k[2 * (i + 1)] <= t) i++;
                        return ScheduleFormulas.Interpolate(t, k[2 * i], k[2 * i + 1], k[2 * i + 2], k[2 * i + 3], n.Interpolation);
                    }
                    case ScheduleKind.InverseSqrt: return ScheduleFormulas.InverseSqrt(t, n.N(0), n.W(0));
                    case ScheduleKind.InverseTime: return ScheduleFormulas.InverseTime(t, n.N(0), n.N(1), n.W(0), n.Staircase);
                    case ScheduleKind.Sum: return At(n.Children[0], t) + At(n.Children[1], t);
                    case ScheduleKind.PowerLaw: return ScheduleFormulas.PowerLaw(t, n.N(0), n.N(1), n.N(2), n.W(0));
                    case ScheduleKind.Tanh: return ScheduleFormulas.Tanh(t, n.W(0), n.N(0), n.N(1), n.N(2), n.N(3));
                    case ScheduleKind.OneMinusSqrt: return ScheduleFormulas.OneMinusSqrt(t, n.W(0), n.N(0), n.N(1));
                    case ScheduleKind.Triangular: return ScheduleFormulas.Triangular(t, n.N(0), n.N(1), n.W(0), n.W(1), n.TriangularMode, n.N(2));
                    case ScheduleKind.Warmup: return ScheduleFormulas.Warmup(t, n.W(0), n.N(0), n.N(1), n.WarmupShape, n.WarmupCount);
                    case ScheduleKind.Hold: return n.N(0);
                    case ScheduleKind.Sequence:
                    case ScheduleKind.Join:
                    {
                        int i = Phase(n, t);
                        return At(n.Children[i], t - n.W(i));
                    }
                    case ScheduleKind.Scale: return n.N(0) * At(n.Child, t);
                    case ScheduleKind.Shift: return At(n.Child, Math.Max(0, t - n.W(0)));
                    case ScheduleKind.Stretch: return At(n.Child, t / n.N(0));
                    case ScheduleKind.Take: return At(n.Child, Math.Min(t, n.W(0)));
                    case ScheduleKind.Clamp: return ScheduleFormulas.Clamp(At(n.Child, t), n.N(0), n.N(1));
                    case ScheduleKind.PerEpoch: return At(n.Child, Math.Floor(t / n.W(0)));
                    case ScheduleKind.Staircase: return At(n.Child, ScheduleFormulas.StairTime(t, n.W(0), n.W(1), n.StairSample));
                    case ScheduleKind.Min: return Math.Min(At(n.Children[0], t), At(n.Children[1], t));
                    case ScheduleKind.Max: return Math.Max(At(n.Children[0], t), At(n.Children[1], t));
                    case ScheduleKind.Mirror:
                    {
                        var inner = n.Child;
                        var part = inner.Kind == ScheduleKind.Sequence ? inner.Children[Phase(inner, t)] : inner;
                        var (min, max) = Bounds(part);
                        return ScheduleFormulas.Mirror(At(inner, t), min, max, n.N(0), n.N(1));
                    }
                    case ScheduleKind.DecayAt:
                        return t < n.W(0) ? At(n.Child, t) : ScheduleFormulas.Decay(t - n.W(0), n.W(1), At(n.Child, n.W(0)), n.N(0), n.DecayShape);
                    case ScheduleKind.Retarget:
                        return At(n.Child, ScheduleFormulas.RetargetTime(t, n.W(0), n.N(0), n.W(1)));
                    case ScheduleKind.Cycle:
                    {
                        double period = n.N(2), decay = n.N(1);
                        double index = ScheduleFormulas.CycleIndex(t, period, n.N(0), out double start, out double length);
                        if (n.W(0) >= 0 && index >= n.W(0)) return ScheduleFormulas.CycleHeld(At(n.Child, n.Child.Length!.Value), decay, n.W(0));
                        return ScheduleFormulas.CycleDecay(At(n.Child, ScheduleFormulas.CycleInnerTime(t, start, length, period)), index, decay);
                    }
                    default: throw new InvalidOperationException("no value for " + n.Kind);
                }
            }

            /// <summary>The runtime node's Min and Max.</summary>
            public static (double Min, double Max) Bounds(NodeSpec n)
            {
                switch (n.Kind)
                {
                    case ScheduleKind.Constant: case ScheduleKind.Hold: return (n.N(0), n.N(0));
                    case ScheduleKind.Linear: case ScheduleKind.OneMinusSqrt: case ScheduleKind.Polynomial: case ScheduleKind.Cosine: case ScheduleKind.Warmup:
                        return (Math.Min(n.N(0), n.N(1)), Math.Max(n.N(0), n.N(1)));
                    case ScheduleKind.Exponential:
                        return (ScheduleFormulas.ExponentialMin(n.N(0), n.N(1), n.Clamped, n.N(2)), ScheduleFormulas.ExponentialMax(n.N(0), n.Clamped, n.N(2)));
                    case ScheduleKind.StepDecay: case ScheduleKind.InverseSqrt: case ScheduleKind.PowerLaw: case ScheduleKind.InverseTime: return (0, n.N(0));
                    case ScheduleKind.Sum:
                    {
                        var (lmin, lmax) = Bounds(n.Children[0]);
                        var (rmin, rmax) = Bounds(n.Children[1]);
                        return (lmin + rmin, lmax + rmax);
                    }
                    case ScheduleKind.MultiStep:
                    {
                        double last = ScheduleFormulas.MultiStepValue(n.N(0), n.N(1), n.Wholes.Count);
                        return (Math.Min(n.N(0), last), Math.Max(n.N(0), last));
                    }
                    case ScheduleKind.PiecewiseConstant: return (n.Numbers.Min(), n.Numbers.Max());
                    case ScheduleKind.Interpolate:
                    {
                        var values = n.Numbers.Where((_, i) => i % 2 == 1).ToArray();
                        return (values.Min(), values.Max());
                    }
                    case ScheduleKind.Tanh:
                        return (Math.Min(At(n, 0), At(n, n.W(0))), Math.Max(At(n, 0), At(n, n.W(0))));
                    case ScheduleKind.Triangular: case ScheduleKind.Mirror: return (n.N(0), n.N(1));
                    case ScheduleKind.Sequence: case ScheduleKind.Join:
                    {
                        var bounds = n.Children.Select(Bounds).ToArray();
                        return (bounds.Min(b => b.Min), bounds.Max(b => b.Max));
                    }
                    case ScheduleKind.Scale:
                    {
                        var (min, max) = Bounds(n.Child);
                        return (min * n.N(0), max * n.N(0));
                    }
                    case ScheduleKind.Shift: case ScheduleKind.Stretch: case ScheduleKind.Take: case ScheduleKind.PerEpoch: case ScheduleKind.Retarget:
                    case ScheduleKind.Staircase:
                        return Bounds(n.Child);
                    case ScheduleKind.DecayAt:
                    {
                        var (min, max) = Bounds(n.Child);
                        double from = At(n.Child, n.W(0));
                        return (Math.Min(min, Math.Min(from, n.N(0))), Math.Max(max, Math.Max(from, n.N(0))));
                    }
                    case ScheduleKind.Clamp:
                    {
                        var (min, max) = Bounds(n.Child);
                        return (ScheduleFormulas.Clamp(min, n.N(0), n.N(1)), ScheduleFormulas.Clamp(max, n.N(0), n.N(1)));
                    }
                    case ScheduleKind.Cycle:
                    {
                        var (min, max) = Bounds(n.Child);
                        return (ScheduleFormulas.CycleMin(min, n.N(1), n.W(0) >= 0 ? n.W(0) : (long?)null), max);
                    }
                    case ScheduleKind.Min: case ScheduleKind.Max:
                    {
                        var (lmin, lmax) = Bounds(n.Children[0]);
                        var (rmin, rmax) = Bounds(n.Children[1]);
                        return n.Kind == ScheduleKind.Max ? (Math.Max(lmin, rmin), Math.Max(lmax, rmax)) : (Math.Min(lmin, rmin), Math.Min(lmax, rmax));
                    }
                    default: throw new InvalidOperationException("no bounds for " + n.Kind);
                }
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
