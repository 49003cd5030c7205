using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Core.Checking;
using Shop.Core.Model;
using Shop.Jobs.Checking;

namespace Shop.Jobs.Tests.Checking;

/// <summary>The supplier-page corpus under Fixtures/pages: each page with its hand-written expected facts and flags.</summary>
public static class FixtureCorpus
{
    public static string Directory => Folder("pages");

    /// <summary>A fixture folder by name. "holdout" holds pages written after the extractor in other shops' styles
    /// (BigCommerce, Shopware, PrestaShop, Etsy, a 2009 table layout, a JavaScript shell). "blind" to "blind5" hold pages and expectations written by helper sessions that
    /// never saw the extractor's code or its fixtures (marketplaces, site builders, pharmacies, four languages, the
    /// rules' edge cases), each set measured on first contact before its general causes were fixed (README, "Accuracy").</summary>
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static IEnumerable<string> Pages => PagesIn(Directory);

    public static IEnumerable<string> PagesIn(string directory) => System.IO.Directory.EnumerateFiles(directory)
        .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".html.gz", StringComparison.Ordinal))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string BaseName(string page) => page.Replace(".html.gz", "").Replace(".html", "");

    public static JsonObject Expected(string page, string? directory = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory ?? Directory, BaseName(page) + ".expected.json")))!.AsObject();

    public static async Task<CheckResult> CheckAsync(PageChecker checker, string page, string? directory = null)
    {
        var expected = Expected(page, directory);
        var listing = expected["listing"] is { } l ? l.Deserialize<Listing>(Words.Json) : null;
        await using var file = File.OpenRead(Path.Combine(directory ?? Directory, page));
        return await checker.CheckAsync(page, file, null, listing, CancellationToken.None);
    }

    /// <summary>Compares one result with its sidecar: every expected product and facts field, and the set of
    /// flags (rule:severity) as one item. Returns the mismatches and the number of items compared.</summary>
    public static (List<string> Mismatches, int Compared) Compare(JsonObject expected, CheckResult result)
    {
        var mismatches = new List<string>();
        var compared = 0;
        var got = JsonSerializer.SerializeToNode(result, Words.Json)!.AsObject();
        foreach (var section in (string[])["product", "facts"])
        {
            foreach (var (key, want) in expected[section]!.AsObject())
            {
                compared++;
                var have = got[section]?[key];
                if (!Same(want, have)) mismatches.Add($"{section}.{key}: expected {want?.ToJsonString() ?? "null"}, got {have?.ToJsonString() ?? "null"}");
            }
        }
        compared++;
        var wantFlags = expected["flags"]!.AsArray().Select(f => f!.GetValue<string>()).Order().ToList();
        var haveFlags = result.Flags.Select(f => $"{f.Rule}:{f.Severity.ToWord()}").Order().ToList();
        if (!wantFlags.SequenceEqual(haveFlags)) mismatches.Add($"flags: expected [{string.Join(", ", wantFlags)}], got [{string.Join(", ", haveFlags)}]");
        return (mismatches, compared);
    }

    private static IEnumerable<JsonNode?> Sorted(JsonArray items) => items.OrderBy(
        i => i is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>().ToString("000000.0000", System.Globalization.CultureInfo.InvariantCulture) : i?.ToJsonString(),
        StringComparer.Ordinal);

    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        // Lists are sets in the contract (claims, every distinct length): their order carries nothing.
        if (a is JsonArray x && b is JsonArray y) return x.Count == y.Count && Sorted(x).Zip(Sorted(y)).All(p => Same(p.First, p.Second));
        if (a is JsonValue va && b is JsonValue vb)
        {
            if (va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
            {
                return Math.Abs(va.GetValue<double>() - vb.GetValue<double>()) < 0.0005;
            }
            return va.ToJsonString() == vb.ToJsonString();
        }
        return a.ToJsonString() == b.ToJsonString();
    }
}
