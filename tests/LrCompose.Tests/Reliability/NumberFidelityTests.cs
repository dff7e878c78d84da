using System.Globalization;
using FsCheck.Fluent;
using LrCompose.Tests.Support;
using LrCompose.Text;

namespace LrCompose.Tests.Reliability;

/// <summary>
/// Every number of a recipe that parses prints back with the value its digits denote — a whole number exactly, a
/// real number as the double nearest its digits (never 0 for digits that are not zero) — or the recipe is refused.
/// The numbers are drawn wide: up to 25 digits, fractions, exponents, signs, around 2^31, 2^53 and 2^63.
/// </summary>
public sealed class NumberFidelityTests
{
    /// <summary>A recipe with one number left open, and which printed number must carry it back.</summary>
    private sealed record Template(string Text, string? Key, string Of, bool Whole, bool Live = false);

    private static readonly Template[] Templates =
    [
        new("cosine {0} peak=0.1", null, "cosine", true),
        new("cosine 100 peak={0}", "peak", "cosine", false),
        new("linear 100 from={0} to=0", "from", "linear", false),
        new("take {0} (constant 1)", null, "take", true),
        new("cycle limit={0} (cosine 10 peak=0.1)", "limit", "cycle", true),
        new("step-decay from=0.1 gamma=0.5 every={0}", "every", "step-decay", true),
        new("multi-step from=0.1 gamma=0.5 milestones=[{0}]", null, "multi-step", true),
        new("constant {0}", null, "constant", false),
        new("until-plateau patience={0} (constant 0.1) >> linear 10 from=0.1 to=0", "patience", "until-plateau", true, Live: true),
    ];

    private static readonly string[] Anchors =
        ["2147483647", "2147483648", "4294967297", "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808", "0", "1", "2.7"];

    private static FsCheck.Gen<string> Numbers =>
        FsCheck.Fluent.Gen.OneOf(
            FsCheck.Fluent.Gen.Elements(Anchors),
            from sign in FsCheck.Fluent.Gen.Elements("", "", "-")
            from digits in FsCheck.Fluent.Gen.Choose(1, 25)
            from whole in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements("0123456789".ToCharArray()), digits)
            from fraction in FsCheck.Fluent.Gen.Elements("", "", ".5", ".0", ".25", ".000001")
            from exponent in FsCheck.Fluent.Gen.Elements("", "", "", "e3", "e-3", "e18", "e30", "e-400", "e400")
            select sign + (whole[0] == '0' && whole.Length > 1 ? "1" + new string(whole[1..]) : new string(whole)) + fraction + exponent);

    [Fact]
    public void Every_number_that_parses_prints_back_to_its_digits_value() =>
        Law.Holds(
            from template in FsCheck.Fluent.Gen.Elements(Templates)
            from number in Numbers
            select (template, number),
            c => Check(c.template, c.number));

    private static void Check(Template template, string number)
    {
        string recipe = string.Format(CultureInfo.InvariantCulture, template.Text, number);
        string printed;
        try
        {
            printed = template.Live ? LiveSchedule.Parse(recipe).ToString() : Schedule.Parse(recipe).ToString();
        }
        catch (RecipeFormatException)
        {
            return; // refused: allowed
        }
        var back = template.Live ? [.. Printed(printed, template.Key! + "=")]
            : template.Of == "multi-step" ? [.. Printed(printed, "milestones=[")]
            : RecipeNumbers.Find(printed).Where(n => n.Of == template.Of && n.Key == template.Key).ToList();
        if (back.Count == 0 && template.Live && double.Parse(number, CultureInfo.InvariantCulture) == new PlateauPolicy().Patience)
            return; // the default is not printed
        Assert.True(back.Count == 1, $"{recipe} printed as {printed}: the number {number} is gone");
        string shown = printed.Substring(back[0].Offset, back[0].Length);
        if (decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal typed) && decimal.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal read)
            && template.Whole)
            Assert.True(typed == read, $"{recipe} printed as {printed}: {number} became {shown}");
        else
        {
            double expected = double.Parse(number, CultureInfo.InvariantCulture);
            Assert.True(expected == double.Parse(shown, CultureInfo.InvariantCulture), $"{recipe} printed as {printed}: {number} became {shown}");
        }
    }

    /// <summary>The number printed right after <paramref name="prefix"/> (a plateau policy's <c>patience=</c>, a list's
    /// first item), which the recipe number finder does not list.</summary>
    private static IEnumerable<RecipeNumber> Printed(string printed, string prefix)
    {
        int at = printed.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0) yield break;
        int start = at + prefix.Length, end = start;
        while (end < printed.Length && (char.IsAsciiDigit(printed[end]) || printed[end] is '-' or '.' or 'e' or 'E' or '+')) end++;
        yield return new RecipeNumber(start, end - start, 0, prefix, true, "");
    }
}
