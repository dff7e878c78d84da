using System.Linq;
using Microsoft.CodeAnalysis;

namespace LrCompose.Generators
{
    /// <summary>Every diagnostic the generator reports. Ids are stable; see docs/diagnostics.md.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "LrCompose";

        public static readonly DiagnosticDescriptor NotConstant = new(
            "LRC001", "Recipe argument is not a compile-time constant",
            "'{0}' is not a compile-time constant, so '{1}' is compiled as a struct that wraps the runtime schedule instead of a flattened formula",
            Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnknownCall = new(
            "LRC002", "Recipe uses a call the generator does not know",
            "'{0}' is not part of the LrCompose recipe vocabulary, so '{1}' is compiled as a struct that wraps the runtime schedule",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NotFlattened = new(
            "LRC003", "Recipe part cannot be flattened",
            "'{0}' cannot be flattened into constants yet, so '{1}' is compiled as a struct that wraps the runtime schedule",
            Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NotStatic = new(
            "LRC004", "Compiled schedule must be static",
            "'{0}' must be static to be a compiled schedule",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NotPartial = new(
            "LRC005", "Containing type must be partial",
            "'{0}' must be declared partial so the generator can add the compiled schedule struct to it",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NoRecipe = new(
            "LRC006", "Compiled schedule needs a recipe",
            "'{0}' must be a Schedule property with an expression body (=> …) or a Schedule field with an initializer",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidParameter = new(
            "LRC010", "Invalid schedule parameter",
            "{0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor WarmupLongerThanRun = new(
            "LRC011", "Warmup longer than the run",
            "{0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NeverEnds = new(
            "LRC012", "A schedule that never ends is used where its end is needed",
            "{0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        private static readonly DiagnosticDescriptor[] All =
            { NotConstant, UnknownCall, NotFlattened, NotStatic, NotPartial, NoRecipe, InvalidParameter, WarmupLongerThanRun, NeverEnds };

        public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);
    }
}
