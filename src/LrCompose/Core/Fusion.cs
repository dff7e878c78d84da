// Compiled into both the LrCompose library and the LrCompose generator: how scale, shift and stretch fuse while they
// are built, once, over any tree of nodes. The library runs it over its Schedule nodes, the generator over its model,
// so the two trees are fused alike by construction (the same steps, the same arithmetic, the same rules). Keep it
// netstandard2.0-friendly.
using System;
using LrCompose.Validation;

namespace LrCompose.Core
{
    /// <summary>What fusion needs of a tree: to recognise a scale, shift or stretch node and see through it, a node's
    /// length and largest value, and to make the fused node.</summary>
    internal interface IFusionTree<TNode>
    {
        bool IsScale(TNode node, out TNode inner, out double factor);
        bool IsShift(TNode node, out TNode inner, out long offset);
        bool IsStretch(TNode node, out TNode inner, out double factor);
        long? Length(TNode node);
        double Max(TNode node);
        TNode Scale(TNode inner, double factor);
        TNode Shift(TNode inner, long offset, long? length);
        TNode Stretch(TNode inner, double factor);
    }

    /// <summary>
    /// The fusing steps of <c>Scale</c>, <c>Shift</c> and <c>Stretch</c>, after the caller has checked the parameter
    /// itself. A broken structure rule goes to <c>broken</c>: the runtime throws it, the generator reports it and goes on.
    /// </summary>
    internal static class Fusion
    {
        /// <summary>No scale for a factor of 1; a scale of a scale is one scale by the product (none when that is 1); the
        /// largest value reached stays within the rate range.</summary>
        public static TNode Scale<TNode>(IFusionTree<TNode> tree, TNode node, double factor, Action<Violation> broken)
        {
            if (factor == 1) return node;
            TNode inner = node;
            double combined = factor;
            if (tree.IsScale(node, out var scaled, out double by))
            {
                inner = scaled;
                combined = by * factor;
            }
            if (ConstructorRules.ScaledMaximum(factor, tree.Max(inner), combined) is { } tooLarge) broken(tooLarge);
            return combined == 1 ? inner : tree.Scale(inner, combined);
        }

        /// <summary>No shift by 0; a shift of a shift is one shift by the sum (none when that is 0), which must fit in a
        /// <c>long</c>, as must the shifted length.</summary>
        public static TNode Shift<TNode>(IFusionTree<TNode> tree, TNode node, long steps, Action<Violation> broken)
        {
            if (steps == 0) return node;
            TNode inner = node;
            long offset = 0;
            if (tree.IsShift(node, out var shifted, out long by))
            {
                inner = shifted;
                offset = by;
            }
            if (ConstructorRules.ShiftTotal(steps, offset, out long total) is { } outOfRange) broken(outOfRange);
            if (total == 0) return inner;
            if (ConstructorRules.ShiftLength(steps, tree.Length(inner), total, out long? length) is { } tooLong) broken(tooLong);
            return tree.Shift(inner, total, length);
        }

        /// <summary>No stretch by 1; a stretch of a stretch is one stretch by the product (none when that is 1), whose
        /// length must fit in a <c>long</c>.</summary>
        public static TNode Stretch<TNode>(IFusionTree<TNode> tree, TNode node, double factor, Action<Violation> broken)
        {
            if (factor == 1) return node;
            TNode inner = node;
            double combined = factor;
            if (tree.IsStretch(node, out var stretched, out double by))
            {
                inner = stretched;
                combined = by * factor;
            }
            if (combined == 1) return inner;
            if (ConstructorRules.StretchedLength(factor, tree.Length(inner), combined) is { } outOfRange) broken(outOfRange);
            return tree.Stretch(inner, combined);
        }
    }
}
