using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.E2E.Tests.Infrastructure;
using Shop.Web.Flags;

namespace Shop.E2E.Tests.Flows;

public sealed class ReviewQueueFlowTests(LiveShop shop) : IClassFixture<LiveShop>
{
    private const string Merchandiser = "merch@example.com|Merchandiser";

    [Fact]
    public async Task Merchandiser_reads_the_evidence_confirms_the_flag_and_the_product_goes_on_hold()
    {
        var (productId, _) = await shop.SeedFlaggedRollerAsync("E2E Home Roller 1.0");
        await using var context = await shop.NewContextAsync(Merchandiser);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Admin/Flags?severity=error");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("review-queue.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "E2E Home Roller 1.0 is sold for home use" }).ClickAsync();

        await Assertions.Expect(page.Locator(".snapshot-text mark.evidence")).ToHaveTextAsync("Needle length: 1.0 mm");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned"));
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("flag-detail.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and hold the product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is on safety hold");
        await Assertions.Expect(page.Locator("section[aria-labelledby='history-heading'] table")).ToContainTextAsync("flag.confirm");

        await using var scope = shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var held = await db.Products.SingleAsync(p => p.Id == productId);
        Assert.True(held.OnHold);

        // Gone from the storefront at once: not found by search, and its page says it is unavailable.
        await using var shopper = await shop.NewContextAsync(staff: null);
        var storefront = await shopper.NewPageAsync();
        await storefront.GotoAsync("/Products?q=E2E+Home+Roller");
        await Assertions.Expect(storefront.GetByText("E2E Home Roller 1.0")).ToHaveCountAsync(0);
        await storefront.GotoAsync($"/Products/{held.Slug}");
        await Assertions.Expect(storefront.Locator("main")).ToContainTextAsync("This product is currently unavailable.");
    }

    [Fact]
    public async Task Merchandiser_must_give_a_reason_to_dismiss_and_the_dismissal_is_remembered()
    {
        var (_, flagId) = await shop.SeedFlaggedRollerAsync("E2E Dismissable Roller");
        await using var context = await shop.NewContextAsync(Merchandiser);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Admin/Flags/Details/{flagId}");

        await page.GetByLabel("Reason for dismissing").FillAsync("Supplier confirmed by email that the listing is for clinics.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dismissed");

        await page.GotoAsync("/Admin/Flags");
        await Assertions.Expect(page.GetByText("E2E Dismissable Roller")).ToHaveCountAsync(0);

        await using var scope = shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var flag = await db.Flags.SingleAsync(f => f.Id == flagId);
        Assert.Equal(flag.EvidenceHash, flag.DismissedEvidenceHash);
    }

    [Fact]
    public async Task Shoppers_are_kept_out_of_the_review_queue()
    {
        await using var context = await shop.NewContextAsync(staff: null);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/Admin/Flags");
        Assert.Equal(401, response!.Status);
    }

    [Fact]
    public async Task Admin_sees_the_dashboard_counts_and_weekly_chart()
    {
        await shop.SeedFlaggedRollerAsync("E2E Dashboard Roller");
        await using var context = await shop.NewContextAsync("admin@example.com|Admin");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Admin/Dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open flags by rule" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.week-chart rect.bar-opened")).ToHaveCountAsync(8);
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("dashboard.png"), FullPage = true });
    }
}
