using LrCompose.Core;
using LrCompose.Text;
using LrCompose.Validation;

namespace LrCompose.Combinators
{
    /// <summary>
    /// <c>mirror low=a high=b (s)</c>: a value that moves opposite to s, from b when s is at its lowest to a when s
    /// is at its highest: <c>f(t) = b − (s(t) − lo)/(hi − lo)·(b − a)</c>. For a sequence, lo and hi are taken per
    /// phase, so one-cycle momentum returns to b at the end even though the rate ends below where it began.
    /// A flat phase maps to a (a held rate is normally the peak).
    /// </summary>
    internal sealed class MirrorNode : Schedule
    {
        private readonly SequenceNode? _sequence;
        private readonly double[] _lows;
        private readonly double[] _highs;

        public MirrorNode(Schedule inner, double low, double high)
        {
            Inner = inner;
            Low = low;
            High = high;
            _sequence = inner as SequenceNode;
            var parts = _sequence?.Parts ?? [inner];
            _lows = parts.Select(p => p.Min).ToArray();
            _highs = parts.Select(p => p.Max).ToArray();
        }

        public Schedule Inner { get; }
        public double Low { get; }
        public double High { get; }
        public override long? Length => Inner.Length;
        internal override double Span => Inner.Span;
        public override double Min => Low;
        public override double Max => High;

        internal override double At(double t)
        {
            int i = _sequence?.PhaseIndex(t) ?? 0;   // whose bounds the value is mirrored between
            return ScheduleFormulas.Mirror(Inner.At(t), _lows[i], _highs[i], Low, High);
        }

        internal override void Write(RecipeWriter writer) => writer.Word(ScheduleKind.Mirror).Named("low", Low).Named("high", High).Inner(Inner);
    }
}

namespace LrCompose
{
    public abstract partial class Schedule
    {
        /// <summary>
        /// A schedule that moves opposite to this one between <paramref name="low"/> and <paramref name="high"/> — the
        /// momentum of one-cycle and cyclic schedules: high where the rate is lowest, low where it peaks, phase by phase.
        /// </summary>
        public Schedule Mirror(double low, double high)
        {
            ConstructorRules.Mirror(low, high).ThrowIfAny();
            return new Combinators.MirrorNode(this, low, high);
        }
    }
}
