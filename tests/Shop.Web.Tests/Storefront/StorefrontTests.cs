using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Storefront;

/// <summary>The anonymous storefront over HTTP against a real SQLite file, read with AngleSharp.</summary>
public sealed class StorefrontTests : IClassFixture<StorefrontTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public IdentityShopFactory Shop { get; } = new();

        public async Task InitializeAsync()
        {
            await using var scope = Shop.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            Product P(string name, ProductKind kind, decimal price, double? mm = null, IntendedUse? use = null, bool published = true, bool onHold = false) => new()
            {
                Name = name, Slug = global::Shop.Web.Demo.DemoCatalogue.Slugify(name), Kind = kind, Price = price, NeedleLengthMm = mm, IntendedUse = use,
                Published = published, OnHold = onHold, HoldReason = onHold ? "confirmed error" : null, SingleUse = kind == ProductKind.Patch ? true : null,
            };
            db.Products.AddRange(
                P("Alpha Home Roller 0.25", ProductKind.Roller, 19.50m, 0.25, IntendedUse.Home),
                P("Beta Clinic Roller 1.0", ProductKind.Roller, 45m, 1.0, IntendedUse.Professional),
                P("Gamma Both Roller 0.5", ProductKind.Roller, 9.95m, 0.5, IntendedUse.Both),
                P("Delta Pro Pen", ProductKind.Pen, 249m, 2.5, IntendedUse.Professional),
                P("Epsilon Eye Patch", ProductKind.Patch, 100m, 0.3, IntendedUse.Home),
                P("Held Hazard Roller", ProductKind.Roller, 20m, 0.25, IntendedUse.Home, onHold: true),
                P("Draft Hidden Roller", ProductKind.Roller, 20m, 0.25, IntendedUse.Home, published: false));
            var hostile = P("Zeta Serum <script>window.owned=1</script>", ProductKind.Serum, 30m, use: IntendedUse.Home);
            hostile.Slug = "zeta-serum";
            hostile.Description = "Supplier says: <img src=x onerror=\"window.owned=1\"> great <b onmouseover=alert(1)>glow</b>";
            db.Products.Add(hostile);
            for (var i = 0; i < 30; i++) db.Products.Add(P($"Paging Serum {i:00}", ProductKind.Serum, 10m + i, use: IntendedUse.Home));
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            Shop.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly IdentityShopFactory shop;

    public StorefrontTests(Fixture fixture) => shop = fixture.Shop;

    private async Task<List<string>> NamesAsync(string url)
    {
        var page = await shop.Browser().GetDocumentAsync(url);
        return page.QuerySelectorAll(".product-card .product-name").Select(e => e.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Kind_and_home_use_filters_show_home_and_dual_use_rollers_only()
    {
        var names = await NamesAsync("/Products?kind=roller&use=home");
        Assert.Equal(["Alpha Home Roller 0.25", "Gamma Both Roller 0.5"], names);
    }

    [Fact]
    public async Task Needle_length_range_filter_keeps_only_lengths_inside_it()
    {
        var names = await NamesAsync("/Products?minMm=0.5&maxMm=1.0");
        Assert.Equal(["Beta Clinic Roller 1.0", "Gamma Both Roller 0.5"], names);
    }

    [Fact]
    public async Task Price_range_and_price_sort_compare_prices_as_numbers()
    {
        var names = await NamesAsync("/Products?kind=roller&kind=patch&minPrice=9&maxPrice=100&sort=price");
        Assert.Equal(["Gamma Both Roller 0.5", "Alpha Home Roller 0.25", "Beta Clinic Roller 1.0", "Epsilon Eye Patch"], names);
    }

    [Fact]
    public async Task Search_by_name_finds_matches_in_any_case()
    {
        Assert.Equal(["Delta Pro Pen"], await NamesAsync("/Products?q=pro%20PEN"));
        Assert.Empty(await NamesAsync("/Products?q=100%25"));
    }

    [Fact]
    public async Task Held_and_unpublished_products_never_appear_in_lists_search_filters_or_counts()
    {
        foreach (var url in new[] { "/Products?kind=roller", "/Products?q=Roller", "/Products?q=Held", "/Products?q=Draft", "/Products?maxMm=0.25", "/Products?use=home&kind=roller" })
        {
            var names = await NamesAsync(url);
            Assert.DoesNotContain("Held Hazard Roller", names);
            Assert.DoesNotContain("Draft Hidden Roller", names);
        }
        var list = await shop.Browser().GetDocumentAsync("/Products?kind=roller");
        Assert.StartsWith("3 products", list.QuerySelector("#result-count")!.TextContent.Trim());
        var home = await shop.Browser().GetDocumentAsync("/");
        var rollers = home.QuerySelectorAll(".department-card").Single(c => c.TextContent.Contains("Derma rollers"));
        Assert.Contains("3 products", rollers.TextContent);
    }

    [Fact]
    public async Task Held_product_page_says_unavailable_and_shows_no_price()
    {
        var response = await shop.Browser().GetAsync("/Products/held-hazard-roller");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("This product is currently unavailable.", page.QuerySelector(".unavailable")!.TextContent);
        Assert.Null(page.QuerySelector(".product-price"));
    }

    [Fact]
    public async Task Unpublished_and_unknown_product_pages_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Browser().GetAsync("/Products/draft-hidden-roller")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Browser().GetAsync("/Products/no-such-product")).StatusCode);
    }

    [Fact]
    public async Task Product_page_safety_panel_explains_needle_length_use_and_guidance()
    {
        var page = await shop.Browser().GetDocumentAsync("/Products/beta-clinic-roller-1-0");
        var panel = page.QuerySelector(".safety-panel")!.TextContent;
        Assert.Contains("1.0 mm needles: a professional length", panel);
        Assert.Contains("0.5-3 mm", panel);
        Assert.Contains("For professional use", panel);
        Assert.Contains("sunscreen", panel);
        Assert.Contains("Retinoids need a prescription", panel);

        var patch = (await shop.Browser().GetDocumentAsync("/Products/epsilon-eye-patch")).QuerySelector(".safety-panel")!.TextContent;
        Assert.Contains("Patches are one-time use", patch);
        Assert.Contains("0.1-0.3 mm", patch);
    }

    [Fact]
    public async Task Info_flags_show_as_plain_language_notes_on_the_product_page()
    {
        await using (var scope = shop.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var product = db.Products.Single(p => p.Slug == "gamma-both-roller-0-5");
            db.Flags.Add(new Flag
            {
                ProductId = product.Id, Rule = "budget-professional-roller", Severity = Severity.Info, Status = FlagStatus.Open,
                Message = "internal message", EvidenceHash = "x", FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
                Evidence = [new FlagEvidence { Text = "medical grade", From = EvidenceSource.Title }],
            });
            await db.SaveChangesAsync();
        }
        var notes = (await shop.Browser().GetDocumentAsync("/Products/gamma-both-roller-0-5")).QuerySelector(".product-notes")!.TextContent;
        Assert.Contains("budget price", notes);
        Assert.DoesNotContain("internal message", notes);
    }

    [Fact]
    public async Task Supplier_text_with_script_and_event_handlers_renders_inert()
    {
        var response = await shop.Browser().GetAsync("/Products/zeta-serum");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.Empty(page.QuerySelectorAll("main [onerror], main [onmouseover]"));
        Assert.Contains("<script>window.owned=1</script>", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains("onerror=\"window.owned=1\"", page.QuerySelector(".product-description")!.TextContent);
        var list = await shop.Browser().GetDocumentAsync("/Products?q=zeta");
        Assert.Empty(list.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Paging_splits_results_and_keeps_the_filters_in_page_links()
    {
        var first = await shop.Browser().GetDocumentAsync("/Products?q=Paging&sort=price");
        Assert.Equal(24, first.QuerySelectorAll(".product-card").Length);
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=Paging", next);
        Assert.Contains("sort=price", next);
        var second = await NamesAsync(next);
        Assert.Equal(6, second.Count);
        Assert.Equal("Paging Serum 29", second[^1]);
        Assert.Equal(6, (await NamesAsync("/Products?q=Paging&sort=price&p=99")).Count);
    }

    [Fact]
    public async Task Home_page_lists_the_product_kinds_as_cards()
    {
        var home = await shop.Browser().GetDocumentAsync("/");
        var titles = home.QuerySelectorAll(".department-title").Select(e => e.TextContent).ToList();
        Assert.Equal(["Derma rollers", "Derma stamps", "Pens and cartridges", "Microneedle patches", "Moisturisers and serums"], titles);
        var pens = home.QuerySelectorAll<IHtmlAnchorElement>(".department-card").Single(a => a.TextContent.Contains("Pens")).GetAttribute("href");
        Assert.Equal("/Products?kind=pen&kind=cartridge", pens);
        Assert.Equal(["Delta Pro Pen"], await NamesAsync(pens!));
    }

    [Fact]
    public async Task Health_endpoint_reports_the_database_reachable()
    {
        var response = await shop.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
