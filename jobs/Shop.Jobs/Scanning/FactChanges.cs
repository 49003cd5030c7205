using System.Globalization;
using System.Text.Json.Nodes;

namespace Shop.Jobs.Scanning;

/// <summary>"What changed" between two stored fact sets (SupplierPage/PageSnapshot FactsJson): a short line a
/// merchandiser reads, such as "needle length 0.25 mm -> 1.0 mm; sterility sterile -> unknown".</summary>
public static class FactChanges
{
    private static readonly (string Path, string Label, string Unit)[] Watched =
    [
        ("product.name", "name", ""),
        ("product.kind", "kind", ""),
        ("product.price", "price", ""),
        ("product.currency", "currency", ""),
        ("product.availability", "availability", ""),
        ("facts.needleLengthsMm", "needle length", " mm"),
        ("facts.needleCount", "needle count", ""),
        ("facts.needleMaterial", "needle material", ""),
        ("facts.intendedUse", "intended use", ""),
        ("facts.singleUse", "single use", ""),
        ("facts.sterility", "sterility", ""),
        ("facts.sterilizationMethod", "sterilization", ""),
        ("facts.claims", "claims", ""),
    ];

    public static IReadOnlyList<string> Between(string? beforeJson, string? afterJson)
    {
        if (beforeJson is null || afterJson is null) return [];
        JsonNode? before, after;
        try
        {
            before = JsonNode.Parse(beforeJson);
            after = JsonNode.Parse(afterJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
        var changes = new List<string>();
        foreach (var (path, label, unit) in Watched)
        {
            var was = Describe(Find(before, path), unit);
            var now = Describe(Find(after, path), unit);
            if (was != now) changes.Add($"{label} {was} -> {now}");
        }
        return changes;
    }

    public static string? Summary(string? beforeJson, string? afterJson, int maxLength = 1000)
    {
        var changes = Between(beforeJson, afterJson);
        if (changes.Count == 0) return null;
        var text = string.Join("; ", changes);
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "\u2026";
    }

    private static JsonNode? Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj) return null;
            // The checker's JSON is camelCase; tolerate PascalCase from older rows.
            node = obj[part] ?? obj[char.ToUpperInvariant(part[0]) + part[1..]];
        }
        return node;
    }

    private static string Describe(JsonNode? node, string unit) => node switch
    {
        null => "unknown",
        JsonArray { Count: 0 } => "none",
        JsonArray array => string.Join("/", array.Select(n => Scalar(n))) + unit,
        _ => Scalar(node) + unit,
    };

    private static string Scalar(JsonNode? node)
    {
        if (node is not JsonValue value) return node?.ToJsonString() ?? "unknown";
        if (value.TryGetValue<double>(out var number)) return number.ToString("0.0##", CultureInfo.InvariantCulture);
        if (value.TryGetValue<bool>(out var flag)) return flag ? "yes" : "no";
        return value.ToString();
    }
}
