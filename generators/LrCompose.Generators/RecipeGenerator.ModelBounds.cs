using System;
using System.Linq;
using LrCompose.Core;
using LrCompose.Generators.Model;

namespace LrCompose.Generators
{
    public sealed partial class RecipeGenerator
    {
        /// <summary>
        /// The arithmetic a node's bounds are written in. The generator's checks take them as numbers
        /// (<see cref="NodeValues"/>); the emitter takes them as C# expressions that the struct evaluates once, on the
        /// user's runtime. Either way the structure of the bounds is <see cref="ModelBounds.Of{T}"/>, written once.
        /// </summary>
        private interface IBoundsArithmetic<T>
        {
            T Number(double value);
            T Min(T a, T b);
            T Max(T a, T b);
            T Add(T a, T b);
            T Times(T a, double factor);
            T Clamp(T value, double low, double high);
            /// <summary>The node's own value at step 0.</summary>
            T AtStart(NodeSpec node);
            /// <summary>The node's own value at a whole step.</summary>
            T At(NodeSpec node, long step);
            T ExponentialMin(NodeSpec node);
            T ExponentialMax(NodeSpec node);
            /// <summary>A multi-step's value after its last milestone.</summary>
            T MultiStepEnd(NodeSpec node);
            /// <summary>The lowest value of a cycle whose input reaches <paramref name="innerMin"/>.</summary>
            T CycleMin(T innerMin, NodeSpec cycle);
        }

        /// <summary>A node's Min and Max, as the runtime node computes them, over every kind of the model.</summary>
        private static class ModelBounds
        {
            // Every kind, no discard arm: a kind without bounds here is error CS8509 of the generator's build. (CS8524 is
            // only about numbers outside the enum, which the model never holds.)
#pragma warning disable CS8524
            public static (T Min, T Max) Of<T>(NodeSpec n, IBoundsArithmetic<T> a) => n.Kind switch
            {
                ScheduleKind.Constant => (a.Number(n.N(0)), a.Number(n.N(0))),
                ScheduleKind.Hold => (a.AtStart(n), a.AtStart(n)),
                ScheduleKind.Linear or ScheduleKind.OneMinusSqrt or ScheduleKind.Polynomial or ScheduleKind.Cosine =>
                    Spread(a, a.Number(n.N(0)), a.Number(n.N(1))),
                ScheduleKind.Warmup => Spread(a, a.Number(n.N(0)), a.At(n, n.W(0))),
                ScheduleKind.Exponential => (a.ExponentialMin(n), a.ExponentialMax(n)),
                ScheduleKind.StepDecay or ScheduleKind.InverseSqrt or ScheduleKind.PowerLaw or ScheduleKind.InverseTime => (a.Number(0), a.Number(n.N(0))),
                ScheduleKind.MultiStep => Spread(a, a.Number(n.N(0)), a.MultiStepEnd(n)),
                ScheduleKind.PiecewiseConstant => (a.Number(n.Numbers.Min()), a.Number(n.Numbers.Max())),
                ScheduleKind.Interpolate => (a.Number(n.Numbers.Where((_, i) => i % 2 == 1).Min()), a.Number(n.Numbers.Where((_, i) => i % 2 == 1).Max())),
                ScheduleKind.Tanh => Spread(a, a.AtStart(n), a.At(n, n.W(0))),
                ScheduleKind.Triangular or ScheduleKind.Mirror => (a.Number(n.N(0)), a.Number(n.N(1))),
                ScheduleKind.Sequence or ScheduleKind.Join => (n.Children.Select(c => Of(c, a).Min).Aggregate(a.Min), n.Children.Select(c => Of(c, a).Max).Aggregate(a.Max)),
                ScheduleKind.Scale => (a.Times(Of(n.Child, a).Min, n.N(0)), a.Times(Of(n.Child, a).Max, n.N(0))),
                ScheduleKind.Sum => (a.Add(Of(n.Children[0], a).Min, Of(n.Children[1], a).Min), a.Add(Of(n.Children[0], a).Max, Of(n.Children[1], a).Max)),
                ScheduleKind.Shift or ScheduleKind.Stretch or ScheduleKind.Take or ScheduleKind.PerEpoch or ScheduleKind.Retarget
                    or ScheduleKind.Staircase => Of(n.Child, a),
                ScheduleKind.DecayAt => DecayAt(n, a),
                ScheduleKind.Clamp => (a.Clamp(Of(n.Child, a).Min, n.N(0), n.N(1)), a.Clamp(Of(n.Child, a).Max, n.N(0), n.N(1))),
                ScheduleKind.Cycle => (a.CycleMin(Of(n.Child, a).Min, n), Of(n.Child, a).Max),
                ScheduleKind.Min => (a.Min(Of(n.Children[0], a).Min, Of(n.Children[1], a).Min), a.Min(Of(n.Children[0], a).Max, Of(n.Children[1], a).Max)),
                ScheduleKind.Max => (a.Max(Of(n.Children[0], a).Min, Of(n.Children[1], a).Min), a.Max(Of(n.Children[0], a).Max, Of(n.Children[1], a).Max)),
                ScheduleKind.Map or ScheduleKind.WarmupCosine or ScheduleKind.OneCycle or ScheduleKind.Sgdr or ScheduleKind.WarmupStableDecay
                    or ScheduleKind.Noam => throw new InvalidOperationException(n.Kind + " is never a node of the model"),
            };
#pragma warning restore CS8524

            private static (T Min, T Max) Spread<T>(IBoundsArithmetic<T> a, T x, T y) => (a.Min(x, y), a.Max(x, y));

            /// <summary>A decay from the input's value at its step to its end value: the input's bounds widened by both.</summary>
            private static (T Min, T Max) DecayAt<T>(NodeSpec n, IBoundsArithmetic<T> a)
            {
                var (min, max) = Of(n.Child, a);
                T from = a.At(n.Child, n.W(0)), to = a.Number(n.N(0));
                return (a.Min(min, a.Min(from, to)), a.Max(max, a.Max(from, to)));
            }
        }
    }
}
