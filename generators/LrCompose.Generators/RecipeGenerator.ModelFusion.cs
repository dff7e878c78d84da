using System;
using LrCompose.Core;
using LrCompose.Generators.Model;

namespace LrCompose.Generators
{
    public sealed partial class RecipeGenerator
    {
        /// <summary>The generator's model as the tree the shared <see cref="Fusion"/> steps fuse, so it is fused as the
        /// runtime's nodes are: the same steps, the same arithmetic.</summary>
        private sealed class ModelFusion : IFusionTree<NodeSpec>
        {
            public static readonly ModelFusion Instance = new ModelFusion();

            public bool IsScale(NodeSpec node, out NodeSpec inner, out double factor) => Is(node, ScheduleKind.Scale, out inner, out factor);

            public bool IsShift(NodeSpec node, out NodeSpec inner, out long offset)
            {
                bool shift = node.Kind == ScheduleKind.Shift;
                (inner, offset) = shift ? (node.Child, node.W(0)) : (node, 0L);
                return shift;
            }

            public bool IsStretch(NodeSpec node, out NodeSpec inner, out double factor) => Is(node, ScheduleKind.Stretch, out inner, out factor);

            public long? Length(NodeSpec node) => node.Length;

            public double Max(NodeSpec node) => NodeValues.Bounds(node).Max;

            public NodeSpec Scale(NodeSpec inner, double factor) =>
                NodeSpec.Make(ScheduleKind.Scale, new[] { factor }, Array.Empty<long>(), inner.Length, inner).WithSpan(inner.Span);

            public NodeSpec Shift(NodeSpec inner, long offset, long? length) =>
                NodeSpec.Make(ScheduleKind.Shift, Array.Empty<double>(), new[] { offset }, length, inner);

            /// <summary>As the runtime's stretch node: the length rounded up, the exact span stretched.</summary>
            public NodeSpec Stretch(NodeSpec inner, double factor) =>
                NodeSpec.Make(ScheduleKind.Stretch, new[] { factor }, Array.Empty<long>(),
                    inner.Length.HasValue ? (long)Math.Ceiling(inner.Length.Value * factor) : (long?)null, inner).WithSpan(inner.Span * factor);

            /// <summary>A node of <paramref name="kind"/> whose factor is its first number.</summary>
            private static bool Is(NodeSpec node, ScheduleKind kind, out NodeSpec inner, out double factor)
            {
                bool match = node.Kind == kind;
                (inner, factor) = match ? (node.Child, node.N(0)) : (node, 0);
                return match;
            }
        }
    }
}
