using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;

namespace Shop.Web.Pages.Admin.Scans;

/// <summary>A product's supplier page over time: what changed between stored snapshots, newest first, and the
/// outcome of every scan of it (including the ones that could not check the page).</summary>
public class HistoryModel(ShopDbContext db) : PageModel
{
    public sealed record Change(DateTime FetchedUtc, IReadOnlyList<string> Lines, bool First);
    public sealed record Attempt(int RunId, string? Outcome, int? HttpStatus, string? Error, DateTime? FinishedUtc);

    public Product Product { get; private set; } = null!;
    public SupplierPage? SupplierPage { get; private set; }
    public IReadOnlyList<Change> Changes { get; private set; } = [];
    public IReadOnlyList<Attempt> Attempts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Page).FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return NotFound();
        Product = product;
        SupplierPage = product.Page;
        var snapshots = await db.PageSnapshots.AsNoTracking().Where(s => s.ProductId == productId)
            .OrderBy(s => s.FetchedUtc).ThenBy(s => s.Id).Select(s => new { s.FetchedUtc, s.FactsJson }).ToListAsync(ct);
        var changes = new List<Change>();
        for (var i = 0; i < snapshots.Count; i++)
        {
            var lines = i == 0 ? [] : FactChanges.Between(snapshots[i - 1].FactsJson, snapshots[i].FactsJson);
            // A new snapshot whose facts read the same (wording or layout changed) is still history, said as such.
            changes.Add(new Change(snapshots[i].FetchedUtc, i > 0 && lines.Count == 0 ? ["the page changed; its facts did not"] : lines, i == 0));
        }
        changes.Reverse();
        Changes = changes;
        Attempts = await db.ScanPages.AsNoTracking().Where(p => p.ProductId == productId).OrderByDescending(p => p.Id).Take(50)
            .Select(p => new Attempt(p.ScanRunId, p.Outcome, p.HttpStatus, p.Error, p.FinishedUtc)).ToListAsync(ct);
        return Page();
    }
}
