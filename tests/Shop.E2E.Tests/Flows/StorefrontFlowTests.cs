using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;

namespace Shop.E2E.Tests.Flows;

/// <summary>The anonymous storefront in Chromium, over the demo catalogue the app seeds on its first start.</summary>
public sealed class StorefrontFlowTests(LiveShop shop) : IClassFixture<LiveShop>
{
    [Fact]
    public async Task A_shopper_browses_and_filters_the_storefront()
    {
        await using var context = await shop.NewContextAsync(staff: null);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Microneedling, checked." })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("storefront-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Derma rollers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Derma rollers", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Derma rollers" })).ToBeCheckedAsync();

        // Keyboard and labels: the filters are reachable by their names.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Home use" }).CheckAsync();
        await page.GetByLabel("To").First.FillAsync("0.3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show products" }).ClickAsync();
        // Retrying assertions, not WaitForURL: after a form submission Playwright's WaitForURL twice hung for 30 s on a
        // load state it had missed. Once the URL is the new one, a visible footer means the new page is parsed.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("use=home"));
        await Assertions.Expect(page.Locator(".site-footer")).ToBeVisibleAsync();

        var lengths = await page.Locator(".product-card .chip").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\d+\.\d+ mm$") }).AllTextContentsAsync();
        Assert.NotEmpty(lengths);
        Assert.All(lengths, l => Assert.True(double.Parse(l.Replace(" mm", ""), System.Globalization.CultureInfo.InvariantCulture) <= 0.3, l));
        await Assertions.Expect(page.Locator(".product-card .chip-pro")).ToHaveCountAsync(0);

        await page.GetByLabel("Sort by").SelectOptionAsync("price");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=price"));
        await Assertions.Expect(page.Locator(".site-footer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("price");
        var prices = (await page.Locator(".product-card .product-price").AllTextContentsAsync())
            .Select(p => decimal.Parse(p.TrimStart('$'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(prices.Order().ToList(), prices);
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("storefront-list.png") });

        await page.Locator(".product-card a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Safety information" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".safety-panel")).ToContainTextAsync("an at-home length");
        await Assertions.Expect(page.Locator(".safety-panel")).ToContainTextAsync("sunscreen");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("storefront-product.png"), FullPage = true });

        await page.GotoAsync("/Products?q=hydradots%20reusable");
        await Assertions.Expect(page.Locator(".product-card")).ToHaveCountAsync(1);
        await page.Locator(".product-card a").ClickAsync();
        await Assertions.Expect(page.Locator(".safety-panel")).ToContainTextAsync("Patches are one-time use");
    }

    [Fact]
    public async Task The_storefront_works_on_a_phone_sized_screen()
    {
        await using var context = await shop.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = shop.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Products?kind=patch");
        await Assertions.Expect(page.Locator(".product-card").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a phone");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("storefront-phone.png") });
    }
}
