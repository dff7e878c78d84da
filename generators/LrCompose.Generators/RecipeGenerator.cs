using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LrCompose.Generators
{
    /// <summary>
    /// Compiles <c>[CompiledSchedule]</c> recipes into allocation-free structs. Pipeline only: finding declarations
    /// (<see cref="RecipeParser"/>) and writing code (<see cref="RecipeEmitter"/>) live in their own files.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RecipeGenerator : IIncrementalGenerator
    {
        /// <summary>The attribute the generator looks for.</summary>
        public const string AttributeName = "LrCompose.CompiledScheduleAttribute";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var recipes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeName,
                    predicate: static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax,
                    transform: static (ctx, ct) => RecipeParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Recipes);

            context.RegisterSourceOutput(recipes, static (spc, result) =>
            {
                foreach (var error in result.Errors) spc.ReportDiagnostic(error.ToDiagnostic());
                if (result.Value is { } recipe) spc.AddSource(recipe.FileName, RecipeEmitter.Emit(recipe));
            });
        }
    }
}
