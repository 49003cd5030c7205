using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Api;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Api;

/// <summary>
/// The flag endpoints through the real app's /api/v1 group, called with a real merchandiser API key (stored hashed,
/// checked by the API-key scheme), against a SQLite file.
/// </summary>
public sealed class FlagsApiTests : IClassFixture<ShopFactory>, IAsyncLifetime
{
    private readonly ShopFactory factory;
    private HttpClient client = null!;

    public FlagsApiTests(ShopFactory factory) => this.factory = factory;

    private async Task<string> KeyAsync(string role)
    {
        var key = ApiKeys.NewKey();
        await factory.WithDbAsync(async db =>
        {
            ApiKeys.Add(db, key, $"flags api {role}", role, "test", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        return key;
    }

    public async Task InitializeAsync() => client = factory.ApiClient(await KeyAsync(Roles.Merchandiser));

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(int ProductId, int FlagId)> SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var product = new Product { Name = "API roller", Slug = $"api-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Published = true, OpenFlagCount = 1 };
        product.Flags.Add(new Flag
        {
            Rule = "home-needle-too-long", Severity = Severity.Error, Status = FlagStatus.Open, Message = "Too long for home use.",
            EvidenceHash = "api", Evidence = [new FlagEvidence { Text = "1.0 mm", From = EvidenceSource.Spec }],
            FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
        });
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Id, product.Flags[0].Id);
    }

    [Fact]
    public async Task Lists_flags_with_filters_as_items_and_total_in_the_spec_words()
    {
        var (productId, flagId) = await SeedAsync();
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/flags?status=open&severity=error&productId={productId}");
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        var item = json.GetProperty("items")[0];
        Assert.Equal(flagId, item.GetProperty("id").GetInt32());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("spec", item.GetProperty("evidence")[0].GetProperty("from").GetString());
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_naming_the_field()
    {
        var response = await client.GetAsync("/api/v1/flags?status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Confirm_through_the_api_holds_the_product_and_a_second_confirm_is_a_conflict()
    {
        var (productId, flagId) = await SeedAsync();
        var first = await client.PostAsJsonAsync($"/api/v1/flags/{flagId}/confirm", new { note = "checked the box" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("confirmed", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var second = await client.PostAsJsonAsync($"/api/v1/flags/{flagId}/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.True((await db.Products.SingleAsync(p => p.Id == productId)).OnHold);
        Assert.Contains("checked the box", (await db.AuditEntries.SingleAsync(a => a.ProductId == productId)).Details);
    }

    [Fact]
    public async Task Dismiss_without_a_reason_is_a_400_and_an_unknown_flag_a_404()
    {
        var (_, flagId) = await SeedAsync();
        var missingReason = await client.PostAsJsonAsync($"/api/v1/flags/{flagId}/dismiss", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.True((await missingReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var unknown = await client.PostAsJsonAsync("/api/v1/flags/999999/dismiss", new { reason = "fine" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Snooze_needs_a_future_date()
    {
        var (_, flagId) = await SeedAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/flags/{flagId}/snooze", new { })).StatusCode);
        var ok = await client.PostAsJsonAsync($"/api/v1/flags/{flagId}/snooze", new { until = DateTime.UtcNow.AddDays(2) });
        Assert.Equal("snoozed", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Callers_without_a_key_or_without_a_staff_role_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ApiClient(null).GetAsync("/api/v1/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ApiClient(await KeyAsync("Shopper")).GetAsync("/api/v1/flags")).StatusCode);
    }
}
