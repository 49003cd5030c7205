using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;
using Shop.Jobs.Scanning;
using Shop.Web.Flags;

namespace Shop.Web.Pages.Admin.Flags;

/// <summary>One flag: its evidence inside the supplier's page, the listing, the history, and the decisions.</summary>
public class DetailsModel(ShopDbContext db, FlagActions actions, ProductCatalogue catalogue, ScanRuns scans, TimeProvider time) : PageModel
{
    public Flag Flag { get; private set; } = null!;
    public Product Product => Flag.Product!;
    public string? HighlightedSnapshot { get; private set; }
    public DateTime? SnapshotFetchedUtc { get; private set; }
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>What the supplier's page said at its last successful check, and how its last fetch ended.</summary>
    public Shop.Core.Checking.ExtractedPage? SupplierFacts { get; private set; }
    public SupplierPage? SupplierPage { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateTime? Until { get; set; }

    /// <summary>The listing form of "fix the listing"; bound only by that handler.</summary>
    public ProductInput Input { get; set; } = new();
    public bool ListingHasErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct) =>
        DecideAsync(id, actions.ConfirmAsync(id, Version, Actor, ct: ct), ct);

    public Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct) =>
        DecideAsync(id, actions.DismissAsync(id, Version, Reason, Actor, ct), ct);

    public Task<IActionResult> OnPostSnoozeAsync(int id, CancellationToken ct) => Until is { } until
        ? DecideAsync(id, actions.SnoozeAsync(id, Version, until, Actor, ct), ct)
        : DecideAsync(id, Task.FromResult(new FlagActionResult(FlagActionOutcome.Invalid, "Choose a date to snooze until.", "until")), ct);

    public async Task<IActionResult> OnPostReleaseHoldAsync(int id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        var productId = await db.Flags.Where(f => f.Id == id).Select(f => (int?)f.ProductId).FirstOrDefaultAsync(ct);
        if (productId is null) return Gone(id);
        var result = await actions.ReleaseHoldAsync(productId.Value, Reason, Actor, ct);
        // The release form shares "Reason" with the dismiss form, so its problems show in the page's alert, not beside dismiss.
        TempData[result.Succeeded ? "Status" : "Error"] = result.Message;
        return RedirectToPage(new { id });
    }

    /// <summary>Rescan: fetch and check this product's supplier page now (the same one-page run as the API's), then
    /// follow the run. A rule that no longer fires resolves its flag; a dismissed flag with the same evidence stays dismissed.</summary>
    public async Task<IActionResult> OnPostRescanAsync(int id, CancellationToken ct)
    {
        var productId = await db.Flags.Where(f => f.Id == id).Select(f => (int?)f.ProductId).FirstOrDefaultAsync(ct);
        if (productId is null) return Gone(id);
        var start = await scans.StartProductScanAsync(productId.Value, $"rescan by {Actor}", ct);
        if (start.Run is null)
        {
            TempData["Error"] = start.Problem ?? "The rescan could not be started.";
            return RedirectToPage(new { id });
        }
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime, Actor = Actor, Action = "rescan", EntityType = nameof(ScanRun),
            EntityId = start.Run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ProductId = productId,
            Details = $"from flag {id}",
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Rescan started.";
        return RedirectToPage("/Admin/Scans/Details", new { id = start.Run.Id });
    }

    /// <summary>Fix the listing: the product's own fields, through the catalogue's one validation and audit.</summary>
    public async Task<IActionResult> OnPostFixListingAsync(int id, [Bind(Prefix = nameof(Input))] ProductInput input,
        [FromServices] Catalogue.ListingRecheck recheck, CancellationToken ct)
    {
        var productId = await db.Flags.Where(f => f.Id == id).Select(f => (int?)f.ProductId).FirstOrDefaultAsync(ct);
        if (productId is null) return Gone(id);
        if (ModelState.IsValid)
        {
            var result = await catalogue.UpdateAsync(productId.Value, input, Actor, ct);
            if (result.Outcome == SaveOutcome.NotFound) return Gone(id);
            if (result.Succeeded)
            {
                // The catalogue-* rules compare this listing with the supplier's page: run them now, not at the next scan.
                TempData["Status"] = $"Listing saved. {await recheck.RecheckAsync(result.Product!, ct)}";
                return RedirectToPage(new { id });
            }
            Pages.Admin.Products.EditModel.AddErrors(ModelState, nameof(Input), result.Errors);
        }
        if (!await LoadAsync(id, ct)) return Gone(id);
        Input = input;
        ListingHasErrors = true;
        return Page();
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult> DecideAsync(int id, Task<FlagActionResult> action, CancellationToken ct)
    {
        var result = await action;
        switch (result.Outcome)
        {
            case FlagActionOutcome.Done:
                TempData["Status"] = result.Message;
                return RedirectToPage(new { id });
            case FlagActionOutcome.NotFound:
                return Gone(id);
            case FlagActionOutcome.Invalid when result.Field is "reason" or "until":
                ModelState.AddModelError(result.Field == "reason" ? nameof(Reason) : nameof(Until), result.Message);
                if (!await LoadAsync(id, ct)) return Gone(id);
                return Page();
            default:
                TempData["Error"] = result.Message;
                return RedirectToPage(new { id });
        }
    }

    private RedirectToPageResult Gone(int id)
    {
        TempData["Error"] = $"Flag {id} no longer exists; it may have been resolved by a rescan.";
        return RedirectToPage("./Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var flag = await db.Flags.AsNoTracking().Include(f => f.Product!).ThenInclude(p => p.Supplier)
            .FirstOrDefaultAsync(f => f.Id == id, ct);
        if (flag is null) return false;
        Flag = flag;
        Version = flag.Version;
        Input = ProductInput.From(flag.Product!);
        await Products.EditModel.LoadSuppliersAsync(ViewData, db, ct);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.ProductId == flag.ProductId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);
        SupplierPage = await db.SupplierPages.AsNoTracking().FirstOrDefaultAsync(p => p.ProductId == flag.ProductId, ct);
        if (SupplierPage?.FactsJson is { Length: > 0 } factsJson)
        {
            try { SupplierFacts = Shop.Core.Checking.ExtractedPage.FromJson(factsJson); }
            catch (System.Text.Json.JsonException) { SupplierFacts = null; } // written by an older checker: show the listing alone
        }
        var snapshot = await db.PageSnapshots.AsNoTracking().Where(s => s.ProductId == flag.ProductId)
            .OrderByDescending(s => s.FetchedUtc).Select(s => new { s.CompressedBody, s.FetchedUtc }).FirstOrDefaultAsync(ct);
        if (snapshot is not null)
        {
            SnapshotFetchedUtc = snapshot.FetchedUtc;
            try
            {
                HighlightedSnapshot = SnapshotText.HighlightedHtml(
                    SnapshotText.VisibleText(snapshot.CompressedBody), flag.Evidence.Select(e => e.Text));
            }
            catch (InvalidDataException)
            {
                HighlightedSnapshot = null;
            }
        }
        return true;
    }

    public static string BadgeClass(Severity severity) => IndexModel.BadgeClass(severity);
}
