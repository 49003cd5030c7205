using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Checking;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;
using Shop.Jobs.Checking;

namespace Shop.Web.Catalogue;

/// <summary>
/// After a listing edit, the rules run again at once on the supplier page's stored extraction (no refetch), so a
/// fixed listing closes its catalogue-* flags and a wrong one opens them. All rules run, not only catalogue-*:
/// FlagSync resolves whatever does not fire, and the page itself is unchanged, so the others fire as before.
/// </summary>
public class ListingRecheck(ShopDbContext db, PageChecker checker, FlagSync flagSync)
{
    /// <summary>Re-checks a product tracked by this context; returns a sentence for the status line.</summary>
    public async Task<string> RecheckAsync(Product product, CancellationToken ct)
    {
        var page = await db.SupplierPages.FirstOrDefaultAsync(p => p.ProductId == product.Id, ct);
        if (page?.FactsJson is null)
        {
            return "The supplier's page has not been checked yet: the rules run at its first scan.";
        }
        ExtractedPage extracted;
        try
        {
            extracted = ExtractedPage.FromJson(page.FactsJson);
        }
        catch (JsonException)
        {
            return "The stored supplier facts predate this version: the rules run at the next scan.";
        }
        var result = checker.Evaluate(page.Url, extracted, Listing.From(product));
        var summary = await flagSync.ApplyAsync(product, result.Flags, ct);
        await db.SaveChangesAsync(ct);
        return (summary.Opened + summary.Reopened, summary.Resolved) switch
        {
            (0, 0) => "Rules re-run on the supplier's page: no flag changed.",
            var (opened, resolved) => $"Rules re-run on the supplier's page: {resolved} flag(s) resolved, {opened} opened.",
        };
    }
}
