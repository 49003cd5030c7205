using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Model;
using Shop.Jobs.Fetching;
using Shop.Jobs.Tests.Infrastructure;

namespace Shop.Jobs.Tests.Fetching;

/// <summary>Each fault of issue 4 against a real Kestrel server on 127.0.0.1, ending in its named outcome.</summary>
public sealed class GuardedFetcherFaultTests : IAsyncLifetime
{
    private FaultySupplier supplier = null!;
    private ServiceProvider services = null!;
    private GuardedFetcher fetcher = null!;

    public async Task InitializeAsync()
    {
        supplier = await FaultySupplier.StartAsync();
        services = TestFetchers.Services(TestFetchers.FastOptions());
        fetcher = services.GetRequiredService<GuardedFetcher>();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await supplier.DisposeAsync();
    }

    private Task<FetchResult> Fetch(string path) => fetcher.FetchAsync(new FetchRequest(supplier.Url(path)));

    [Fact]
    public async Task A_normal_page_is_ok_with_body_hash_and_validators()
    {
        supplier.SetPage("roller", "<html><body><h1>Roller 0.25 mm</h1></body></html>");
        var result = await Fetch("/pages/roller");
        Assert.Equal(PageOutcomes.Ok, result.Outcome);
        Assert.Equal(200, result.HttpStatus);
        Assert.NotNull(result.Body);
        Assert.Equal(64, result.ContentHash!.Length);
        Assert.NotNull(result.ETag);
        Assert.Equal("utf-8", result.Charset);
    }

