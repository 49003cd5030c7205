using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shop.Jobs.Checking;
using Shop.Jobs.Fetching;
using Shop.Jobs.Tests.Infrastructure;

namespace Shop.Jobs.Tests.Checking;

/// <summary>`check --url` through the guarded fetcher, against a real supplier served by Kestrel on 127.0.0.1.</summary>
public class CheckUrlTests
{
    private static async Task<(int Exit, JsonElement Line)> Run(FetchOptions options, string url, params string[] more)
    {
        await using var services = TestFetchers.Services(options);
        var checker = PageChecker.Create();
        var output = new StringWriter();
        var exit = await CheckCommand.RunAsync(["--format", "jsonl", .. more, "--url", url], checker,
            CheckCommand.ThroughFetcher(services.GetRequiredService<GuardedFetcher>(), checker), Stream.Null, output, new StringWriter(), CancellationToken.None);
        return (exit, JsonDocument.Parse(output.ToString().Trim()).RootElement.Clone());
    }

    [Fact]
    public async Task Url_is_fetched_and_checked_on_the_same_path_as_files()
    {
        await using var supplier = await FaultySupplier.StartAsync();
        var html = File.ReadAllText(Path.Combine(FixtureCorpus.Directory, "shopify-bcn-meso-roller-home-05.html"));
        supplier.SetPage("roller", html);
        var url = supplier.Url("/pages/roller").ToString();
        var (exit, line) = await Run(TestFetchers.FastOptions(), url, "--fail-on", "error");
        Assert.Equal(3, exit);
        Assert.Equal(url, line.GetProperty("source").GetString());
        Assert.True(line.GetProperty("ok").GetBoolean());
        Assert.Equal("BCN Meso Facial Roller", line.GetProperty("product").GetProperty("name").GetString());
        Assert.Contains(line.GetProperty("flags").EnumerateArray(), f => f.GetProperty("rule").GetString() == "home-use-needle-too-long");
    }

    [Fact]
    public async Task Charset_of_the_response_header_reaches_the_parser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var supplier = await FaultySupplier.StartAsync();
        supplier.Pages["latin1"] = ("text/html; charset=iso-8859-1", Encoding.GetEncoding("iso-8859-1").GetBytes("<html><body><h1>Dermaroller für zu Hause 0,5 mm</h1></body></html>"));
        var (_, line) = await Run(TestFetchers.FastOptions(), supplier.Url("/pages/latin1").ToString());
        Assert.Equal("Dermaroller für zu Hause 0,5 mm", line.GetProperty("product").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Private_address_refused_by_the_guard_is_a_failed_check()
    {
        await using var supplier = await FaultySupplier.StartAsync();
        supplier.SetPage("roller", "<html><body><h1>Derma Roller 0.5mm</h1></body></html>");
        var (exit, line) = await Run(TestFetchers.FastOptions(allowLoopback: false), supplier.Url("/pages/roller").ToString());
        Assert.Equal(1, exit);
        Assert.False(line.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("error").GetString()));
    }
}
