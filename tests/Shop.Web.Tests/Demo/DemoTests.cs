using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Demo;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Demo;

public sealed class DemoTests : IDisposable
{
    private readonly IdentityShopFactory shop = new(new() { ["Demo:Enabled"] = "true", ["Demo:SupplierBaseUrl"] = "http://127.0.0.1:5999" });

    public void Dispose() => shop.Dispose();

    [Fact]
    public async Task First_start_seeds_at_least_30_products_of_every_kind_linked_to_the_demo_supplier()
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var counts = await db.Products.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        foreach (var kind in new[] { ProductKind.Roller, ProductKind.Stamp, ProductKind.Pen, ProductKind.Cartridge, ProductKind.Patch, ProductKind.Moisturiser, ProductKind.Serum })
            Assert.True(counts.SingleOrDefault(c => c.Key == kind)?.Count >= 30, $"{kind}: {counts.SingleOrDefault(c => c.Key == kind)?.Count}");
        var supplier = await db.Suppliers.SingleAsync();
        Assert.Equal("http://127.0.0.1:5999/demo-supplier/", supplier.BaseUrl);
        var products = await db.Products.ToListAsync();
        Assert.All(products, p => Assert.Equal($"http://127.0.0.1:5999/demo-supplier/products/{p.Slug}", p.SupplierUrl));
        Assert.All(products, p => Assert.Equal(supplier.Id, p.SupplierId));
        Assert.Equal(products.Count, products.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_follows_a_new_address()
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var before = await db.Products.CountAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("http://127.0.0.1:6001", CancellationToken.None);
        Assert.Equal(before, await db.Products.CountAsync());
        Assert.Equal(1, await db.Suppliers.CountAsync());
        var urls = await db.Products.Select(p => p.SupplierUrl).ToListAsync();
        Assert.All(urls, u => Assert.StartsWith("http://127.0.0.1:6001/demo-supplier/products/", u));
    }

    [Fact]
    public async Task Demo_supplier_serves_every_product_page_and_the_contradicting_ones_say_so()
    {
        var client = shop.Browser();
        foreach (var product in DemoCatalogue.All.Where((_, i) => i % 7 == 0))
        {
            var response = await client.GetAsync(DemoSupplierSite.ProductPath(product.Slug));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        }
        var homeRoller = await client.GetStringAsync(DemoSupplierSite.ProductPath("glowhome-titanium-derma-roller-1-0-mm"));
        Assert.Contains("application/ld+json", homeRoller);
        Assert.Contains("1.0mm", homeRoller);
        Assert.Contains("at-home use", homeRoller);
        var sterile = await client.GetStringAsync(DemoSupplierSite.ProductPath("sterilux-sterile-derma-roller-0-75-mm"));
        Assert.Contains("soaking it in 70% isopropyl alcohol", sterile);
        var patch = await client.GetStringAsync(DemoSupplierSite.ProductPath("hydradots-reusable-hyaluronic-microneedle-patch"));
        Assert.Contains("Reusable up to 5 times", patch);
        Assert.Contains("FDA Approved", await client.GetStringAsync(DemoSupplierSite.ProductPath("collagenpro-derma-pen-x9")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DemoSupplierSite.ProductPath("no-such-thing"))).StatusCode);
    }

    [Fact]
    public void Demo_catalogue_covers_every_kind_of_page_and_contradiction()
    {
        Assert.All(Enum.GetValues<PageStyle>(), style => Assert.Contains(DemoCatalogue.All, p => p.Page.Style == style));
        var listingMismatch = DemoCatalogue.All.Single(p => p.Slug == "nordic-derma-stamp-140-0-5-mm");
        Assert.Equal(0.5, listingMismatch.Listing.NeedleLengthMm);
        Assert.Contains(listingMismatch.Page.Specs, s => s.Value == "1.5 mm");
    }

    [Fact]
    public void Base_url_comes_from_the_bound_address_with_wildcards_read_as_loopback()
    {
        Assert.Equal("http://10.0.0.5:8080", DemoSeeder.ResolveBaseUrl(new DemoOptions { SupplierBaseUrl = "http://10.0.0.5:8080/" }, null));
        Assert.Null(DemoSeeder.ResolveBaseUrl(new DemoOptions(), null));
    }
}
