using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shop.Jobs.Checking;

/// <summary>Finds the Product (or ProductGroup) nodes of a page's JSON-LD blocks: arrays, @graph, mainEntity,
/// schema.org URLs or bare type names. A broken block is tolerated (one lenient retry, then skipped).</summary>
internal static partial class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonDocument? Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal)) text = text[4..];
        if (text.EndsWith("-->", StringComparison.Ordinal)) text = text[..^3];
        text = text.Replace("<![CDATA[", "").Replace("]]>", "").Trim();
        if (text.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            // Common breakage: raw newlines/tabs inside strings, stray control characters.
            var cleaned = ControlChars().Replace(text, " ");
            try { return JsonDocument.Parse(cleaned, Options); }
            catch (JsonException) { return null; }
        }
    }

    [GeneratedRegex(@"[\u0000-\u001f]")]
    private static partial Regex ControlChars();

    public static void CollectProducts(JsonElement node, List<JsonElement> into, int depth = 0)
    {
        if (depth > 12 || into.Count > 50) return;
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) CollectProducts(item, into, depth + 1);
                break;
            case JsonValueKind.Object:
                if (IsType(node, "Product") || IsType(node, "ProductGroup") || IsType(node, "IndividualProduct") || IsType(node, "ProductModel"))
                {
                    into.Add(node);
                    return;
                }
                foreach (var key in (string[])["@graph", "mainEntity", "mainEntityOfPage", "itemReviewed", "about"])
                {
                    if (node.TryGetProperty(key, out var child)) CollectProducts(child, into, depth + 1);
                }
                break;
        }
    }

    public static bool IsType(JsonElement node, string type)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var t)) return false;
        return t.ValueKind switch
        {
            JsonValueKind.String => TypeName(t.GetString()) == type,
            JsonValueKind.Array => t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && TypeName(x.GetString()) == type),
            _ => false,
        };
    }

    private static string? TypeName(string? value)
    {
        if (value is null) return null;
        var slash = value.LastIndexOfAny(['/', '#', ':']);
        return slash >= 0 ? value[(slash + 1)..] : value;
    }

    /// <summary>A string value (or the name/@value of an object, or the first of an array), HTML-decoded.</summary>
    public static string? Text(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value)) return null;
        return Text(value);
    }

    public static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = value.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : WebUtility.HtmlDecode(s).Trim();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Object:
                return Text(value, "name") ?? Text(value, "@value") ?? Text(value, "value");
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (Text(item) is { } t) return t;
                }
                return null;
            default:
                return null;
        }
    }

    public static IEnumerable<JsonElement> Items(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value)) yield break;
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) yield return item;
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            yield return value;
        }
    }
}
