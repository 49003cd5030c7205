using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;

using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Scans;

/// <summary>Supplier and scan-run pages over HTTP with real antiforgery and a SQLite file; roles from a test header.</summary>
[Collection(HangfireCollection.Name)]
public sealed class SupplierPagesTests : IClassFixture<ShopFactory>
{
    private readonly ShopFactory factory;

    public SupplierPagesTests(ShopFactory factory) => this.factory = factory;

    private HttpClient Client(string? user) => factory.Client(user);

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private async Task<HttpResponseMessage> PostSupplierAsync(HttpClient client, string name, string baseUrl, string schedule, string timeZone, string url = "/Admin/Suppliers/Edit")
    {
        var form = await client.GetStringAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Name"] = name, ["Input.BaseUrl"] = baseUrl, ["Input.Schedule"] = schedule, ["Input.TimeZone"] = timeZone,
            ["Input.Enabled"] = "true",
        }));
    }

    private async Task<T> DbAsync<T>(Func<ShopDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("merch|Merchandiser", HttpStatusCode.Forbidden)]
    public async Task Supplier_pages_are_for_admins_only(string? user, HttpStatusCode expected)
    {
        using var client = Client(user);
        foreach (var url in new[] { "/Admin/Suppliers", "/Admin/Suppliers/Edit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("0 3 * *", "https://ok.example/", "", "Input.Schedule", "cron")]
    [InlineData("0 3 * * *", "ftp://files.example/", "", "Input.BaseUrl", "http")]
    [InlineData("0 3 * * *", "https://ok.example/", "Mars/Olympus_Mons", "Input.TimeZone", "time zone")]
    public async Task Bad_input_is_shown_next_to_its_field_and_nothing_is_written(string schedule, string baseUrl, string zone, string field, string words)
    {
        using var client = Client("admin|Admin");
        var name = $"Bad {Guid.NewGuid():N}";
        var response = await PostSupplierAsync(client, name, baseUrl, schedule, zone);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var message = document.QuerySelector($"span[data-valmsg-for='{field}']");
        Assert.NotNull(message);
        Assert.Contains(words, message!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(name, document.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.False(await DbAsync(db => db.Suppliers.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task A_valid_supplier_is_saved_and_its_schedule_registered_as_a_recurring_scan()
    {
        using var client = Client("admin|Admin");
        var name = $"Good {Guid.NewGuid():N}";
        var response = await PostSupplierAsync(client, name, "https://good.example/", "30 2 * * 1", "Europe/Berlin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var supplier = await DbAsync(db => db.Suppliers.SingleAsync(s => s.Name == name));
        Assert.Equal("30 2 * * 1", supplier.Schedule);
        Assert.Equal("Europe/Berlin", supplier.TimeZone);
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == ScanSchedules.RecurringId(supplier.Id) && j.Cron == "30 2 * * 1");

        var list = await client.GetStringAsync("/Admin/Suppliers");
        Assert.Contains(name, list);
        Assert.Contains("30 2 * * 1", list);
    }

    [Fact]
    public async Task Scan_now_starts_a_run_and_shows_its_progress_page()
    {
        var (supplierId, supplierName) = await DbAsync(async db =>
        {
            var s = new Supplier { Name = $"Now {Guid.NewGuid():N}", BaseUrl = "https://now.example/" };
            db.Suppliers.Add(s);
            await db.SaveChangesAsync();
            db.Products.Add(new Product { Name = "Roller <script>alert(1)</script>", Slug = $"n-{Guid.NewGuid():N}", SupplierId = s.Id, SupplierUrl = "https://now.example/r" });
            await db.SaveChangesAsync();
            return (s.Id, s.Name);
        });
        using var client = Client("admin|Admin");
        var list = await client.GetStringAsync("/Admin/Suppliers");
        var response = await client.PostAsync($"/Admin/Suppliers?handler=ScanNow&id={supplierId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(list) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var runPage = response.Headers.Location!.ToString();
        Assert.StartsWith("/Admin/Scans/Details/", runPage);

        var html = await client.GetStringAsync(runPage);
        Assert.Contains("0 of 1 pages done", html);
        Assert.Contains("http-equiv=\"refresh\"", html);
        Assert.Contains("waiting", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains(supplierName, html);
    }

    [Fact]
    public async Task Scan_now_without_the_antiforgery_token_is_refused()
    {
        var supplierId = await DbAsync(async db =>
        {
            var s = new Supplier { Name = $"Forged {Guid.NewGuid():N}", BaseUrl = "https://forged.example/" };
            db.Suppliers.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        using var client = Client("admin|Admin");
        var response = await client.PostAsync($"/Admin/Suppliers?handler=ScanNow&id={supplierId}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await DbAsync(db => db.ScanRuns.AnyAsync(r => r.SupplierId == supplierId)));
    }

    [Fact]
    public async Task A_products_history_says_what_changed_between_scans()
    {
        var productId = await DbAsync(async db =>
        {
            var product = new Product { Name = "History roller", Slug = $"h-{Guid.NewGuid():N}", SupplierUrl = "https://x.example/h" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            db.PageSnapshots.AddRange(
                new PageSnapshot { ProductId = product.Id, Url = "https://x.example/h", FetchedUtc = new DateTime(2026, 11, 1, 3, 0, 0), ContentHash = "a",
                    CompressedBody = [], FactsJson = "{\"product\":{\"name\":\"Roller\"},\"facts\":{\"needleLengthsMm\":[0.25],\"sterility\":\"sterile\"}}" },
                new PageSnapshot { ProductId = product.Id, Url = "https://x.example/h", FetchedUtc = new DateTime(2026, 11, 8, 3, 0, 0), ContentHash = "b",
                    CompressedBody = [], FactsJson = "{\"product\":{\"name\":\"Roller\"},\"facts\":{\"needleLengthsMm\":[1.0],\"sterility\":\"sterile\"}}" });
            await db.SaveChangesAsync();
            return product.Id;
        });
        using var client = Client("merch|Merchandiser");
        var html = await client.GetStringAsync($"/Admin/Scans/History/{productId}");
        var text = new HtmlParser().ParseDocument(html).QuerySelector(".history-list")!.TextContent;
        Assert.Contains("needle length 0.25 mm -> 1.0 mm", text);
        Assert.Contains("2026-11-08 03:00", text);
        Assert.DoesNotContain("sterility", text);
    }

    [Fact]
    public async Task A_finished_run_shows_each_page_outcome_with_failures_first()
    {
        var runId = await DbAsync(async db =>
        {
            var product = new Product { Name = "Checked roller", Slug = $"c-{Guid.NewGuid():N}", SupplierUrl = "https://x.example/a" };
            var other = new Product { Name = "Blocked roller", Slug = $"b-{Guid.NewGuid():N}", SupplierUrl = "http://169.254.169.254/" };
            db.Products.AddRange(product, other);
            await db.SaveChangesAsync();
            var run = new ScanRun
            {
                Trigger = "test", Status = ScanStatus.Completed, CreatedUtc = DateTime.UtcNow, FinishedUtc = DateTime.UtcNow, PagesTotal = 2, PagesDone = 2,
                Pages =
                [
                    new ScanPage { ProductId = product.Id, Url = product.SupplierUrl, Outcome = PageOutcomes.Ok, HttpStatus = 200, Changes = "needle length 0.25 mm -> 1.0 mm" },
                    new ScanPage { ProductId = other.Id, Url = other.SupplierUrl, Outcome = PageOutcomes.BlockedAddress, Error = "metadata address" },
                ],
            };
            db.ScanRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        using var client = Client("merch|Merchandiser");
        var html = await client.GetStringAsync($"/Admin/Scans/Details/{runId}");
        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("blocked-address", rows[0]);
        Assert.Contains("needle length 0.25 mm -&gt; 1.0 mm".Replace("&gt;", ">"), rows[1]);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html);
        Assert.Contains("2 of 2 pages done", html);
    }
}

/// <summary>Hangfire keeps its storage in a static (JobStorage.Current): hosts that enqueue jobs or open the dashboard run
/// alone, or one host's disposal pulls the storage from under another (seen once as a 500 from the dashboard).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "hangfire";
}
