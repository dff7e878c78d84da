using LrCompose.Core;

namespace LrCompose.Generators.Model
{
    /// <summary>
    /// One node of a flattened recipe, as plain equatable data: its kind, its numbers and whole numbers (in the order
    /// of the C# parameters), its named options, and its children. It mirrors the runtime node the library builds for
    /// the same call, including the runtime's fusion.
    /// </summary>
    internal sealed record NodeSpec(ScheduleKind Kind, EquatableArray<double> Numbers, EquatableArray<long> Wholes,
        EquatableArray<NodeSpec> Children, long? Length, double Span)
    {
        /// <summary>The warmup's curve (warmup nodes).</summary>
        public WarmupShape WarmupShape { get; init; }

        /// <summary>The warmup's counting convention (warmup nodes).</summary>
        public WarmupCount WarmupCount { get; init; }

        /// <summary>The triangular amplitude mode (triangular nodes).</summary>
        public TriangularMode TriangularMode { get; init; }

        /// <summary>How knots are joined (interpolate nodes).</summary>
        public Interpolation Interpolation { get; init; }

        /// <summary>The shape of a decay-at's cooldown.</summary>
        public DecayShape DecayShape { get; init; }

        /// <summary>Which end of each stair a staircase holds.</summary>
        public StairSample StairSample { get; init; }

        /// <summary>Whether an exponential decays in whole jumps.</summary>
        public bool Staircase { get; init; }

        /// <summary>Whether an exponential is clamped at an end value (then <c>Numbers[2]</c>).</summary>
        public bool Clamped { get; init; }

        public double N(int i) => Numbers[i];
        public long W(int i) => Wholes[i];
        public NodeSpec Child => Children[0];

        public static NodeSpec Make(ScheduleKind kind, double[] numbers, long[] wholes, long? length, params NodeSpec[] children) =>
            new(kind, numbers.ToEquatableArray(), wholes.ToEquatableArray(), children.ToEquatableArray(), length,
                length.HasValue ? length.Value : double.PositiveInfinity);

        public NodeSpec WithSpan(double span) => this with { Span = span };
    }
}
