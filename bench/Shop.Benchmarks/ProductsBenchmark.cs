using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
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

    public static async Task RunAsync()
    {
        await using var factory = BenchShop.Create("products", signedInAsMerchandiser: true);
        var client = factory.CreateClient();
        var seeding = Stopwatch.StartNew();
        var supplierId = await SeedAsync(factory.Services);
        Console.WriteLine($"Seeded {Products:N0} products in {seeding.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(11);
        await BenchShop.MeasureAsync(client, "first page (all, by name)", _ => "/Admin/Products", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "random page of all, by name", _ => $"/Admin/Products?p={random.Next(1, 2000)}", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "kind roller, page 20", _ => "/Admin/Products?kind=roller&p=20", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "one supplier, by name", _ => $"/Admin/Products?supplier={supplierId}", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "has open flags", _ => "/Admin/Products?flagged=true", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "on hold", _ => "/Admin/Products?held=true", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "sorted by price, highest first", _ => "/Admin/Products?sort=-price", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "recently changed", _ => "/Admin/Products?sort=-updated", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "search \"Pen 4242\"", _ => "/Admin/Products?q=Pen%204242", cpuPerRequest: true);
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
}
