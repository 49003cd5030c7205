using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Api;
using Shop.Web.Infrastructure;

namespace Shop.Web.Tests.Api;

/// <summary>
/// The flag endpoints over real HTTP (Kestrel on 127.0.0.1, SQLite file). They are hosted here on their own group so
/// they can be tested before the API-key scheme lands; the roles come from a test header.
/// </summary>
public sealed class FlagsApiTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-flagsapi-{Guid.NewGuid():N}");
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Shop:DataDirectory"] = dataDirectory;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddShopCore();
        builder.Services.AddAuthentication(HeaderUser.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ShopWebExtensions.MerchandiserPolicy, p => p.RequireRole(Roles.Admin, Roles.Merchandiser));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/v1").MapFlagsApi();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.MigrateAsync();
        }
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Add("X-Test-User", "api-merch|Merchandiser");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task<(int ProductId, int FlagId)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
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

        await using var scope = app.Services.CreateAsyncScope();
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
    public async Task Callers_without_a_staff_role_are_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/flags")).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Test-User", "shopper");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/v1/flags")).StatusCode);
    }

    private sealed class HeaderUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers["X-Test-User"].FirstOrDefault() is not { } value) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.Split('|');
            var claims = new List<System.Security.Claims.Claim> { new(ClaimTypes.Name, parts[0]) };
            claims.AddRange(parts.Skip(1).Select(r => new System.Security.Claims.Claim(ClaimTypes.Role, r)));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
        }
    }
}
