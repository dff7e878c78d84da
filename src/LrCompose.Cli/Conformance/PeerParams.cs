using System.Text.Json;

namespace LrCompose.Cli.Conformance;

/// <summary>Reads a case's <c>params</c> object by the peer's own parameter names; JSON null or absence means the default.</summary>
internal readonly struct PeerParams(JsonElement element)
{
    public JsonElement Element { get; } = element;

    public bool Has(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public double D(string name) => Has(name) ? Get(name).GetDouble() : throw Missing(name);
    public double D(string name, double fallback) => Has(name) ? Get(name).GetDouble() : fallback;
    public double? DOrNull(string name) => Has(name) ? Get(name).GetDouble() : null;
    public long L(string name) => Has(name) ? (long)Get(name).GetDouble() : throw Missing(name);
    public long L(string name, long fallback) => Has(name) ? (long)Get(name).GetDouble() : fallback;
    public long? LOrNull(string name) => Has(name) ? (long)Get(name).GetDouble() : null;
    public int I(string name, int fallback) => (int)L(name, fallback);
    public bool B(string name, bool fallback) => Has(name) ? Get(name).GetBoolean() : fallback;
    public string S(string name, string fallback) => Has(name) ? Get(name).GetString() ?? fallback : fallback;
    public string S(string name) => Has(name) ? Get(name).GetString()! : throw Missing(name);
    public long[] Longs(string name) => Has(name) ? Get(name).EnumerateArray().Select(e => (long)e.GetDouble()).ToArray() : throw Missing(name);
    public PeerParams[] Objects(string name) => Has(name) ? Get(name).EnumerateArray().Select(e => new PeerParams(e)).ToArray() : throw Missing(name);

    /// <summary>An object whose keys are integer strings, as optax's <c>boundaries_and_scales</c>.</summary>
    public Dictionary<long, double>? IntKeyed(string name) =>
        Has(name) ? Get(name).EnumerateObject().ToDictionary(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetDouble()) : null;

    private JsonElement Get(string name) => Element.GetProperty(name);

    private static KeyNotFoundException Missing(string name) => new($"parameter '{name}' is required");
}
