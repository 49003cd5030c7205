using System.Net;
using System.Text.Json;
using Shop.Core.Model;
using Shop.Web.Api;
using Shop.Web.Tests.Infrastructure;
using Shop.Web.Tests.Scans;

namespace Shop.Web.Tests.Api;

/// <summary>The scans endpoints inside the real /api/v1 group: API keys decide, as for every other resource.</summary>
[Collection(HangfireCollection.Name)]
public sealed class ScansApiKeyTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private async Task<(int SupplierId, string MerchandiserKey)> SeedAsync()
    {
        var key = ApiKeys.NewKey();
        var supplierId = await factory.WithDbAsync(async db =>
        {
            ApiKeys.Add(db, key, "merchandising", Roles.Merchandiser, "test", DateTime.UtcNow);
            var supplier = new Supplier { Name = $"Keyed {Guid.NewGuid():N}", BaseUrl = "https://supplier.example/", CreatedUtc = DateTime.UtcNow };
            supplier.Products.Add(new Product
            {
                Name = "Keyed roller", Slug = $"keyed-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Price = 12m,
                SupplierUrl = "https://supplier.example/roller", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync();
            return supplier.Id;
        });
        return (supplierId, key);
    }

    [Fact]
    public async Task Supplier_scans_need_an_admin_key_and_answer_202_with_the_run()
    {
        var (supplierId, merchandiserKey) = await SeedAsync();
        var url = $"/api/v1/suppliers/{supplierId}/scans";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient(null).PostAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ApiClient(merchandiserKey).PostAsync(url, null)).StatusCode);

        var accepted = await factory.ApiClient().PostAsync(url, null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var run = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, run.RootElement.GetProperty("pagesTotal").GetInt32());

        var followed = await factory.ApiClient(merchandiserKey).GetAsync($"/api/v1/scans/{run.RootElement.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ApiClient().GetAsync("/api/v1/scans/999999")).StatusCode);
    }
}
