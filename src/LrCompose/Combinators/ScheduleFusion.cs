using LrCompose.Core;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>The runtime's nodes as the tree the shared <see cref="Fusion"/> steps fuse; a broken rule is thrown.</summary>
    internal sealed class ScheduleFusion : IFusionTree<Schedule>
    {
        public static readonly ScheduleFusion Instance = new();

        /// <summary>What the runtime does with a broken rule: throw it.</summary>
        public static readonly Action<Violation> Throw = violation => violation.ThrowIfAny();

        public bool IsScale(Schedule node, out Schedule inner, out double factor)
        {
            (inner, factor) = node is ScaleNode s ? (s.Inner, s.Factor) : (node, 0);
            return node is ScaleNode;
        }

        public bool IsShift(Schedule node, out Schedule inner, out long offset)
        {
            (inner, offset) = node is ShiftNode s ? (s.Inner, s.Offset) : (node, 0L);
            return node is ShiftNode;
        }

        public bool IsStretch(Schedule node, out Schedule inner, out double factor)
        {
            (inner, factor) = node is StretchNode s ? (s.Inner, s.Factor) : (node, 0);
            return node is StretchNode;
        }

        public long? Length(Schedule node) => node.Length;

        public double Max(Schedule node) => node.Max;

        public Schedule Scale(Schedule inner, double factor) => new ScaleNode(inner, factor);

        public Schedule Shift(Schedule inner, long offset, long? length) => new ShiftNode(inner, offset, length);

        public Schedule Stretch(Schedule inner, double factor) => new StretchNode(inner, factor);
    }
}
