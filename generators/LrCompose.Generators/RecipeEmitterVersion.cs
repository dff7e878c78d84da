namespace LrCompose.Generators
{
    /// <summary>The version written into <c>[GeneratedCode]</c> (tests normalise it away).</summary>
    public static class RecipeEmitterVersion
    {
        /// <summary>The generator version.</summary>
        public const string Value = RecipeEmitter.Version;
    }
}
