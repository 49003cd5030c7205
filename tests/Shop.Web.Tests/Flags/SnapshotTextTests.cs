using Shop.Web.Flags;

namespace Shop.Web.Tests.Flags;

public class SnapshotTextTests
{
    private const string SupplierPage = """
        <html><head><style>body{color:red}</style><script>steal()</script></head>
        <body onload="steal()"><h1>Home Derma Roller</h1>
        <p>For safe <b>home use</b>. Needle length: 1.0 mm.</p>
        <p>&lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror="alert(2)"></p>
        <script>document.cookie</script></body></html>
        """;

    [Fact]
    public void Visible_text_drops_scripts_styles_and_markup()
    {
        var text = SnapshotText.VisibleText(SnapshotText.Gzip(SupplierPage));
        Assert.Contains("Home Derma Roller For safe home use. Needle length: 1.0 mm.", text);
        Assert.DoesNotContain("steal", text);
        Assert.DoesNotContain("color:red", text);
        Assert.DoesNotContain("onerror", text);
    }

    [Fact]
    public void Evidence_is_marked_and_supplier_text_that_looks_like_script_stays_inert()
    {
        var text = SnapshotText.VisibleText(SnapshotText.Gzip(SupplierPage));
        var html = SnapshotText.HighlightedHtml(text, ["Needle length: 1.0 mm", "home use"]);
        Assert.Contains("<mark class=\"evidence\">Needle length: 1.0 mm</mark>", html);
        Assert.Contains("<mark class=\"evidence\">home use</mark>", html);
        // The supplier's escaped "<script>" text comes back encoded, never as an element.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(2, html.Split("<mark").Length - 1);
    }

    [Fact]
    public void Evidence_containing_markup_characters_is_matched_after_encoding()
    {
        var html = SnapshotText.HighlightedHtml("Needles < 0.5 mm & sterile", ["< 0.5 mm & sterile"]);
        Assert.Equal("Needles <mark class=\"evidence\">&lt; 0.5 mm &amp; sterile</mark>", html);
    }
}
