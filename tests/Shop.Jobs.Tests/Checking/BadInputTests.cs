using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Shop.Jobs.Checking;

namespace Shop.Jobs.Tests.Checking;

/// <summary>Hostile and broken pages: each gives ok:false with a one-line reason or a valid result, within seconds.</summary>
public class BadInputTests
{
    private static readonly PageChecker Checker = PageChecker.Create();
    // "Within seconds": the checker's own 10 s cap plus slack, because CI runs this beside other test assemblies on
    // shared cores (a 20 MB parse was measured at 11 s at a load average of 24). A hang would still fail it.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(new CheckOptions().TimeoutSeconds + 15);

    private static async Task<Shop.Core.Checking.CheckResult> Check(byte[] bytes, string? contentType = null, PageChecker? checker = null)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(bytes, writable: false);
        var result = await (checker ?? Checker).CheckAsync("test", stream, contentType, null, CancellationToken.None);
        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed}");
        if (!result.Ok)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.DoesNotContain('\n', result.Error);
            Assert.Null(result.Product);
        }
        return result;
    }

    private static void Failed(Shop.Core.Checking.CheckResult result, string reasonPart)
    {
        Assert.False(result.Ok);
        Assert.Contains(reasonPart, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Empty_page_is_refused() => Failed(await Check([]), "empty");

    [Fact]
    public async Task Whitespace_page_is_refused() => Failed(await Check("   \n\t  "u8.ToArray()), "blank");

    [Fact]
    public async Task Binary_content_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x89; bytes[1] = (byte)'P'; bytes[2] = (byte)'N'; bytes[3] = (byte)'G';
        Failed(await Check(bytes), "binary");
    }

    [Fact]
    public async Task Json_is_not_html() => Failed(await Check("{\"name\":\"Derma Roller 0.5mm\"}"u8.ToArray()), "not HTML");

    [Fact]
    public async Task Plain_text_without_markup_is_not_html() => Failed(await Check("Derma roller 0.5 mm, sterile, for home use."u8.ToArray()), "not HTML");

    [Fact]
    public async Task Image_content_type_is_not_html() => Failed(await Check("<html><body>x</body></html>"u8.ToArray(), "image/png"), "image/png");

    [Fact]
    public async Task Sixty_megabytes_are_refused_at_the_size_cap()
    {
        var bytes = new byte[60 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        "<html><body><p>"u8.CopyTo(bytes);
        Failed(await Check(bytes), "8 MB cap");
    }

    [Fact]
    public async Task Two_hundred_thousand_deep_nesting_is_refused()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 200_000; i++) sb.Append("<div>");
        sb.Append("Derma roller 0.5mm");
        Failed(await Check(Encoding.UTF8.GetBytes(sb.ToString())), "nested deeper");
    }

    [Fact]
    public async Task Nesting_within_the_cap_is_checked()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 1000; i++) sb.Append("<span>");
        sb.Append("<h1>Derma Roller 0.5mm</h1>");
        var result = await Check(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.True(result.Ok, result.Error);
        Assert.Equal([0.5], result.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task Twenty_megabyte_single_line_is_refused_at_the_cap_and_checked_under_a_larger_cap()
    {
        var line = "<html><body><h1>Derma Roller 0.25mm</h1><p>" + new string('x', 20 * 1024 * 1024) + "</p></body></html>";
        var bytes = Encoding.UTF8.GetBytes(line);
        Failed(await Check(bytes), "cap");
        // A larger time cap too: this check must finish, and on loaded shared cores a 20 MB parse can pass 10 s.
        var roomy = PageChecker.Create(new CheckOptions { MaxBytes = 32 * 1024 * 1024, TimeoutSeconds = 20 });
        var result = await Check(bytes, checker: roomy);
        Assert.True(result.Ok, result.Error);
        Assert.Equal("Derma Roller 0.25mm", result.Product!.Name);
    }

    [Fact]
    public async Task Nul_bytes_inside_a_page_do_not_stop_the_check()
    {
        var html = "<html><body><h1>Derma\0 Roller 0.5mm</h1><p>For home\0 use.</p>\0\0</body></html>";
        var result = await Check(Encoding.UTF8.GetBytes(html));
        Assert.True(result.Ok, result.Error);
        Assert.Equal([0.5], result.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task Broken_json_ld_does_not_stop_the_rest()
    {
        var html = """
            <html><head><script type="application/ld+json">{"@type":"Product","name":"Broken {{{ ,,, </script>
            <script type="application/ld+json">[{"@type":"Product","name":"Derma Roller 0.5mm","offers":{"price":"9.99","priceCurrency":"USD"}}]</script>
            </head><body><h1>Derma Roller 0.5mm</h1></body></html>
            """;
        var result = await Check(Encoding.UTF8.GetBytes(html));
        Assert.True(result.Ok, result.Error);
        Assert.Equal(9.99m, result.Product!.Price);
    }

    [Fact]
    public async Task Deeply_nested_json_ld_is_skipped()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        var html = $"<html><head><script type=\"application/ld+json\">{json}</script></head><body><h1>Derma Roller 0.5mm</h1></body></html>";
        var result = await Check(Encoding.UTF8.GetBytes(html));
        Assert.True(result.Ok, result.Error);
        Assert.Equal("Derma Roller 0.5mm", result.Product!.Name);
    }

    [Fact]
    public async Task Gzip_bomb_is_refused_at_the_inflated_size_cap()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("<html><body>"u8);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)' ');
            for (var i = 0; i < 1024; i++) gzip.Write(zeros);
        }
        Assert.True(compressed.Length < 5 * 1024 * 1024);
        var before = GC.GetTotalMemory(false);
        Failed(await Check(compressed.ToArray()), "inflates to more than");
        Assert.True(GC.GetTotalMemory(false) - before < 200L * 1024 * 1024);
    }

    [Fact]
    public async Task Corrupt_gzip_is_refused() => Failed(await Check([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), "gzip");

    [Fact]
    public async Task Malformed_markup_still_gives_a_result()
    {
        var result = await Check("<html><body><h1>Derma Roller <b>0.5mm</h1><p>For home use<li><table><td>Needle length</td><td>0.5 mm</tr></div></div>"u8.ToArray());
        Assert.True(result.Ok, result.Error);
        Assert.Equal([0.5], result.Facts!.NeedleLengthsMm);
    }

    /// <summary>21 MB: 300,000 paragraphs side by side in one body, each with facts to read.</summary>
    private static byte[] WidePage()
    {
        var sb = new StringBuilder("<html><body><h1>Derma Roller 0.5mm</h1>");
        for (var i = 0; i < 300_000; i++) sb.Append("<p>Needle length 0.5 mm, sterile, for home use, collagen, scars.</p>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public async Task A_very_wide_page_is_read_in_linear_time()
    {
        // 300,000 paragraphs side by side in one body: the walk once stepped back through siblings, which AngleSharp
        // finds by searching the parent's list, and took 30 s here (about 2 s now, most of it the parse).
        var roomy = PageChecker.Create(new CheckOptions { MaxBytes = 64 * 1024 * 1024, TimeoutSeconds = 120 });
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(WidePage());
        var result = await roomy.CheckAsync("wide", stream, null, null, CancellationToken.None);
        Assert.True(result.Ok, result.Error);
        Assert.Equal([0.5], result.Facts!.NeedleLengthsMm);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Slow_extraction_is_stopped_at_the_time_cap()
    {
        var tight = PageChecker.Create(new CheckOptions { MaxBytes = 64 * 1024 * 1024, TimeoutSeconds = 1 });
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(WidePage());
        var result = await tight.CheckAsync("slow", stream, null, null, CancellationToken.None);
        // The 1 s cap plus the same slack as the other budgets: only a check that ignores the cap should fail here (a run of
        // the whole suite once took 30 s here, on two cores shared with the loopback-server tests).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1 + 15), $"took {clock.Elapsed}");
        if (!result.Ok) Assert.Contains("1 s cap", result.Error);
    }
}
