using System;

namespace LrCompose.Generators.Model
{
    /// <summary>Everything needed to emit one compiled schedule.</summary>
    internal sealed record RecipeSpec(
        string? Namespace,
        EquatableArray<string> ContainingTypes,
        string TypeName,
        string MemberName,
        string StructName,
        string Accessibility,
        NodeSpec? Root,
        string? FallbackReason,
        string Recipe)
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
