using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo catalogue and serve the offline demo supplier. True in the embedded default (appsettings.json).</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the app's own /demo-supplier pages are reached by the fetcher, e.g. http://127.0.0.1:5186.
    /// Empty: taken from the address the server is bound to, with wildcard and localhost hosts read as 127.0.0.1.</summary>
    public string? SupplierBaseUrl { get; set; }
}

/// <summary>Seeds the demo catalogue into an empty database, once, and keeps the demo supplier's URLs pointing at
/// this app's current address (the port may change between runs).</summary>
public sealed class DemoSeeder(ShopDbContext db, ILogger<DemoSeeder> logger, TimeProvider time)
{
    // Before Kestrel has bound, the configured URL or the ASP.NET Core default port stands in; re-pointed after start.
    public const string FallbackBaseUrl = "http://127.0.0.1:5000";

    public async Task SeedAsync(string baseUrl, CancellationToken ct)
    {
        baseUrl = baseUrl.TrimEnd('/');
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Name == DemoCatalogue.SupplierName, ct);
        if (supplier is not null)
        {
            await RepointAsync(supplier, baseUrl, ct);
            return;
        }
        // Only an empty catalogue gets the demo: a shop with its own products, or one whose staff deleted the demo
        // supplier, is never refilled.
        if (await db.Products.AnyAsync(ct)) return;

        var now = time.GetUtcNow().UtcDateTime;
        supplier = new Supplier { Name = DemoCatalogue.SupplierName, BaseUrl = baseUrl + DemoSupplierSite.PathPrefix + "/", Schedule = "0 3 * * *", Enabled = true, CreatedUtc = now };
        db.Suppliers.Add(supplier);
        foreach (var demo in DemoCatalogue.All)
        {
            var p = demo.Listing;
            db.Products.Add(new Product
            {
                Name = p.Name, Slug = p.Slug, Kind = p.Kind, Brand = p.Brand, Description = p.Description, Price = p.Price, Currency = p.Currency,
                NeedleLengthMm = p.NeedleLengthMm, NeedleCount = p.NeedleCount, NeedleMaterial = p.NeedleMaterial, IntendedUse = p.IntendedUse,
                SingleUse = p.SingleUse, Sterile = p.Sterile, Claims = [.. p.Claims], Published = true,
                Supplier = supplier, SupplierUrl = baseUrl + DemoSupplierSite.ProductPath(p.Slug), CreatedUtc = now, UpdatedUtc = now,
            });
        }
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, Actor = "system", Action = "demo.seed", EntityType = nameof(Supplier), EntityId = DemoCatalogue.SupplierName,
            Details = $"{DemoCatalogue.All.Count} demo products",
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo catalogue: {Count} products from {Supplier} at {BaseUrl}", DemoCatalogue.All.Count, supplier.Name, supplier.BaseUrl);
    }

    private async Task RepointAsync(Supplier supplier, string baseUrl, CancellationToken ct)
    {
        var newBase = baseUrl + DemoSupplierSite.PathPrefix + "/";
        if (supplier.BaseUrl == newBase) return;
        var oldBase = supplier.BaseUrl;
        supplier.BaseUrl = newBase;
        await db.SaveChangesAsync(ct);
        await db.Products.Where(p => p.SupplierId == supplier.Id && p.SupplierUrl != null && p.SupplierUrl.StartsWith(oldBase))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.SupplierUrl, p => newBase + p.SupplierUrl!.Substring(oldBase.Length)), ct);
        logger.LogInformation("Demo supplier moved from {Old} to {New}", oldBase, newBase);
    }

    /// <summary>The configured base URL, else the first address the server is bound to, reachable from this machine.</summary>
    public static string? ResolveBaseUrl(DemoOptions options, IServer? server)
    {
        if (!string.IsNullOrWhiteSpace(options.SupplierBaseUrl)) return options.SupplierBaseUrl.TrimEnd('/');
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri)) return null;
        // The fetcher allows only listed private hosts (Fetch:AllowedPrivateHosts has 127.0.0.1), so wildcard and
        // localhost bindings are reached through the IPv4 loopback address.
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost" or "[::1]" or "::1" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
