using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Catalogue;

/// <summary>The admin catalogue pages over HTTP: real forms with antiforgery, a real SQLite file.</summary>
public sealed class ProductPagesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private const string Merch = "merch@shop.test|Merchandiser";

    private async Task<Product> SeedAsync(Action<Product>? change = null)
    {
        var product = new Product
        {
            Name = $"Titanium roller {Guid.NewGuid():N}"[..30], Slug = $"roller-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Price = 10m,
            NeedleLengthMm = 0.25, IntendedUse = IntendedUse.Home, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        change?.Invoke(product);
        return await factory.WithDbAsync(async db => { db.Products.Add(product); await db.SaveChangesAsync(); return product; });
    }

    public static TheoryData<string?> Outsiders => new() { null, "shopper@shop.test" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Every_catalogue_page_refuses_anonymous_users_and_shoppers(string? user)
    {
        var product = await SeedAsync();
        var client = factory.Client(user);
        foreach (var url in new[] { "/Admin/Products", "/Admin/Products/Edit", $"/Admin/Products/Edit/{product.Id}", "/Admin/Products/Import",
                     "/Admin/Products?handler=Export", "/Admin/ApiKeys" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
        var post = await client.PostAsync($"/Admin/Products/Edit/{product.Id}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        Assert.True(await factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == product.Id)));
    }

    [Fact]
    public async Task Merchandisers_use_the_catalogue_but_not_the_api_keys_page()
    {
        var client = factory.Client(Merch);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Products/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/ApiKeys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client("admin@shop.test|Admin").GetAsync("/Admin/ApiKeys")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_product_through_the_form_redirects_with_a_status_and_audits_who_did_it()
    {
        var client = factory.Client(Merch);
        var form = await client.GetPageAsync("/Admin/Products/Edit");
        var response = await client.SubmitAsync(form, "form.product-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Derma Stamp 0.5 mm Pro", ["Input.Kind"] = "stamp", ["Input.Price"] = "24.90",
            ["Input.NeedleLengthMm"] = "0.5", ["Input.IntendedUse"] = "professional", ["Input.Sterile"] = "true",
            ["Input.Claims[]"] = "collagen-induction", ["Input.SupplierUrl"] = "https://supplier.example/stamp",
        }, "/Admin/Products/Edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Created \"Derma Stamp 0.5 mm Pro\".", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("product.create", page.QuerySelector("#history-heading + .table-wrap")!.TextContent);
        Assert.Contains("merch@shop.test", page.QuerySelector("#history-heading + .table-wrap")!.TextContent);

        var saved = await factory.WithDbAsync(db => db.Products.SingleAsync(p => p.Slug == "derma-stamp-0-5-mm-pro"));
        Assert.Equal(ProductKind.Stamp, saved.Kind);
        Assert.Equal(24.90m, saved.Price);
        Assert.Equal(0.5, saved.NeedleLengthMm);
        Assert.True(saved.Sterile);
        Assert.Equal([Claim.CollagenInduction], saved.Claims);
    }

    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "Input.Price", "-1", "Input.Price", "The price cannot be negative." },
        { "Input.NeedleLengthMm", "0", "Input.NeedleLengthMm", "The needle length must be above 0 and at most 5 mm." },
        { "Input.NeedleLengthMm", "5.5", "Input.NeedleLengthMm", "The needle length must be above 0 and at most 5 mm." },
        { "Input.Kind", "magic-wand", "Input.Kind", "Unknown kind 'magic-wand'" },
        { "Input.SupplierUrl", "ftp://supplier.example/roller", "Input.SupplierUrl", "must be an absolute http:// or https:// address" },
        { "Input.SupplierUrl", "javascript:alert(1)", "Input.SupplierUrl", "must be an absolute http:// or https:// address" },
        { "Input.Price", "ten", "Input.Price", "not valid" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_shown_next_to_its_field_and_nothing_is_written(string field, string value, string errorField, string message)
    {
        var product = await SeedAsync();
        var client = factory.Client(Merch);
        var url = $"/Admin/Products/Edit/{product.Id}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), "form.product-form",
            new Dictionary<string, string?> { [field] = value, ["Input.Brand"] = "Changed brand" }, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(message, page.FieldError(errorField));
        Assert.Equal("Changed brand", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Brand']")!.Value);
        var stored = await factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id));
        Assert.Null(stored.Brand);
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProductId == product.Id)));
    }

    [Fact]
    public async Task A_slug_used_by_another_product_is_refused_on_create()
    {
        var existing = await SeedAsync();
        var client = factory.Client(Merch);
        var count = await factory.WithDbAsync(db => db.Products.CountAsync());
        var response = await client.SubmitAsync(await client.GetPageAsync("/Admin/Products/Edit"), "form.product-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Copy", ["Input.Slug"] = existing.Slug, ["Input.Kind"] = "roller", ["Input.Price"] = "5",
        }, "/Admin/Products/Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already used by another product", (await Forms.ParseAsync(response)).FieldError("Input.Slug"));
        Assert.Equal(count, await factory.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Editing_records_who_changed_what_and_the_product_page_shows_the_history()
    {
        var product = await SeedAsync();
        var client = factory.Client(Merch);
        var url = $"/Admin/Products/Edit/{product.Id}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), "form.product-form",
            new Dictionary<string, string?> { ["Input.Price"] = "12.50", ["Input.NeedleLengthMm"] = "0.3" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = (await client.GetPageAsync(url)).QuerySelector("#history-heading + .table-wrap")!.TextContent;
        Assert.Contains("product.update", history);
        Assert.Contains("price: 10.00 → 12.50", history);
        Assert.Contains("needleLengthMm: 0.25 → 0.3", history);
        Assert.Contains("merch@shop.test", history);
    }

    [Fact]
    public async Task Deleting_removes_the_product_but_keeps_its_history()
    {
        var product = await SeedAsync();
        var client = factory.Client(Merch);
        var url = $"/Admin/Products/Edit/{product.Id}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), "form.danger-zone", pageUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == product.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProductId == product.Id && a.Action == "product.delete")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Bulk_publish_and_unpublish_change_only_the_ticked_products()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();
        var untouched = await SeedAsync();
        var client = factory.Client(Merch);
        var list = await client.GetPageAsync("/Admin/Products?sort=-updated");
        var publish = await client.PostAsync("/Admin/Products?handler=Bulk", new FormUrlEncodedContent(
        [
            new("selected", first.Id.ToString()), new("selected", second.Id.ToString()), new("bulkAction", "publish"),
            new("__RequestVerificationToken", Forms.Token(list)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("2 product(s) published.", (await client.GetPageAsync("/Admin/Products")).QuerySelector("[role=status]")!.TextContent);
        var states = await factory.WithDbAsync(db => db.Products.Where(p => p.Id == first.Id || p.Id == second.Id || p.Id == untouched.Id)
            .ToDictionaryAsync(p => p.Id, p => p.Published));
        Assert.True(states[first.Id] && states[second.Id]);
        Assert.False(states[untouched.Id]);

        var unpublish = await client.PostAsync("/Admin/Products?handler=Bulk", new FormUrlEncodedContent(
            [new("selected", first.Id.ToString()), new("bulkAction", "unpublish"), new("__RequestVerificationToken", Forms.Token(list))]));
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Products.Where(p => p.Id == first.Id).Select(p => p.Published).SingleAsync()));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProductId == first.Id && a.Action.StartsWith("product.")
            && (a.Action == "product.publish" || a.Action == "product.unpublish"))));
    }

    [Fact]
    public async Task The_list_filters_by_kind_flags_hold_and_search_and_sorts_by_price()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(p => { p.Name = $"Patch {tag} cheap"; p.Kind = ProductKind.Patch; p.Price = 5m; });
        await SeedAsync(p => { p.Name = $"Patch {tag} dear"; p.Kind = ProductKind.Patch; p.Price = 30m; p.OpenFlagCount = 2; });
        await SeedAsync(p => { p.Name = $"Pen {tag} held"; p.Kind = ProductKind.Pen; p.OnHold = true; });
        var client = factory.Client(Merch);

        string Names(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join(",", page.QuerySelectorAll("tbody td:nth-child(2) a").Select(a => a.TextContent));
        Assert.Equal($"Patch {tag} cheap,Patch {tag} dear", Names(await client.GetPageAsync($"/Admin/Products?q={tag}&kind=patch&sort=price")));
        Assert.Equal($"Patch {tag} dear,Patch {tag} cheap", Names(await client.GetPageAsync($"/Admin/Products?q={tag}&kind=patch&sort=-price")));
        Assert.Equal($"Patch {tag} dear", Names(await client.GetPageAsync($"/Admin/Products?q={tag}&flagged=true")));
        Assert.Equal($"Pen {tag} held", Names(await client.GetPageAsync($"/Admin/Products?q={tag}&held=true")));
        Assert.Contains("3 product(s)", (await client.GetPageAsync($"/Admin/Products?q={tag}")).Body!.TextContent);
        Assert.Contains("3 product(s)", (await client.GetPageAsync($"/Admin/Products?q={tag.ToUpperInvariant()}")).Body!.TextContent);
    }

    [Fact]
    public async Task Names_with_markup_are_shown_as_text()
    {
        await SeedAsync(p => p.Name = "<script>alert(1)</script> roller");
        var html = await factory.Client(Merch).GetStringAsync("/Admin/Products?q=alert");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; roller", html);
    }
}
