using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Flags;

namespace Shop.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Shop.Benchmarks -- queue`: the review queue and a flag's page over the
/// full ASP.NET Core pipeline (in-process test server) against a SQLite file holding 100,000 products and
/// 20,000 flags. Prints median and 95th percentile per page.
/// </summary>
public static class QueueBenchmark
{
    private const int Products = 100_000;
    private const int FlagCount = 20_000;

    public static async Task RunAsync()
    {
        await using var factory = BenchShop.Create("queue", signedInAsMerchandiser: true);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Bench-User", "bench");
        var seeding = Stopwatch.StartNew();
        var (flagIds, snapshotFlag) = await SeedAsync(factory.Services);
        Console.WriteLine($"Seeded {Products:N0} products and {FlagCount:N0} flags in {seeding.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(7);
        await BenchShop.MeasureAsync(client, "queue, first page (open, all)", _ => "/Admin/Flags", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "queue, errors, page 10", _ => "/Admin/Flags?severity=error&p=10", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "queue, search", _ => "/Admin/Flags?q=Roller%2012", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "flag detail (random flag)", _ => $"/Admin/Flags/Details/{flagIds[random.Next(flagIds.Count)]}", cpuPerRequest: true);
        await BenchShop.MeasureAsync(client, "flag detail with snapshot", _ => $"/Admin/Flags/Details/{snapshotFlag}", cpuPerRequest: true);
    }

    private static async Task<(List<int> FlagIds, int SnapshotFlag)> SeedAsync(IServiceProvider services)
    {
        var kinds = Enum.GetValues<ProductKind>();
        var rules = new[] { "home-needle-too-long", "single-use-with-cleaning", "sterile-with-soaking", "reusable-patch", "missing-needle-length", "claim-not-supported" };
        var now = DateTime.UtcNow;
        const int batch = 5_000;
        for (var start = 0; start < Products; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + batch; i++)
            {
                var product = new Product
                {
                    Name = $"{kinds[i % kinds.Length]} {i}", Slug = $"p-{i}", Kind = kinds[i % kinds.Length], Published = true,
                    Price = 10 + i % 90, NeedleLengthMm = 0.25 + i % 8 * 0.25, CreatedUtc = now, UpdatedUtc = now,
                };
                // Every fifth product carries one flag: 20,000 flags over 100,000 products.
                if (i % (Products / FlagCount) == 0)
                {
                    var severity = (Severity)(i % 3);
                    product.OpenFlagCount = 1;
                    product.Flags.Add(new Flag
                    {
                        Rule = rules[i % rules.Length], Severity = severity, Status = i % 10 == 0 ? FlagStatus.Dismissed : FlagStatus.Open,
                        Message = $"Product {i} contradicts its supplier page.", EvidenceHash = $"h{i}",
                        Evidence = [new FlagEvidence { Text = "Needle length: 1.0 mm", From = EvidenceSource.Spec }],
                        FirstSeenUtc = now.AddDays(-(i % 60)), LastSeenUtc = now.AddMinutes(-(i % 5000)),
                    });
                }
                db.Products.Add(product);
            }
            await db.SaveChangesAsync();
        }
        await using var last = services.CreateAsyncScope();
        var context = last.ServiceProvider.GetRequiredService<ShopDbContext>();
        var ids = await context.Flags.Select(f => f.Id).ToListAsync();
        var flag = await context.Flags.OrderBy(f => f.Id).FirstAsync();
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Our derma roller is made for home use and gentle care.</p>", 200))
            + "<p>Needle length: 1.0 mm</p><script>track()</script></body></html>";
        context.PageSnapshots.Add(new PageSnapshot
        {
            ProductId = flag.ProductId, Url = "https://supplier.example/p", FetchedUtc = now, ContentHash = "c", FactsJson = "{}",
            CompressedBody = SnapshotText.Gzip(page),
        });
        await context.SaveChangesAsync();
        return (ids, flag.Id);
    }
}
