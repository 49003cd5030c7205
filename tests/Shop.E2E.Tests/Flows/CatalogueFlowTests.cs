using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.E2E.Tests.Infrastructure;

namespace Shop.E2E.Tests.Flows;

public sealed class CatalogueFlowTests(LiveShop shop) : IClassFixture<LiveShop>
{
    private const string Merchandiser = "merch@example.com|Merchandiser";

    [Fact]
    public async Task Merchandiser_creates_a_product_corrects_a_bad_needle_length_and_finds_it_in_the_list()
    {
        await using (var scope = shop.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var supplier = new Supplier { Name = "Derma Supply Co", BaseUrl = "https://derma-supply.example" };
            db.Suppliers.Add(supplier);
            var kinds = Enum.GetValues<ProductKind>();
            for (var i = 0; i < 24; i++)
            {
                db.Products.Add(new Product
                {
                    Name = $"{(i % 2 == 0 ? "Titanium" : "Stainless")} {kinds[i % kinds.Length].ToWord()} {0.25 + i % 4 * 0.25:0.00} mm",
                    Slug = $"catalogue-e2e-{i}", Kind = kinds[i % kinds.Length], Price = 9.90m + i, Published = i % 3 != 0,
                    OnHold = i == 5, OpenFlagCount = i % 4 == 0 ? 1 : 0, Supplier = supplier, UpdatedUtc = DateTime.UtcNow.AddHours(-i),
                });
            }
            await db.SaveChangesAsync();
        }
        await using var context = await shop.NewContextAsync(Merchandiser);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Admin/Products");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("admin-products.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Gold derma stamp 0.5 mm");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("stamp");
        await page.GetByLabel("Price", new() { Exact = true }).FillAsync("34.50");
        await page.GetByLabel("Needle length (mm)").FillAsync("7");
        await page.GetByLabel("Supplier page URL").FillAsync("https://derma-supply.example/gold-stamp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.NeedleLengthMm']")).ToHaveTextAsync("The needle length must be above 0 and at most 5 mm.");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("admin-product-validation.png"), FullPage = true });
        await page.GetByLabel("Needle length (mm)").FillAsync("0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Created \"Gold derma stamp 0.5 mm\".");
        await Assertions.Expect(page.Locator("#history-heading + .table-wrap")).ToContainTextAsync("product.create");
        await page.ScreenshotAsync(new() { Path = LiveShop.ScreenshotPath("admin-product-edit.png"), FullPage = true });

        await page.GotoAsync("/Admin/Products?q=gold");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gold derma stamp 0.5 mm" })).ToBeVisibleAsync();
        await using var check = shop.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ShopDbContext>().Products.SingleAsync(p => p.Slug == "gold-derma-stamp-0-5-mm");
        Assert.Equal(0.5, stored.NeedleLengthMm);
    }
}
