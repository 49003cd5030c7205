using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Model;
using Shop.Web.Api;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Api;

/// <summary>/api/v1 through the real app: API keys (bootstrap, issued, revoked), roles, and api.md's shapes.</summary>
public sealed class CatalogueApiTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private async Task<string> IssueKeyAsync(string role, bool revoked = false)
    {
        var key = ApiKeys.NewKey();
        await factory.WithDbAsync(async db =>
        {
            var apiKey = ApiKeys.Add(db, key, $"test {role}", role, "test", DateTime.UtcNow);
            if (revoked) apiKey.RevokedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        return key;
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task No_key_a_wrong_key_and_a_revoked_key_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient(null).GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient("shop_not-a-real-key").GetAsync("/api/v1/products")).StatusCode);
        var revoked = await IssueKeyAsync(Roles.Admin, revoked: true);
        var response = await factory.ApiClient(revoked).GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_browser_session_does_not_open_the_api()
    {
        var client = factory.Client("admin@shop.test|Admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/suppliers")).StatusCode);
    }

    [Fact]
    public async Task A_merchandiser_key_reads_products_and_flags_but_gets_403_on_suppliers()
    {
        var client = factory.ApiClient(await IssueKeyAsync(Roles.Merchandiser));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/suppliers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/suppliers", new { name = "X", baseUrl = "https://x.example" })).StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_key_is_an_admin_key_stored_only_as_a_hash()
    {
        var stored = await factory.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Name == "bootstrap"));
        Assert.Equal(Roles.Admin, stored.Role);
        Assert.Equal(ApiKeys.Hash(ShopFactory.BootstrapKey), stored.Hash);
        Assert.DoesNotContain(ShopFactory.BootstrapKey, stored.Hash + stored.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await factory.ApiClient().GetAsync("/api/v1/suppliers")).StatusCode);
    }

    [Fact]
    public async Task Suppliers_and_products_are_created_and_listed_with_the_spec_fields()
    {
        var client = factory.ApiClient();
        var name = $"Derma Supply {Guid.NewGuid():N}";
        var created = await client.PostAsJsonAsync("/api/v1/suppliers", new { name, baseUrl = "https://derma-supply.example", schedule = "0 3 * * *" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var supplier = await created.Content.ReadFromJsonAsync<JsonElement>();
        var supplierId = supplier.GetProperty("id").GetInt32();
        Assert.Equal("0 3 * * *", supplier.GetProperty("schedule").GetString());
        Assert.True(supplier.GetProperty("enabled").GetBoolean());
        Assert.Equal($"/api/v1/suppliers/{supplierId}", created.Headers.Location!.ToString());

        var slug = $"api-roller-{Guid.NewGuid():N}";
        var product = await client.PostAsJsonAsync("/api/v1/products", new
        {
            name = "API roller 0.25 mm", slug, kind = "roller", needleLengthMm = 0.25, intendedUse = "home", singleUse = false,
            sterile = true, price = 19.9, currency = "EUR", published = true, supplierId, supplierUrl = "https://derma-supply.example/roller",
        });
        Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        var body = await product.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["id", "name", "slug", "kind", "needleLengthMm", "intendedUse", "singleUse", "sterile", "price", "currency", "published", "onHold", "supplierId", "supplierUrl", "openFlags"],
            body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("home", body.GetProperty("intendedUse").GetString());
        Assert.Equal(19.9m, body.GetProperty("price").GetDecimal());

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?kind=roller&q={slug}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(slug, list.GetProperty("items")[0].GetProperty("slug").GetString());
        var productId = body.GetProperty("id").GetInt32();
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProductId == productId && a.Action == "product.create" && a.Actor == "api-key:bootstrap")));
    }

    [Fact]
    public async Task Flagged_filter_skip_and_take_page_the_products()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 5; i++)
                db.Products.Add(new Product { Name = $"Serum {tag} {i}", Slug = $"serum-{tag}-{i}", Kind = ProductKind.Serum, Price = 5, OpenFlagCount = i % 2 });
            return await db.SaveChangesAsync();
        });
        var client = factory.ApiClient();
        var flagged = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?q={tag}&flagged=true");
        Assert.Equal(2, flagged.GetProperty("total").GetInt32());
        Assert.All(flagged.GetProperty("items").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("openFlags").GetInt32()));
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?q={tag}&skip=3&take=10");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var anyCase = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?q=SERUM%20{tag.ToUpperInvariant()}");
        Assert.Equal(5, anyCase.GetProperty("total").GetInt32());
        Assert.True((await ErrorsOf(await client.GetAsync("/api/v1/products?take=0"))).TryGetProperty("take", out _));
        Assert.True((await ErrorsOf(await client.GetAsync("/api/v1/products?kind=wand"))).TryGetProperty("kind", out _));
        Assert.True((await ErrorsOf(await client.GetAsync("/api/v1/products?flagged=maybe"))).TryGetProperty("flagged", out _));
    }

    public static TheoryData<string, string> BadProducts => new()
    {
        { """{"name":"R","kind":"roller","price":-1}""", "price" },
        { """{"name":"R","kind":"roller","price":1,"needleLengthMm":0}""", "needleLengthMm" },
        { """{"name":"R","kind":"roller","price":1,"needleLengthMm":5.01}""", "needleLengthMm" },
        { """{"name":"R","kind":"wand","price":1}""", "kind" },
        { """{"name":"R","kind":"roller","price":1,"supplierUrl":"ftp://x.example/r"}""", "supplierUrl" },
        { """{"name":"R","kind":"roller","price":"cheap"}""", "price" },
        { """{"name":"R","kind":"roller","price":1,"supplierId":999999}""", "supplierId" },
        { """{"name":"R","kind":"roller","price":1,"needleLenght":1}""", "needleLenght" },
        { """{"kind":"roller","price":1}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task A_bad_product_is_a_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        var before = await factory.WithDbAsync(db => db.Products.CountAsync());
        var response = await factory.ApiClient().PostAsync("/api/v1/products", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True((await ErrorsOf(response)).TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_400_on_slug()
    {
        var client = factory.ApiClient();
        var slug = $"dup-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/products", new { name = "One", slug, kind = "pen", price = 99 })).StatusCode);
        Assert.True((await ErrorsOf(await client.PostAsJsonAsync("/api/v1/products", new { name = "Two", slug, kind = "pen", price = 99 }))).TryGetProperty("slug", out _));
    }

    [Fact]
    public async Task A_bad_supplier_is_a_400_naming_the_field()
    {
        var client = factory.ApiClient();
        Assert.True((await ErrorsOf(await client.PostAsJsonAsync("/api/v1/suppliers", new { name = "S", baseUrl = "file:///etc/passwd" }))).TryGetProperty("baseUrl", out _));
        Assert.True((await ErrorsOf(await client.PostAsJsonAsync("/api/v1/suppliers", new { name = "S", baseUrl = "https://s.example", schedule = "every day" }))).TryGetProperty("schedule", out _));
        Assert.True((await ErrorsOf(await client.PostAsJsonAsync("/api/v1/suppliers", new { baseUrl = "https://s.example" }))).TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        var client = factory.ApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/products/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/suppliers/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/flags/987654/dismiss", new { reason = "fine" })).StatusCode);
    }

    [Fact]
    public async Task An_admin_issues_a_key_in_the_ui_sees_it_once_and_revoking_it_closes_the_api()
    {
        var admin = factory.Client("admin@shop.test|Admin");
        var page = await admin.GetPageAsync("/Admin/ApiKeys");
        var issued = await admin.SubmitAsync(page, "form[action*='Issue']", new Dictionary<string, string?> { ["Name"] = "nightly import", ["Role"] = "Merchandiser" }, "/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var shown = await admin.GetPageAsync("/Admin/ApiKeys");
        var key = shown.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#new-key")!.Value;
        Assert.StartsWith("shop_", key);
        Assert.Null((await admin.GetPageAsync("/Admin/ApiKeys")).QuerySelector("#new-key"));
        Assert.False(await factory.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.Hash == key || k.Prefix == key)));

        var api = factory.ApiClient(key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/products")).StatusCode);
        var id = await factory.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "nightly import").Select(k => k.Id).SingleAsync());
        var revoke = await admin.SubmitAsync(shown, $"form[action*='Revoke'][action*='id={id}'], form[action$='/{id}?handler=Revoke']", pageUrl: "/Admin/ApiKeys");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/products")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "apikey.revoke" && a.Details!.StartsWith("nightly import"))));
    }
}
