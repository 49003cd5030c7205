using System.Text;
using System.Text.RegularExpressions;
using Shop.Core.Checking;
using Shop.Core.Model;
using Shop.Jobs.Checking;

namespace Shop.Jobs.Scanning;

/// <summary>The outcome of checking one fetched page: ok with the result and the extraction to store, or no-content /
/// parse-failed with the reason.</summary>
public sealed record ScanCheck(string Outcome, CheckResult? Result, string? FactsJson, string? Error);

/// <summary>Runs the checker on a fetched page for a scan, and tells a page that needs JavaScript (nothing in the
/// markup but scripts) from a clean one: AngleSharp runs no scripts, so such a page is no-content, never "clean".</summary>
public sealed partial class CheckStep(PageChecker checker)
{
    public async Task<ScanCheck> CheckAsync(Uri url, byte[] body, string? contentType, Listing listing, CancellationToken ct)
    {
        using var stream = new MemoryStream(body, writable: false);
        var check = await checker.CheckPageAsync(url.ToString(), stream, contentType, listing, ct);
        var result = check.Result;
        if (!result.Ok || check.Page is null)
        {
            return new(PageOutcomes.ParseFailed, result, null, OneLine(result.Error ?? "The page could not be checked."));
        }
        if (FoundNothing(result) && NeedsJavaScript(body))
        {
            return new(PageOutcomes.NoContent, result, null, "The page has no content without JavaScript (the scanner runs no scripts).");
        }
        return new(PageOutcomes.Ok, result, check.Page.ToJson(), null);
    }

    /// <summary>The rules again on a stored extraction: the page is unchanged but the shop's listing was edited.</summary>
    public CheckResult? Reevaluate(Uri url, string? factsJson, Listing listing)
    {
        if (factsJson is null) return null;
        try
        {
            return checker.Evaluate(url.ToString(), ExtractedPage.FromJson(factsJson), listing);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // stored by an older version: the next changed page replaces it
        }
    }

    private static bool FoundNothing(CheckResult result) =>
        // Not the name: a script-only shell still has a <title>.
        result.Product?.Price is null &&
        (result.Facts is null || (result.Facts.NeedleLengthsMm.Count == 0 && result.Facts.Claims.Count == 0 &&
                                  result.Facts.IntendedUse is null && result.Facts.Sterility == Sterility.Unknown));

    /// <summary>Whether the visible text (scripts, styles and tags gone) is nothing, or a few words beside scripts.
    /// Only asked of pages where the checker found nothing, so it costs nothing on real product pages.</summary>
    internal static bool NeedsJavaScript(byte[] body)
    {
        var html = Encoding.UTF8.GetString(body);
        var withoutCode = CodeBlocks().Replace(html, " ");
        var text = Tags().Replace(withoutCode, " ");
        var visible = Spaces().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
        // Nothing at all is empty; a few words (a title, "loading...") beside scripts is an app shell.
        return visible.Length == 0 || (visible.Length < 80 && html.Contains("<script", StringComparison.OrdinalIgnoreCase));
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