    [Fact]
    public async Task Headers_that_never_come_end_in_timeout()
    {
        var watch = Stopwatch.StartNew();
        var result = await Fetch("/slow-headers");
        Assert.Equal(PageOutcomes.Timeout, result.Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_server_dripping_one_byte_every_two_seconds_is_cut_off_as_timeout()
    {
        var watch = Stopwatch.StartNew();
        var result = await Fetch("/drip");
        Assert.Equal(PageOutcomes.Timeout, result.Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_for_and_then_retried()
    {
        var watch = Stopwatch.StartNew();
        var result = await Fetch("/busy-once");
        Assert.Equal(PageOutcomes.Ok, result.Outcome);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after only {watch.Elapsed}");
    }

    [Fact]
    public async Task A_host_that_stays_unavailable_ends_in_http_error_with_its_status()
    {
        var result = await Fetch("/always-busy");
        Assert.Equal(PageOutcomes.HttpError, result.Outcome);
        Assert.Equal(503, result.HttpStatus);
    }

    [Fact]
    public async Task A_500_is_an_http_error_without_retries()
    {
        var before = supplier.RequestCount;
        var result = await Fetch("/server-error");
        Assert.Equal(PageOutcomes.HttpError, result.Outcome);
        Assert.Equal(500, result.HttpStatus);
        Assert.Equal(2, supplier.RequestCount - before); // robots.txt and the page, once
    }

    [Fact]
    public async Task A_redirect_loop_ends_in_too_many_redirects()
    {
        var result = await Fetch("/loop");
        Assert.Equal(PageOutcomes.TooManyRedirects, result.Outcome);
    }

    [Theory]
    [InlineData("/to-metadata")]
    [InlineData("/to-private")]
    public async Task A_redirect_to_a_private_or_metadata_address_is_blocked(string path)
    {
        var result = await Fetch(path);
        Assert.Equal(PageOutcomes.BlockedAddress, result.Outcome);
        Assert.NotEqual(supplier.BaseUrl.Authority, result.Url.Authority);
    }

    [Fact]
    public async Task The_metadata_address_itself_is_blocked_without_a_request()
    {
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri("http://169.254.169.254/latest/meta-data/iam")));
        Assert.Equal(PageOutcomes.BlockedAddress, result.Outcome);
    }

    [Fact]
    public async Task Loopback_is_blocked_unless_it_is_an_allowed_private_host()
    {
        await using var strict = TestFetchers.Services(TestFetchers.FastOptions(allowLoopback: false));
        var before = supplier.RequestCount;
        var result = await strict.GetRequiredService<GuardedFetcher>().FetchAsync(new FetchRequest(supplier.Url("/pages/x")));
        Assert.Equal(PageOutcomes.BlockedAddress, result.Outcome);
        Assert.Equal(before, supplier.RequestCount);
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_blocked_at_connect_time()
    {
        await using var strict = TestFetchers.Services(TestFetchers.FastOptions(allowLoopback: false));
        var url = new Uri($"http://localhost:{supplier.BaseUrl.Port}/pages/x");
        var result = await strict.GetRequiredService<GuardedFetcher>().FetchAsync(new FetchRequest(url));
        Assert.Equal(PageOutcomes.BlockedAddress, result.Outcome);
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_error()
    {
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{FaultySupplier.ClosedPort()}/page")));
        Assert.Equal(PageOutcomes.NetworkError, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task A_gzip_bomb_is_too_large_after_decompression()
    {
        var result = await Fetch("/gzip-bomb");
        Assert.Equal(PageOutcomes.TooLarge, result.Outcome);
    }

    [Fact]
    public async Task A_60_MB_body_is_too_large()
    {
        var result = await Fetch("/huge");
        Assert.Equal(PageOutcomes.TooLarge, result.Outcome);
    }

    [Theory]
    [InlineData("/binary")]
    [InlineData("/binary-as-html")]
    public async Task Binary_content_is_not_html(string path)
    {
        var result = await Fetch(path);
        Assert.Equal(PageOutcomes.NotHtml, result.Outcome);
    }

    [Fact]
    public async Task An_empty_body_is_no_content()
    {
        var result = await Fetch("/empty");
        Assert.Equal(PageOutcomes.NoContent, result.Outcome);
    }

    [Fact]
    public async Task A_windows_1252_page_keeps_its_declared_charset_and_bytes()
    {
        var result = await Fetch("/windows-1252");
        Assert.Equal(PageOutcomes.Ok, result.Outcome);
        Assert.Equal("windows-1252", result.Charset);
        Assert.Contains("windows-1252", result.ContentType);
        Assert.Equal(0x93, result.Body![^2]);
    }

    [Fact]
    public async Task A_path_robots_txt_disallows_is_not_fetched()
    {
        var before = supplier.RequestCount;
        var result = await Fetch("/private/page");
        Assert.Equal(PageOutcomes.RobotsDisallowed, result.Outcome);
        Assert.Equal(1, supplier.RequestCount - before); // robots.txt only
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_disallows_everything()
    {
        supplier.RobotsStatus = 503;
        supplier.SetPage("roller", "<html><body>Roller</body></html>");
        var result = await Fetch("/pages/roller");
        Assert.Equal(PageOutcomes.RobotsDisallowed, result.Outcome);
    }

    [Fact]
    public async Task A_missing_robots_txt_allows_everything()
    {
        supplier.RobotsStatus = 404;
        var result = await Fetch("/private/page");
        Assert.Equal(PageOutcomes.Ok, result.Outcome);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_per_host_and_cached()
    {
        supplier.SetPage("a", "<html><body>A</body></html>");
        supplier.SetPage("b", "<html><body>B</body></html>");
        var before = supplier.RequestCount;
        await Fetch("/pages/a");
        await Fetch("/pages/b");
        Assert.Equal(3, supplier.RequestCount - before);
    }

    [Fact]
    public async Task A_page_with_the_same_etag_is_unchanged_via_304()
    {
        supplier.SetPage("roller", "<html><body>Roller</body></html>");
        var first = await Fetch("/pages/roller");
        var second = await fetcher.FetchAsync(new FetchRequest(supplier.Url("/pages/roller"), first.ETag, first.LastModified, first.ContentHash));
        Assert.Equal(PageOutcomes.Unchanged, second.Outcome);
        Assert.Equal(304, second.HttpStatus);
    }

    [Fact]
    public async Task A_page_with_the_same_content_hash_is_unchanged()
    {
        supplier.SetPage("roller", "<html><body>Roller</body></html>");
        var first = await Fetch("/pages/roller");
        var second = await fetcher.FetchAsync(new FetchRequest(supplier.Url("/pages/roller"), PreviousContentHash: first.ContentHash));
        Assert.Equal(PageOutcomes.Unchanged, second.Outcome);
        Assert.Null(second.Body);
    }

    [Fact]
    public async Task Requests_to_one_host_are_serialised_and_spaced_by_the_minimum_delay()
    {
        var options = TestFetchers.FastOptions();
        options.MinDelayPerHostMs = 300;
        await using var polite = TestFetchers.Services(options);
        var paced = polite.GetRequiredService<GuardedFetcher>();
        supplier.SetPage("a", "<html><body>A</body></html>");
        var watch = Stopwatch.StartNew();
        // robots.txt + 3 pages = 4 requests, so at least 3 gaps of 300 ms.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => paced.FetchAsync(new FetchRequest(supplier.Url("/pages/a")))));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(850), $"took only {watch.Elapsed}");
    }

    [Fact]
    public async Task Non_http_schemes_are_refused()
    {
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri("file:///etc/passwd")));
        Assert.Equal(PageOutcomes.BlockedAddress, result.Outcome);
    }
}
