using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LrCompose.Forecast;

/// <summary>
/// The JSON form of a law: <c>{"law": "multi-power", "params": {"L0": …, "A": …, "alpha": …, "B": …, "C": …,
/// "beta": …, "gamma": …}}</c>, or <c>{"law": "momentum", "params": {"L0": …, "A": …, "alpha": …, "C": …, "lambda": …}}</c>.
/// </summary>
public static class LawJson
{
    /// <summary>The law as a JSON object node (so it can sit inside a larger document).</summary>
    public static JsonObject ToNode(ILossLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        var parameters = new JsonObject();
        foreach (var (name, value) in law.Parameters) parameters[name] = value;
        return new JsonObject { ["law"] = law.Name, ["params"] = parameters };
    }

    /// <summary>The law as indented JSON text.</summary>
    public static string Write(ILossLaw law) => ToNode(law).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The law with the laws of its prediction band (the fits without one training run each) under
    /// <c>"band"</c>: <c>{"law": …, "params": {…}, "band": [{"law": …, "params": {…}}, …]}</c>. Readers of the plain
    /// form ignore the band.</summary>
    public static string Write(ILossLaw law, IReadOnlyList<ILossLaw> band)
    {
        ArgumentNullException.ThrowIfNull(band);
        var node = ToNode(law);
        if (band.Count > 0) node["band"] = new JsonArray([.. band.Select(b => (JsonNode)ToNode(b))]);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The band laws stored beside a law (empty when there are none).</summary>
    /// <exception cref="FormatException">The text is not a law, or a band entry is not one.</exception>
    public static IReadOnlyList<ILossLaw> ParseBand(string json)
    {
        Parse(json);
        var node = JsonNode.Parse(json)!;
        return node["band"] is JsonArray band ? band.Select(b => Parse(b?.ToJsonString() ?? "null")).ToList() : [];
    }

    /// <summary>Reads a law from JSON text.</summary>
    /// <exception cref="FormatException">The text is not a law: not JSON, an unknown law, or a parameter missing or not a number.</exception>
    /// <exception cref="ArgumentException">A parameter breaks its law's rule.</exception>
    public static ILossLaw Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e) { throw new FormatException("not a law: not valid JSON (" + e.Message.Split(" Path:")[0] + ")"); }
        if (node is not JsonObject root || root["law"]?.GetValueKind() != JsonValueKind.String || root["params"] is not JsonObject parameters)
            throw new FormatException("not a law: expected {\"law\": \"multi-power\" or \"momentum\", \"params\": {…}}");
        string name = root["law"]!.GetValue<string>();
        var names = name switch
        {
            "multi-power" => MultiPowerLaw.Names,
            "momentum" => MomentumLaw.Names,
            _ => throw new FormatException($"law was '{name}': it must be multi-power or momentum"),
        };
        var values = names.Select(n => parameters[n] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<double>()
            : throw new FormatException($"params.{n}: expected a number for the {name} law's parameter {n}")).ToArray();
        return name == "multi-power" ? MultiPowerLaw.FromArray(values) : MomentumLaw.FromArray(values);
    }

    /// <summary>Reads a law from a file.</summary>
    /// <exception cref="FormatException">The file does not hold a law (the message names the file).</exception>
    public static ILossLaw Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new LossLogException(path, 0, "no such file");
        try { return Parse(File.ReadAllText(path)); }
        catch (FormatException e) { throw new LossLogException(path, 0, e.Message); }
        catch (ArgumentException e) { throw new LossLogException(path, 0, e.Message.Split(" (Parameter")[0]); }
    }

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
