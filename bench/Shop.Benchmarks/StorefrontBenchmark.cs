using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Shop.Benchmarks -- storefront`: the anonymous storefront list over the
/// full ASP.NET Core pipeline (in-process test server) against a SQLite file with 100,000 products, one in fifty
/// held or unpublished. Prints median and 95th percentile per request shape.
/// </summary>
public static class StorefrontBenchmark
{
    private const int Products = 100_000;

    public static async Task RunAsync()
    {
        await using var factory = BenchShop.Create("store", signedInAsMerchandiser: false);
        var client = factory.CreateClient();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(factory.Services);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // What the app runs at every start (StartupTasks): the seeding happened after this one's start.
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
        }
        Console.WriteLine($"Seeded {Products:N0} products in {seeding.Elapsed.TotalSeconds:0.0} s");

        Console.WriteLine("| request | median | p95 | CPU per request |");
        Console.WriteLine("|---|---|---|---|");
        await BenchShop.MeasureAsync(client, "all products, first page (name order)", _ => "/Products", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "all products, page 2,000 of 4,082", _ => "/Products?p=2000", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "rollers, home use, $10-40, first page", _ => "/Products?kind=roller&use=home&minPrice=10&maxPrice=40", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "rollers, home use, $10-40, page 100", _ => "/Products?kind=roller&use=home&minPrice=10&maxPrice=40&p=100", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "rollers by price, page 200", _ => "/Products?kind=roller&sort=price&p=200", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "needle 0.5-1.0 mm, all kinds, first page", _ => "/Products?minMm=0.5&maxMm=1.0", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "needle 0.5-1.0 mm, all kinds, page 300", _ => "/Products?minMm=0.5&maxMm=1.0&p=300", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "needle 2.4-2.6 mm, all kinds, first page", _ => "/Products?minMm=2.4&maxMm=2.6", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "search \"roller 12\", first page", _ => "/Products?q=roller%2012", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "home page (counts per kind)", _ => "/", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "product page", i => $"/Products/p-{i * 100 % Products}", cpuPerRequest: true);
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var kinds = new[] { ProductKind.Roller, ProductKind.Stamp, ProductKind.Pen, ProductKind.Cartridge, ProductKind.Patch, ProductKind.Moisturiser, ProductKind.Serum };
        string[] words = ["Titanium", "Clinical", "Glow", "Daily", "Hyaluronic", "Peptide", "Pro", "Soft"];
        var now = DateTime.UtcNow;
        const int batch = 5_000;
        for (var start = 0; start < Products; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + batch; i++)
            {
                var kind = kinds[i % kinds.Length];
                var needled = kind is not (ProductKind.Moisturiser or ProductKind.Serum);
                var mm = 0.25 * (1 + i % 10);
                db.Products.Add(new Product
                {
                    Name = $"{words[i / 7 % words.Length]} {kind} {i}", Slug = $"p-{i}", Kind = kind, Brand = "Bench",
                    Price = 5m + i % 200 + 0.99m, NeedleLengthMm = needled ? mm : null,
                    IntendedUse = needled ? (mm <= 0.3 ? IntendedUse.Home : i % 5 == 0 ? IntendedUse.Both : IntendedUse.Professional) : IntendedUse.Home,
                    Published = i % 100 != 1, OnHold = i % 100 == 2, CreatedUtc = now, UpdatedUtc = now,
                });
            }
            await db.SaveChangesAsync();
        }
    }
}
