using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Shop.Benchmarks -- products`: the admin products list over the full ASP.NET
/// Core pipeline (in-process test server, a merchandiser signed in) against a SQLite file holding 100,000 products of
/// 20 suppliers, one in five flagged, one in a hundred on hold. Prints median and 95th percentile per view.
/// </summary>
public static class ProductsBenchmark
{
    private const int Products = 100_000;
    private const int Requests = 200;

    public static async Task RunAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-bench-products-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHOP_WEB", QueueBenchmark.FindWebContentRoot());
        await using var factory = new Factory(dataDirectory);
        var client = factory.CreateClient();
        var seeding = Stopwatch.StartNew();
        var supplierId = await SeedAsync(factory.Services);
        Console.WriteLine($"Seeded {Products:N0} products in {seeding.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(11);
        await MeasureAsync(client, "first page (all, by name)", _ => "/Admin/Products");
        await MeasureAsync(client, "random page of all, by name", _ => $"/Admin/Products?p={random.Next(1, 2000)}");
        await MeasureAsync(client, "kind roller, page 20", _ => "/Admin/Products?kind=roller&p=20");
        await MeasureAsync(client, "one supplier, by name", _ => $"/Admin/Products?supplier={supplierId}");
        await MeasureAsync(client, "has open flags", _ => "/Admin/Products?flagged=true");
        await MeasureAsync(client, "on hold", _ => "/Admin/Products?held=true");
        await MeasureAsync(client, "sorted by price, highest first", _ => "/Admin/Products?sort=-price");
        await MeasureAsync(client, "recently changed", _ => "/Admin/Products?sort=-updated");
        await MeasureAsync(client, "search \"Pen 4242\"", _ => "/Admin/Products?q=Pen%204242");
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private static async Task MeasureAsync(HttpClient client, string name, Func<int, string> url)
    {
        for (var i = 0; i < 20; i++) (await client.GetAsync(url(i))).EnsureSuccessStatusCode();
        var times = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"| {name} | {times[times.Count / 2]:0.0} ms | {times[(int)(times.Count * 0.95)]:0.0} ms |");
    }

    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        var kinds = Enum.GetValues<ProductKind>();
        var now = DateTime.UtcNow;
        int firstSupplier;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var suppliers = Enumerable.Range(0, 20).Select(i => new Supplier { Name = $"Supplier {i}", BaseUrl = $"https://s{i}.example", CreatedUtc = now }).ToList();
            db.Suppliers.AddRange(suppliers);
            await db.SaveChangesAsync();
            firstSupplier = suppliers[0].Id;
        }
        const int batch = 5_000;
        for (var start = 0; start < Products; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + batch; i++)
            {
                db.Products.Add(new Product
                {
                    Name = $"{kinds[i % kinds.Length]} {i}", Slug = $"p-{i}", Kind = kinds[i % kinds.Length], Published = i % 7 != 0,
                    Price = 5 + i % 190, NeedleLengthMm = 0.25 + i % 8 * 0.25, SupplierId = firstSupplier + i % 20,
                    OpenFlagCount = i % 5 == 0 ? 1 + i % 3 : 0, OnHold = i % 100 == 0,
                    CreatedUtc = now.AddMinutes(-i), UpdatedUtc = now.AddMinutes(-(i * 7919 % Products)),
                });
            }
            await db.SaveChangesAsync();
        }
        return firstSupplier;
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Shop.Web.Pages.Admin.Flags.IndexModel>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Shop:DataDirectory", dataDirectory);
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchUser>("Bench", _ => { });
                services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = "Bench");
            });
        }
    }

    private sealed class BenchUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity([new System.Security.Claims.Claim(ClaimTypes.Name, "bench"), new System.Security.Claims.Claim(ClaimTypes.Role, Roles.Merchandiser)], "Bench");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Bench")));
        }
    }
}
