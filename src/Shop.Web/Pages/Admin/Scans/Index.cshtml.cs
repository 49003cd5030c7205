using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;

namespace Shop.Web.Pages.Admin.Scans;

/// <summary>Recent scan runs; also where a product's "rescan" button posts.</summary>
public class IndexModel(ShopDbContext db, ScanRuns runs) : PageModel
{
    public sealed record Row(int Id, string? Supplier, string? Product, string Trigger, ScanStatus Status, int PagesDone, int PagesTotal,
        DateTime CreatedUtc, DateTime? FinishedUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.ScanRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(100)
            .Select(r => new Row(r.Id, r.Supplier!.Name, db.Products.Where(p => p.Id == r.ProductId).Select(p => p.Name).FirstOrDefault(),
                r.Trigger, r.Status, r.PagesDone, r.PagesTotal, r.CreatedUtc, r.FinishedUtc))
            .ToListAsync(ct);
    }

    /// <summary>"Rescan" of one product (merchandisers and admins), from the product's page or a flag.</summary>
    public async Task<IActionResult> OnPostRescanAsync(int productId, CancellationToken ct)
    {
        var start = await runs.StartProductScanAsync(productId, $"rescan by {User.Identity?.Name ?? "staff"}", ct);
        if (start.Run is null)
        {
            TempData["Status"] = start.Problem ?? "The rescan could not be started.";
            return RedirectToPage();
        }
        TempData["Status"] = "Rescan started.";
        return RedirectToPage("./Details", new { id = start.Run.Id });
    }
}
