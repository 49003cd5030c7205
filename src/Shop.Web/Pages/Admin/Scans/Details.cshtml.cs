using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Pages.Admin.Scans;

/// <summary>One scan run: progress while it runs (the page refreshes itself), each page's outcome after. A page that
/// was not checked is shown with its outcome, never as clean.</summary>
public class DetailsModel(ShopDbContext db) : PageModel
{
    public const int RefreshSeconds = 2;

    public ScanRun Run { get; private set; } = null!;
    public string? SupplierName { get; private set; }
    public IReadOnlyList<PageRow> Pages { get; private set; } = [];
    public IReadOnlyList<(string Outcome, int Count)> Outcomes { get; private set; } = [];
    public bool IsRunning => Run.Status is ScanStatus.Queued or ScanStatus.Running;
    public int Percent => Run.PagesTotal == 0 ? 100 : (int)Math.Round(100.0 * Pages.Count(p => p.Outcome is not null) / Run.PagesTotal);

    public sealed record PageRow(int ProductId, string ProductName, string Url, string? Outcome, int? HttpStatus, string? Error,
        string? Changes, int OpenFlags, DateTime? FinishedUtc);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var run = await db.ScanRuns.AsNoTracking().Include(r => r.Supplier).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return NotFound();
        Run = run;
        SupplierName = run.Supplier?.Name;
        Pages = await db.ScanPages.AsNoTracking().Where(p => p.ScanRunId == id)
            // Problems first: what a merchandiser must look at is on top.
            .OrderBy(p => p.Outcome == null ? 1 : p.Outcome == PageOutcomes.Ok || p.Outcome == PageOutcomes.Unchanged ? 2 : 0)
            .ThenBy(p => p.Id)
            .Select(p => new PageRow(p.ProductId, db.Products.Where(x => x.Id == p.ProductId).Select(x => x.Name).FirstOrDefault() ?? "(deleted)",
                p.Url, p.Outcome, p.HttpStatus, p.Error, p.Changes,
                db.Products.Where(x => x.Id == p.ProductId).Select(x => x.OpenFlagCount).FirstOrDefault(), p.FinishedUtc))
            .ToListAsync(ct);
        Outcomes = Pages.Where(p => p.Outcome is not null).GroupBy(p => p.Outcome!)
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();
        return Page();
    }

    public static string OutcomeClass(string? outcome) => outcome switch
    {
        null => "badge badge-muted",
        PageOutcomes.Ok => "badge badge-ok",
        PageOutcomes.Unchanged => "badge badge-info",
        PageOutcomes.BlockedAddress or PageOutcomes.ParseFailed => "badge badge-error",
        _ => "badge badge-warning",
    };
}
