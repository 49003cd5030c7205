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
using Shop.Jobs.Hosting;
using Shop.Web.Api;
using Shop.Web.Infrastructure;

namespace Shop.Web.Tests.Api;

/// <summary>The scan endpoints over real HTTP (Kestrel on 127.0.0.1, SQLite file, Hangfire in-memory without a server,
/// so runs stay queued and can be read back). Roles come from a test header until the API-key scheme is joined in.</summary>
[Collection(Shop.Web.Tests.Scans.HangfireCollection.Name)]
public sealed class ScansApiTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-scansapi-{Guid.NewGuid():N}");
    private WebApplication app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Shop:DataDirectory"] = dataDirectory;
        builder.Configuration["Jobs:RunServer"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddShopCore();
        builder.AddShopJobs();
        builder.Services.AddAuthentication(HeaderUser.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ShopWebExtensions.MerchandiserPolicy, p => p.RequireRole(Roles.Admin, Roles.Merchandiser))
            .AddPolicy(ShopWebExtensions.AdminPolicy, p => p.RequireRole(Roles.Admin));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/v1").MapScansApi();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.MigrateAsync();
        }
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Add("X-Test-User", user);
        return client;
    }

    private async Task<(int SupplierId, int ProductId, int BareProductId)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var supplier = new Supplier { Name = $"API supplier {Guid.NewGuid():N}", BaseUrl = "https://supplier.example/" };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        var product = new Product { Name = "Roller", Slug = $"r-{Guid.NewGuid():N}", SupplierId = supplier.Id, SupplierUrl = "https://supplier.example/roller" };
        var bare = new Product { Name = "No page", Slug = $"b-{Guid.NewGuid():N}" };
        db.Products.AddRange(product, bare);
        await db.SaveChangesAsync();
        return (supplier.Id, product.Id, bare.Id);
    }

    [Fact]
    public async Task Starting_a_supplier_scan_answers_202_with_the_queued_run_and_its_pages()
    {
        var (supplierId, productId, _) = await SeedAsync();
        using var client = Client("admin|Admin");
        var response = await client.PostAsync($"/api/v1/suppliers/{supplierId}/scans", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("pagesTotal").GetInt32());
        Assert.Equal(0, run.GetProperty("pagesDone").GetInt32());
        var page = Assert.Single(run.GetProperty("pages").EnumerateArray());
        Assert.Equal(productId, page.GetProperty("productId").GetInt32());
        Assert.Equal("https://supplier.example/roller", page.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("outcome").ValueKind);
        Assert.Equal($"/api/v1/scans/{run.GetProperty("id").GetInt32()}", response.Headers.Location!.ToString());

        var again = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(run.GetProperty("id").GetInt32(), again.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_second_supplier_scan_while_one_is_queued_answers_the_same_run()
    {
        var (supplierId, _, _) = await SeedAsync();
        using var client = Client("admin|Admin");
        var first = await (await client.PostAsync($"/api/v1/suppliers/{supplierId}/scans", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await client.PostAsync($"/api/v1/suppliers/{supplierId}/scans", null);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.GetProperty("id").GetInt32(), (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_product_rescan_is_a_run_of_one_page()
    {
        var (_, productId, _) = await SeedAsync();
        using var client = Client("merch|Merchandiser");
        var response = await client.PostAsync($"/api/v1/products/{productId}/scans", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, run.GetProperty("pagesTotal").GetInt32());
    }

    [Fact]
    public async Task A_product_without_a_supplier_page_is_a_400_naming_the_field()
    {
        var (_, _, bareId) = await SeedAsync();
        using var client = Client("merch|Merchandiser");
        var response = await client.PostAsync($"/api/v1/products/{bareId}/scans", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("supplierUrl", out _));
    }

    [Theory]
    [InlineData("/api/v1/suppliers/999999/scans", "POST")]
    [InlineData("/api/v1/products/999999/scans", "POST")]
    [InlineData("/api/v1/scans/999999", "GET")]
    public async Task Unknown_ids_are_404(string url, string method)
    {
        using var client = Client("admin|Admin");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_merchandiser_cannot_start_a_supplier_scan_and_nothing_is_written()
    {
        var (supplierId, _, _) = await SeedAsync();
        using var client = Client("merch|Merchandiser");
        var response = await client.PostAsync($"/api/v1/suppliers/{supplierId}/scans", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShopDbContext>().ScanRuns.AnyAsync(r => r.SupplierId == supplierId));
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
