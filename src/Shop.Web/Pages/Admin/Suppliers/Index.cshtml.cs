using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;

namespace Shop.Web.Pages.Admin.Suppliers;

/// <summary>Suppliers with their schedule, last scan and health, and "scan now". Admins only.</summary>
public class IndexModel(ShopDbContext db, ScanRuns runs) : PageModel
{
    public sealed record Row(int Id, string Name, string BaseUrl, string? Schedule, string? TimeZone, bool Enabled,
        DateTime? LastScanUtc, int ConsecutiveFailedScans, int Products, LastRun? Last)
    {
        public bool NeedsAttention => ConsecutiveFailedScans >= 3;
    }

    public sealed record LastRun(int Id, ScanStatus Status, int PagesDone, int PagesTotal, DateTime CreatedUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id, s.Name, s.BaseUrl, s.Schedule, s.TimeZone, s.Enabled, s.LastScanUtc, s.ConsecutiveFailedScans,
                Products = db.Products.Count(p => p.SupplierId == s.Id),
                Last = db.ScanRuns.Where(r => r.SupplierId == s.Id && r.ProductId == null).OrderByDescending(r => r.Id)
                    .Select(r => new LastRun(r.Id, r.Status, r.PagesDone, r.PagesTotal, r.CreatedUtc)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = suppliers.Select(s => new Row(s.Id, s.Name, s.BaseUrl, s.Schedule, s.TimeZone, s.Enabled, s.LastScanUtc,
            s.ConsecutiveFailedScans, s.Products, s.Last)).ToList();
    }

    public async Task<IActionResult> OnPostScanNowAsync(int id, CancellationToken ct)
    {
        var start = await runs.StartSupplierScanAsync(id, $"scan now by {User.Identity?.Name ?? "admin"}", ct);
        if (start.Run is null)
        {
            TempData["Status"] = start.Problem ?? "The scan could not be started.";
            return RedirectToPage();
        }
        TempData["Status"] = start.AlreadyRunning
            ? "This supplier is being scanned already; here is that scan."
            : $"Scan started: {start.Run.PagesTotal} page(s) queued.";
        return RedirectToPage("/Admin/Scans/Details", new { id = start.Run.Id });
    }
}
