using System;

namespace LrCompose.Generators.Model
{
    /// <summary>
    /// One node of a flattened recipe, as plain data: its kind (the recipe word), numbers, whole numbers, flags and
    /// children. It mirrors the runtime node the library builds for the same call, including the runtime's fusion.
    /// </summary>
    internal sealed record NodeSpec(string Kind, EquatableArray<double> Numbers, EquatableArray<long> Wholes, int Flags,
        EquatableArray<NodeSpec> Children, long? Length, double Span)
    {
        public double N(int i) => Numbers[i];
        public long W(int i) => Wholes[i];
        public NodeSpec Child => Children[0];

        public static NodeSpec Make(string kind, double[] numbers, long[] wholes, long? length, int flags = 0, params NodeSpec[] children) =>
            new(kind, numbers.ToEquatableArray(), wholes.ToEquatableArray(), flags, children.ToEquatableArray(), length,
                length.HasValue ? length.Value : double.PositiveInfinity);

        public NodeSpec WithSpan(double span) => this with { Span = span };
    }

    /// <summary>Everything needed to emit one compiled schedule.</summary>
    internal sealed record RecipeSpec(
        string? Namespace,
        EquatableArray<string> ContainingTypes,
        string TypeName,
        string MemberName,
        string StructName,
        string Accessibility,
        NodeSpec? Root,
        string? FallbackReason)
    {
        /// <summary><c>Namespace.Type.Member.g.cs</c>, with any generic punctuation made file-safe.</summary>
        public string FileName
        {
            get
            {
                var name = new System.Text.StringBuilder();
                foreach (char c in TypeName.Replace("global::", "")) name.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
                return name + "." + MemberName + ".g.cs";
            }
        }
    }

    /// <summary>A model together with the diagnostics found while building it (errors are data).</summary>
    internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Errors) where T : class;
}
