using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Shop.Web.Flags;

/// <summary>
/// The visible text of a stored supplier page with the evidence marked. The supplier's markup never reaches the
/// browser: the text is HTML-encoded first and only then wrapped in our own &lt;mark&gt; elements.
/// </summary>
public static class SnapshotText
{
    public const int MaxChars = 20_000;
    private const string BlockElements = "p, div, br, li, dt, dd, td, th, tr, h1, h2, h3, h4, h5, h6, section, article, header, footer, blockquote, pre";

    public static string VisibleText(byte[] gzippedBody)
    {
        using var input = new GZipStream(new MemoryStream(gzippedBody), CompressionMode.Decompress);
        var document = new HtmlParser().ParseDocument(input);
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            hidden.Remove();
        }
        // TextContent joins block elements without a gap ("RollerPerfect"); a space after each keeps words apart.
        foreach (var block in document.QuerySelectorAll(BlockElements))
        {
            block.AppendChild(document.CreateTextNode(" "));
        }
        var text = Regex.Replace(document.Body?.TextContent ?? "", @"\s+", " ").Trim();
        return text.Length <= MaxChars ? text : text[..MaxChars];
    }

    /// <summary>Encoded text with each evidence phrase wrapped in &lt;mark class="evidence"&gt;; safe to emit as is.</summary>
    public static string HighlightedHtml(string visibleText, IEnumerable<string> evidence)
    {
        var encoded = WebUtility.HtmlEncode(visibleText);
        var phrases = evidence.Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => WebUtility.HtmlEncode(Regex.Replace(e, @"\s+", " ").Trim()))
            .Distinct().OrderByDescending(e => e.Length).ToList();
        if (phrases.Count == 0) return encoded;
        var pattern = string.Join("|", phrases.Select(Regex.Escape));
        return Regex.Replace(encoded, pattern, m => $"<mark class=\"evidence\">{m.Value}</mark>",
            RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }

    public static byte[] Gzip(string html)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }
        return output.ToArray();
    }
}
