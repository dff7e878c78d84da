namespace LrCompose.Text;

/// <summary>A number written in a recipe: where it is, as written, and its value (what an editor puts a slider on).</summary>
/// <param name="Offset">Its 0-based character offset in the recipe.</param>
/// <param name="Length">How many characters it takes.</param>
/// <param name="Value">Its value.</param>
/// <param name="Key">The parameter it is the value of (<c>peak</c>, <c>floor</c>, …), or null for a positional number.</param>
/// <param name="Whole">True where the recipe needs a whole number (a length, a step).</param>
/// <param name="Of">The shape or combinator it is an argument of (<c>warmup</c>, <c>cosine</c>, …).</param>
public sealed record RecipeNumber(int Offset, int Length, double Value, string? Key, bool Whole, string Of)
{
    /// <summary>What an editor calls it: the key (<c>peak</c>), or for a positional number its owner and role (<c>warmup steps</c>, <c>scale factor</c>).</summary>
    public string Label => Key ?? (Whole ? Of + " steps" : Of == "constant" ? "constant rate" : Of + " factor");
}

/// <summary>Finds every number of a recipe, so a tool can change one and rewrite the text around it.</summary>
public static class RecipeNumbers
{
    /// <summary>Every positional and named number, in text order.</summary>
    /// <exception cref="RecipeFormatException">The text is not a recipe.</exception>
    public static IReadOnlyList<RecipeNumber> Find(string recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var found = new List<RecipeNumber>();
        Walk(RecipeParser.Parse(recipe), found);
        return found.OrderBy(n => n.Offset).ToArray();
    }

    /// <summary>The recipe with the number at <paramref name="number"/>'s place replaced by <paramref name="value"/>.</summary>
    public static string Replace(string recipe, RecipeNumber number, double value)
    {
        string text = number.Whole ? Math.Round(value).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : RecipeWriter.Number(value);
        return recipe[..number.Offset] + text + recipe[(number.Offset + number.Length)..];
    }

    private static void Walk(RecipeExpr expr, List<RecipeNumber> found)
    {
        switch (expr)
        {
            case Chain chain:
                foreach (var part in chain.Parts) Walk(part, found);
                break;
            case Application app:
            {
                // Whether a number must be whole is what the word's parameter list says of it (a preset or an unknown
                // word has none, and its numbers are shown as written); the plateau words read the policy's list.
                var parameters = Core.WordParameters.OfText(app.Name);
                var positional = parameters is null ? [] : Core.WordParameters.PositionalNumbers(parameters);
                int index = 0;
                foreach (var arg in app.Args)
                {
                    switch (arg)
                    {
                        case NumberArg n:
                            bool whole = index < positional.Count && positional[index].IsWhole;
                            index++;
                            found.Add(new(n.Offset, n.Text.Length, n.Value, null, whole, app.Name));
                            break;
                        case NamedArg { Value: NumberValue v } named:
                            found.Add(new(v.Offset, v.Text.Length, v.Value, named.Key,
                                parameters is not null && Core.WordParameters.ByText(parameters, named.Key) is { IsWhole: true }, app.Name));
                            break;
                        case ScheduleArg s: Walk(s.Expr, found); break;
                    }
                }
                break;
            }
        }
    }
}
