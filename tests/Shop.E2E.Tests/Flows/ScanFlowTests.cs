using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.E2E.Tests.Infrastructure;

namespace Shop.E2E.Tests.Flows;

/// <summary>The app as a fresh install runs it: Hangfire server in-process, the demo catalogue and the demo supplier
/// served by the app itself, fetched through the guarded fetcher over loopback (pacing off to keep the test short).</summary>
public sealed class ScanningShop : LiveShop
{
    public const string ApiKey = "e2e-bootstrap-key-0123456789abcdef";

    protected override void ConfigureShop(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Fetch:MinDelayPerHostMs", "0");
        builder.UseSetting("SHOP_BOOTSTRAP_API_KEY", ApiKey);
    }

    /// <summary>Waits for a condition on the database that background jobs bring about.</summary>
    public async Task<T> EventuallyAsync<T>(Func<ShopDbContext, Task<T?>> probe, string what, int seconds = 90) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await WithDbAsync(probe) is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still waiting after {seconds} s for {what}.");
            await Task.Delay(250);
        }
    }
}

public sealed class ScanFlowTests(ScanningShop shop) : IClassFixture<ScanningShop>
{
    private const string Admin = "admin@example.com|Admin";
    private const string Merchandiser = "merch@example.com|Merchandiser";

    [Fact]
    public async Task Admin_creates_a_supplier_schedules_it_runs_scan_now_and_watches_the_run_finish()
    {
        await using var context = await shop.NewContextAsync(Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Admin/Suppliers/Edit");
        var demoBase = new Uri(shop.BaseAddress, "demo-supplier/").ToString();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("E2E Wholesale");
        await page.GetByLabel("Base URL", new() { Exact = true }).FillAsync(demoBase);
        await page.GetByLabel("Schedule (cron)", new() { Exact = true }).FillAsync("not a cron");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Schedule']")).Not.ToBeEmptyAsync();

        await page.GetByLabel("Schedule (cron)", new() { Exact = true }).FillAsync("30 2 * * *");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suppliers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("30 2 * * *");

        // The catalogue team lists three of the demo supplier's products under the new supplier, through the API.
        var supplierId = await shop.WithDbAsync(db => db.Suppliers.Where(s => s.Name == "E2E Wholesale").Select(s => s.Id).SingleAsync());
        var demoPages = await shop.EventuallyAsync(async db =>
        {
            var urls = await db.Products.Where(p => p.SupplierUrl != null && p.SupplierUrl.StartsWith(demoBase))
                .OrderBy(p => p.Id).Select(p => p.SupplierUrl!).Take(3).ToListAsync();
            return urls.Count == 3 ? urls : null;
        }, "the demo catalogue");
        using var api = new HttpClient { BaseAddress = shop.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", ScanningShop.ApiKey);
        for (var i = 0; i < demoPages.Count; i++)
        {
            var created = await api.PostAsJsonAsync("/api/v1/products", new
            {
                name = $"E2E Listed Roller {i}", slug = $"e2e-listed-roller-{i}", kind = "roller", price = "19.90", currency = "USD",
                needleLengthMm = 0.25, intendedUse = "home", supplierId, supplierUrl = demoPages[i],
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Scan now E2E Wholesale" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Scan run #\\d+$") })).ToBeVisibleAsync();
        // The run page refreshes itself while the scan runs; it ends with every page's outcome.
        await Assertions.Expect(page.Locator("#progress-heading")).ToContainTextAsync("completed", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#progress-heading")).ToContainTextAsync("3 of 3 pages done");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("scan-run.png"), FullPage = true });

        var outcomes = await shop.WithDbAsync(db => db.ScanPages.Where(p => p.ScanRun!.SupplierId == supplierId)
            .Select(p => p.Outcome).ToListAsync());
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "ok", "unchanged" }));
    }

    [Fact]
    public async Task Merchandiser_dismisses_a_flag_with_a_reason_and_a_rescan_does_not_bring_it_back()
    {
        // A demo product whose supplier page sells 1.0 mm needles for home use: the scan flags it.
        var product = await shop.EventuallyAsync(db => db.Products.FirstOrDefaultAsync(p => p.Slug.Contains("glowhome-titanium-derma-roller")),
            "the demo catalogue");
        await using (var scope = shop.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Shop.Jobs.Scanning.ScanRuns>().StartProductScanAsync(product.Id, "e2e");
        }
        var flag = await shop.EventuallyAsync(db => db.Flags.FirstOrDefaultAsync(f => f.ProductId == product.Id
            && f.Rule == "home-use-needle-too-long" && f.Status == FlagStatus.Open), "the home-use flag");

        await using var context = await shop.NewContextAsync(Merchandiser);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Admin/Flags/Details/{flag.Id}");
        await Assertions.Expect(page.Locator(".snapshot-text mark.evidence").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rule-explainer")).ToContainTextAsync("Shop guidance");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("flag-detail-scanned.png"), FullPage = true });
        await page.GetByLabel("Reason for dismissing").FillAsync("Supplier's clinic-only listing; our copy is being rewritten.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dismissed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rescan the supplier page" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-heading")).ToContainTextAsync("completed", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#progress-heading")).ToContainTextAsync("1 of 1 pages done");

        await page.GotoAsync("/Admin/Flags");
        await Assertions.Expect(page.Locator($"a[href='/Admin/Flags/Details/{flag.Id}']")).ToHaveCountAsync(0);
        var after = await shop.WithDbAsync(db => db.Flags.SingleAsync(f => f.Id == flag.Id));
        Assert.Equal(FlagStatus.Dismissed, after.Status);
        var rescans = await shop.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProductId == product.Id && a.Action == "rescan"));
        Assert.Equal(1, rescans);
    }
}
