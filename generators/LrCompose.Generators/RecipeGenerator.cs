using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LrCompose.Generators
{
    /// <summary>
    /// Compiles <c>[CompiledSchedule]</c> recipes into allocation-free structs. Pipeline only: reading declarations
    /// (<c>RecipeGenerator.Parser.cs</c>), checking values (<c>RecipeGenerator.NodeValues.cs</c>) and writing code
    /// (<c>RecipeGenerator.Emitter.cs</c>) live in their own files.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class RecipeGenerator : IIncrementalGenerator
    {
        /// <summary>The attribute the generator looks for.</summary>
        public const string AttributeName = "LrCompose.CompiledScheduleAttribute";

        /// <summary>The generator's version (major.minor.patch), read from its assembly, as written into <c>[GeneratedCode]</c>.</summary>
        public static string Version { get; } = typeof(RecipeGenerator).Assembly.GetName().Version is { } v ? v.ToString(3) : "0.0.0";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var recipes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeName,
                    predicate: static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax,
                    transform: static (ctx, ct) => Parser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Recipes);

            context.RegisterSourceOutput(recipes, static (spc, result) =>
            {
                foreach (var error in result.Errors) spc.ReportDiagnostic(error.ToDiagnostic());
                if (result.Value is { } recipe) spc.AddSource(recipe.FileName, Emitter.Emit(recipe));
            });
        }
    }
}
