using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Shop.Jobs.Checking;

namespace Shop.Jobs.Tests.Checking;

/// <summary>The `check` command to the letter of check-cli.md: inputs, formats, listing, --fail-on, exit codes.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private static readonly PageChecker Checker = PageChecker.Create();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shop-check-" + Guid.NewGuid().ToString("N"));

    private const string HomeRoller = """
        <html><head><script type="application/ld+json">{"@type":"Product","name":"BCN Meso Facial Roller","brand":{"@type":"Brand","name":"BCN"},"sku":"A123",
        "offers":{"@type":"Offer","price":"14.50","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}</script></head>
        <body><h1>BCN Meso Facial Roller</h1><ul><li>perfect for at-home use</li><li>540 titanium needles</li><li>Gamma sterilised, sealed pack</li>
        <li>Boosts collagen production</li></ul><table><tr><th>Needle length</th><td>0.5mm</td></tr></table>
        <p>Clean after each use and store in the case.</p></body></html>
        """;

    private const string CleanRoller = "<html><body><h1>Gentle Roller 0.25mm</h1><p>For home use. Sterile (gamma), sealed pouch. Single use.</p></body></html>";

    public CheckCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string html)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, html);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(string[] args, string stdin = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var exit = await CheckCommand.RunAsync(args, Checker, null, input, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Jsonl_output_has_exactly_the_contract_fields_and_words()
    {
        var file = Write("roller.html", HomeRoller);
        var (exit, output, _) = await Run(["--format", "jsonl", file]);
        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(output));
        Assert.Equal(["source", "ok", "error", "product", "facts", "flags"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "brand", "sku", "gtin", "price", "currency", "availability", "kind"], line.GetProperty("product").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["needleLengthsMm", "needleCount", "needleMaterial", "intendedUse", "singleUse", "sterility", "sterilizationMethod", "claims"],
            line.GetProperty("facts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(file, line.GetProperty("source").GetString());
        Assert.True(line.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("error").ValueKind);
        var product = line.GetProperty("product");
        Assert.Equal("14.50", product.GetProperty("price").GetString());
        Assert.Equal("GBP", product.GetProperty("currency").GetString());
        Assert.Equal("InStock", product.GetProperty("availability").GetString());
        Assert.Equal("roller", product.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, product.GetProperty("gtin").ValueKind);
        var facts = line.GetProperty("facts");
        Assert.Equal(0.5, facts.GetProperty("needleLengthsMm")[0].GetDouble());
        Assert.Equal(540, facts.GetProperty("needleCount").GetInt32());
        Assert.Equal("titanium", facts.GetProperty("needleMaterial").GetString());
        Assert.Equal("home", facts.GetProperty("intendedUse").GetString());
        Assert.False(facts.GetProperty("singleUse").GetBoolean());
        Assert.Equal("sterile", facts.GetProperty("sterility").GetString());
        Assert.Equal("gamma", facts.GetProperty("sterilizationMethod").GetString());
        Assert.Equal("collagen-induction", facts.GetProperty("claims")[0].GetString());
        var flag = line.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "home-use-needle-too-long");
        Assert.Equal(["rule", "severity", "message", "evidence"], flag.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", flag.GetProperty("severity").GetString());
        Assert.Equal("Marketed for home use with 0.5 mm needles; home devices are 0.1-0.3 mm", flag.GetProperty("message").GetString());
        var evidence = flag.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("text").GetString(), e.GetProperty("from").GetString())).ToList();
        Assert.Contains(("perfect for at-home use", "bullets"), evidence);
        Assert.Contains(("Needle length: 0.5mm", "spec"), evidence);
    }

    [Fact]
    public async Task Directory_is_checked_in_ordinal_path_order_with_gzip_and_no_other_files()
    {
        Write("b/page.html", CleanRoller);
        Write("B.htm", CleanRoller);
        Write("a.html", CleanRoller);
        Write("notes.txt", "not a page");
        var gz = Path.Combine(_dir, "c.html.gz");
        await using (var file = File.Create(gz))
        await using (var gzip = new GZipStream(file, CompressionMode.Compress))
        {
            gzip.Write(Encoding.UTF8.GetBytes(HomeRoller));
        }
        var (exit, output, _) = await Run(["--format=jsonl", _dir]);
        Assert.Equal(0, exit);
        var sources = Lines(output).Select(l => Path.GetRelativePath(_dir, l.GetProperty("source").GetString()!).Replace('\\', '/')).ToList();
        Assert.Equal(["B.htm", "a.html", "b/page.html", "c.html.gz"], sources);
        Assert.Equal("roller", Lines(output)[3].GetProperty("product").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Standard_input_is_read_for_a_dash()
    {
        var (exit, output, _) = await Run(["--format", "jsonl", "-"], CleanRoller);
        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(output));
        Assert.Equal("-", line.GetProperty("source").GetString());
        Assert.Equal("Gentle Roller 0.25mm", line.GetProperty("product").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_page_that_cannot_be_checked_gives_exit_1_and_the_others_are_still_checked()
    {
        var empty = Write("empty.html", "");
        var good = Write("good.html", CleanRoller);
        var missing = Path.Combine(_dir, "missing.html");
        var (exit, output, _) = await Run(["--format", "jsonl", empty, missing, good]);
        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.Equal(3, lines.Count);
        Assert.False(lines[0].GetProperty("ok").GetBoolean());
        Assert.Equal("page is empty", lines[0].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("product").ValueKind);
        Assert.Equal("file not found", lines[1].GetProperty("error").GetString());
        Assert.True(lines[2].GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Listing_evaluates_the_catalogue_rules()
    {
        var page = Write("roller.html", HomeRoller);
        var listing = Write("listing.json", """{"name":"BCN roller","kind":"roller","needleLengthMm":0.25,"intendedUse":"home","singleUse":true,"sterile":true,"price":"19.99","currency":"GBP"}""");
        var (exit, output, _) = await Run(["--listing", listing, "--format", "jsonl", page]);
        Assert.Equal(0, exit);
        var rules = Lines(output)[0].GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("catalogue-needle-length-mismatch", rules);
        Assert.Contains("catalogue-use-mismatch", rules);
        Assert.Contains("catalogue-single-use-mismatch", rules);
        Assert.DoesNotContain("catalogue-sterility-mismatch", rules);
        var (_, without, _) = await Run(["--format", "jsonl", page]);
        Assert.DoesNotContain("catalogue-", without);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("error", 3)]
    [InlineData("warning", 3)]
    [InlineData("info", 3)]
    public async Task Fail_on_a_severity_that_was_raised_exits_3(string failOn, int expected)
    {
        var page = Write("roller.html", HomeRoller);
        Assert.Equal(expected, (await Run(["--fail-on", failOn, page])).Exit);
    }

    [Fact]
    public async Task Fail_on_error_with_only_clean_pages_exits_0()
    {
        var page = Write("clean.html", CleanRoller);
        var (exit, output, _) = await Run(["--fail-on", "error", page]);
        Assert.Equal(0, exit);
        Assert.Contains("no flags", output);
    }

    [Fact]
    public async Task Text_format_is_for_people()
    {
        var page = Write("roller.html", HomeRoller);
        var (_, output, _) = await Run([page]);
        Assert.Contains("roller · \"BCN Meso Facial Roller\" · 14.50 GBP · needles 0.5 mm", output);
        Assert.Contains("ERROR   home-use-needle-too-long: Marketed for home use with 0.5 mm needles", output);
        Assert.Contains("bullets: \"perfect for at-home use\"", output);
        Assert.Contains("1 checked, 0 could not be checked", output);
    }

    [Theory]
    [InlineData(new string[0], "no input")]
    [InlineData(new[] { "--format", "xml", "a.html" }, "--format")]
    [InlineData(new[] { "--fail-on", "fatal", "a.html" }, "--fail-on")]
    [InlineData(new[] { "--bogus", "a.html" }, "unknown option")]
    [InlineData(new[] { "--url", "ftp://example.com/x", }, "--url")]
    [InlineData(new[] { "--listing" }, "--listing")]
    [InlineData(new[] { "-", "-" }, "standard input")]
    public async Task Usage_errors_exit_2_with_usage_on_standard_error(string[] args, string message)
    {
        var (exit, output, error) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.Contains("usage: check", error);
    }

    [Fact]
    public async Task Unreadable_listing_is_a_usage_error()
    {
        var listing = Write("listing.json", "{ not json");
        var page = Write("clean.html", CleanRoller);
        var (exit, _, error) = await Run(["--listing", listing, page]);
        Assert.Equal(2, exit);
        Assert.Contains("cannot read listing", error);
    }

    [Fact]
    public async Task Url_without_a_fetcher_is_a_clear_error()
    {
        var (exit, _, error) = await Run(["--url", "https://supplier.example/p/1"]);
        Assert.Equal(2, exit);
        Assert.Contains("guarded fetcher", error);
    }

    [Fact]
    public async Task Built_command_runs_as_a_process_over_a_directory()
    {
        Write("one.html", HomeRoller);
        Write("two.html", "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011");
        var dll = Path.Combine(AppContext.BaseDirectory, "Shop.Jobs.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[dll, "check", "--format", "jsonl", "--fail-on", "error", _dir]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
        var lines = Lines(stdout);
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines[0].GetProperty("flags").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("binary content, not HTML", lines[1].GetProperty("error").GetString());
    }
}
