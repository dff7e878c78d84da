using LrCompose.Validation;

namespace LrCompose.Tests.Rules;

/// <summary>
/// How a refused value is shown in a message: numbers round-trip in the invariant format (R for doubles), lists are
/// bracketed, a missing value says null.
/// </summary>
public class GuardShowTests
{
    private sealed class Named(string name)
    {
        public override string ToString() => name;
    }

    private sealed class Unnamed
    {
        public override string? ToString() => null;
    }

    public static TheoryData<object?, string> Shown => new()
    {
        { null, "null" },
        { "a text", "a text" },
        { 0.1, "0.1" },
        { 1e-300, "1E-300" },
        { double.NaN, "NaN" },
        { new long[] { 5, -3 }, "[5, -3]" },
        { new double[] { 0.5, 1e-5 }, "[0.5, 1E-05]" },
        { new List<object?> { 1.5, "x", null }, "[1.5, x, null]" },
        { 1234567L, "1234567" },
        { 2.5m, "2.5" },
        { new Named("a schedule"), "a schedule" },
        { new Unnamed(), "" },
    };

    [Theory]
    [MemberData(nameof(Shown))]
    public void A_value_is_shown_invariantly(object? value, string expected) => Assert.Equal(expected, Guard.Show(value));

    [Fact]
    public void A_broken_rule_names_parameter_value_and_rule()
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Guard.Check(new double[] { 0.5, -1 }, "must be sorted", "values"));
        Assert.Equal("values", e.ParamName);
        Assert.Equal("values was [0.5, -1]: it must be sorted.", e.Message);
        Assert.Equal(0.25, Guard.Check(0.25, null, "x"));
    }
}
