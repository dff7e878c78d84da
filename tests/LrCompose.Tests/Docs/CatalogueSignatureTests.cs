using System.Reflection;
using System.Text.RegularExpressions;

namespace LrCompose.Tests.Docs;

/// <summary>
/// The catalogue's signatures are the real ones: in every table row that starts with a call (<c>Cosine(steps, peak, …)</c>,
/// <c>s.Cycle(multiplier, decay, limit)</c>), the method exists on <c>Schedules</c>, <c>Schedule</c> or <c>Recipes</c>
/// and every argument named is one of its C# parameter names, so a user can copy them as named arguments.
/// </summary>
public partial class CatalogueSignatureTests
{
    private static readonly Type[] Owners = [typeof(Schedules), typeof(Schedule), typeof(Recipes)];

    public static TheoryData<string> Signatures =>
        new(DocPages.Text("docs/catalogue.md").Split('\n')
            .Select(line => Row().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value));

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Signature_names_a_real_method_and_its_real_parameters(string signature)
    {
        var call = Call().Match(signature);
        Assert.True(call.Success, $"'{signature}' is not a call");
        string name = call.Groups["name"].Value;
        var methods = Owners.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)).Where(m => m.Name == name).ToList();
        Assert.True(methods.Count > 0, $"'{signature}': no public method {name}");
        var parameters = methods.SelectMany(m => m.GetParameters()).Select(p => p.Name).ToHashSet();
        foreach (string arg in call.Groups["args"].Value.Split(',').Select(a => a.Trim().TrimEnd('…').Trim()).Where(a => a.Length > 0))
            Assert.True(parameters.Contains(arg), $"'{signature}': {name} has no parameter '{arg}' (it has {string.Join(", ", parameters)})");
    }

    [Fact]
    public void The_catalogue_names_every_option_enum()
    {
        string page = DocPages.Text("docs/catalogue.md");
        foreach (var type in new[] { typeof(WarmupShape), typeof(WarmupCount), typeof(Interpolation), typeof(TriangularMode), typeof(DecayShape), typeof(Anneal) })
            Assert.True(page.Contains("`" + type.Name), $"docs/catalogue.md does not name {type.Name}");
    }

    [GeneratedRegex(@"^\| `([A-Za-z.]+\([^`]*\))`")]
    private static partial Regex Row();

    [GeneratedRegex(@"^(?:[a-z]\.|Schedule\.)?(?<name>[A-Z][A-Za-z]*)\((?<args>[^()]*)\)")]
    private static partial Regex Call();
}
