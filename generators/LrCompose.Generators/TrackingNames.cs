namespace LrCompose.Generators
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>The declarations found by attribute, turned into models.</summary>
        public const string Recipes = nameof(Recipes);
    }
}
