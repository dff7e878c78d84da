using System.Globalization;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LrCompose.Text;

/// <summary>
/// The grammar of text recipes (Pidgin):
/// <code>
/// recipe      := chain ('|&gt;' application)*          x |&gt; f args  is  f args (x)
/// chain       := term ('&gt;&gt;' term)*
/// term        := application | '(' recipe ')'
/// application := word arg*
/// arg         := word '=' value | number | string | '(' recipe ')'
/// value       := number | word | '[' item (',' item)* ']'     item := number (':' number)?
/// </code>
/// </summary>
internal static class RecipeParser
{
    private static Parser<char, T> Token<T>(Parser<char, T> parser) => parser.Before(SkipWhitespaces);

    private static Parser<char, string> Symbol(string text) => Token(String(text)).Labelled($"'{text}'");

    private static readonly Parser<char, string> Digits = Digit.AtLeastOnceString();

    private static readonly Parser<char, string> NumberText =
        Map((sign, whole, fraction, exponent) => sign + whole + fraction + exponent,
            Char('-').Optional().Select(c => c.HasValue ? "-" : ""),
            Digits,
            Char('.').Then(Digits, (dot, d) => "." + d).Optional().Select(m => m.GetValueOrDefault("")),
            OneOf(Char('e'), Char('E'))
                .Then(OneOf(Char('+'), Char('-')).Optional(), (e, s) => "e" + (s.HasValue ? s.Value.ToString() : ""))
                .Then(Digits, (e, d) => e + d)
                .Optional().Select(m => m.GetValueOrDefault("")))
        .Labelled("a number");

    private static readonly Parser<char, (string Text, double Value, int Offset)> Number =
        Token(Map((offset, text) => (text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), offset), CurrentOffset, NumberText));

    private static readonly Parser<char, string> WordText =
        Map((first, rest) => first + rest, Letter, OneOf(LetterOrDigit, Char('-'), Char('_')).ManyString()).Labelled("a name");

    private static readonly Parser<char, (string Text, int Offset)> Word = Token(Map((offset, w) => (w, offset), CurrentOffset, WordText));

    private static readonly Parser<char, string> Quoted =
        Token(AnyCharExcept('"', '\\').Or(Char('\\').Then(Any)).ManyString().Between(Char('"'))).Labelled("a quoted name");

    private static readonly Parser<char, RecipeValue> ListItems =
        Map((offset, items) => (RecipeValue)new ListValue(items.Select(i => (i.At, i.Value)).ToList(), offset, items.Select(i => i.Text).ToList()),
            CurrentOffset,
            Map((at, value) => (At: at.Value, Value: value.HasValue ? value.Value.Value : (double?)null, at.Text),
                    Number, Symbol(":").Then(Number).Optional())
                .Separated(Symbol(","))
                .Between(Symbol("["), Symbol("]")));

    private static readonly Parser<char, RecipeValue> Value = OneOf(
        Number.Select(n => (RecipeValue)new NumberValue(n.Value, n.Text, n.Offset)),
        Word.Select(w => (RecipeValue)new WordValue(w.Text, w.Offset)),
        ListItems).Labelled("a value");

    private static readonly Parser<char, RecipeArg> Arg = OneOf(
        // No argument is a bare word, so a word here must be a key: a missing '=' or value is reported where it belongs.
        Map((key, value) => (RecipeArg)new NamedArg(key.Text, value, key.Offset), Word.Before(Symbol("=")), Value),
        Number.Select(n => (RecipeArg)new NumberArg(n.Value, n.Text, n.Offset)),
        Map((offset, s) => (RecipeArg)new StringArg(s, offset), CurrentOffset, Quoted),
        Map((offset, e) => (RecipeArg)new ScheduleArg(e, offset), CurrentOffset, Rec(() => Recipe!).Between(Symbol("("), Symbol(")"))));

    private static readonly Parser<char, Application> App =
        Map((name, args) => new Application(name.Text, args.ToList(), name.Offset), Word.Labelled("a schedule name"), Arg.Many());

    private static readonly Parser<char, RecipeExpr> Term = OneOf(
        App.Cast<RecipeExpr>(),
        Rec(() => Recipe!).Between(Symbol("("), Symbol(")")));

    private static readonly Parser<char, RecipeExpr> ChainOf =
        Map((offset, parts) =>
        {
            var list = parts.ToList();
            return list.Count == 1 ? list[0] : new Chain(list, offset);
        }, CurrentOffset, Term.SeparatedAtLeastOnce(Symbol(">>")));

    private static readonly Parser<char, RecipeExpr> Recipe =
        Map((first, pipes) => pipes.Aggregate(first, (input, f) =>
                (RecipeExpr)(f with { Args = f.Args.Append(new ScheduleArg(input, input.Offset)).ToList() })),
            ChainOf, Symbol("|>").Then(App).Many());

    private static readonly Parser<char, RecipeExpr> Whole = SkipWhitespaces.Then(Recipe).Before(End);

    /// <summary>The whole character at <paramref name="offset"/>: an emoji or any character beyond the first 65,536 is
    /// two UTF-16 units, and showing only the first would show half a character.</summary>
    private static string Character(string text, int offset, char unit) =>
        char.IsHighSurrogate(unit) && offset >= 0 && offset + 1 < text.Length && char.IsSurrogatePair(text[offset], text[offset + 1])
            ? text.Substring(offset, 2)
            : unit.ToString();

    /// <summary>Parses the syntax of a recipe, or throws <see cref="RecipeFormatException"/> at the first problem.</summary>
    public static RecipeExpr Parse(string text)
    {
        var result = Whole.Parse(text);
        if (result.Success) return result.Value;
        var error = result.Error!;
        string expected = string.Join(", ", error.Expected.Select(e => e.Label ?? (e.Tokens.IsDefault ? "end of input" : $"'{new string(e.Tokens.ToArray())}'")).Distinct().Order());
        string found = error.EOF ? "the end of the recipe" : error.Unexpected.HasValue ? $"'{Character(text, error.ErrorOffset, error.Unexpected.Value)}'" : "something else";
        string problem = expected.Length > 0 ? $"expected {expected}, found {found}" : $"unexpected {found}";
        return error.ErrorOffset >= 0 ? throw new RecipeFormatException(text, error.ErrorOffset, problem) : throw new RecipeFormatException(text, 0, problem);
    }
}
