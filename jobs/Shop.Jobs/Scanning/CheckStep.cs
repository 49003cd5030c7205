using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using Shop.Core.Checking;
using Shop.Core.Model;

namespace Shop.Jobs.Scanning;

/// <summary>The outcome of checking one fetched page: ok with the result and the facts to store, or no-content /
/// parse-failed with the reason.</summary>
public sealed record PageCheck(string Outcome, CheckResult? Result, string? FactsJson, string? Error);

/// <summary>Runs the checker on a fetched page for a scan, and tells a page that needs JavaScript (nothing in the
/// markup but scripts) from a clean one: AngleSharp runs no scripts, so such a page is no-content, never "clean".</summary>
public sealed partial class CheckStep
{
    private static readonly IConfiguration Parsing = Configuration.Default;

    public async Task<PageCheck> CheckAsync(Uri url, byte[] body, string? contentType, Listing listing, CancellationToken ct)
    {
        CheckResult result;
        try
        {
            result = await CheckWithAngleSharpAsync(url, body, contentType, listing, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new(PageOutcomes.ParseFailed, null, null, OneLine(e.Message));
        }
        if (!result.Ok) return new(PageOutcomes.ParseFailed, result, null, OneLine(result.Error ?? "The page could not be checked."));
        if (FoundNothing(result) && NeedsJavaScript(body))
        {
            return new(PageOutcomes.NoContent, result, null, "The page has no content without JavaScript (the scanner runs no scripts).");
        }
        var facts = JsonSerializer.Serialize(new StoredFacts(result.Product, result.Facts), Words.Json);
        return new(PageOutcomes.Ok, result, facts, null);
    }

    /// <summary>What SupplierPage.FactsJson and PageSnapshot.FactsJson hold: check-cli's product and facts.</summary>
    public sealed record StoredFacts(CheckedProduct? Product, PageFacts? Facts);

    // Until the checker (PageChecker) is merged in: a title-only extraction so the scan pipeline runs end to end.
    private static async Task<CheckResult> CheckWithAngleSharpAsync(Uri url, byte[] body, string? contentType, Listing listing, CancellationToken ct)
    {
        using var context = BrowsingContext.New(Parsing);
        using var stream = new MemoryStream(body, writable: false);
        using var document = await context.OpenAsync(r =>
        {
            r.Content(stream).Address(url);
            if (contentType is not null) r.Header("Content-Type", contentType);
        }, ct);
        var name = document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title?.Trim();
        _ = listing;
        return new CheckResult
        {
            Source = url.ToString(),
            Ok = true,
            Product = new CheckedProduct { Name = string.IsNullOrEmpty(name) ? null : name },
            Facts = new PageFacts(),
        };
    }

    private static bool FoundNothing(CheckResult result) =>
        // Not the name: a script-only shell still has a <title>.
        result.Product?.Price is null &&
        (result.Facts is null || (result.Facts.NeedleLengthsMm.Count == 0 && result.Facts.Claims.Count == 0 &&
                                  result.Facts.IntendedUse is null && result.Facts.Sterility == Sterility.Unknown));

    /// <summary>Visible text once scripts, styles and tags are gone; only asked of pages where the checker found nothing.</summary>
    internal static bool NeedsJavaScript(byte[] body)
    {
        var html = Encoding.UTF8.GetString(body);
        var withoutCode = CodeBlocks().Replace(html, " ");
        var text = Tags().Replace(withoutCode, " ");
        var visible = Spaces().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
        return visible.Length < 80;
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 1000 ? line : line[..1000];
    }

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
