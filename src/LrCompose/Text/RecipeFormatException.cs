namespace LrCompose;

/// <summary>
/// A text recipe that could not be read: where (<see cref="Position"/>, 0-based) and what was expected there.
/// <see cref="Pointer"/> renders the recipe with a caret under the position.
/// </summary>
public sealed class RecipeFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    public RecipeFormatException(string recipe, int position, string problem)
        : base($"at offset {position}: {problem}")
    {
        Recipe = recipe;
        Position = position;
        Problem = problem;
    }

    /// <summary>The recipe text that failed.</summary>
    public string Recipe { get; }

    /// <summary>The 0-based character offset of the problem.</summary>
    public int Position { get; }

    /// <summary>What went wrong, in words (e.g. <c>expected a number</c>).</summary>
    public string Problem { get; }

    /// <summary>The recipe on one line and a caret under the position on the next.</summary>
    public string Pointer => Recipe + Environment.NewLine + new string(' ', Math.Min(Position, Recipe.Length)) + "^";
}
