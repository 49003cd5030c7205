using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Catalogue;

namespace Shop.Web.Pages.Admin.Products;

/// <summary>Create (no id) or edit one product, delete it, and read its history from the audit log.</summary>
public class EditModel(ShopDbContext db, ProductCatalogue catalogue) : PageModel
{
    [BindProperty] public ProductInput Input { get; set; } = new();
    public Product? Product { get; private set; }
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<Flag> Flags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } productId)
        {
            if (!await LoadAsync(productId, ct)) return NotFound();
            Input = ProductInput.From(Product!);
        }
        else
        {
            Input = new ProductInput { Currency = "USD" };
        }
        await LoadSuppliersAsync(ViewData, db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromServices] Catalogue.ListingRecheck recheck, CancellationToken ct)
    {
        var actor = User.Identity?.Name ?? "unknown";
        // Binding problems (a price that is not a number) are already next to their fields: nothing is written.
        if (ModelState.IsValid)
        {
            var result = id is { } productId
                ? await catalogue.UpdateAsync(productId, Input, actor, ct)
                : await catalogue.CreateAsync(Input, actor, ct);
            if (result.Outcome == SaveOutcome.NotFound)
            {
                TempData["Error"] = $"Product {id} no longer exists.";
                return RedirectToPage("./Index");
            }
            if (result.Succeeded)
            {
                TempData["Status"] = id is null
                    ? $"Created \"{result.Product!.Name}\"."
                    : $"Saved \"{result.Product!.Name}\". {await recheck.RecheckAsync(result.Product, ct)}";
                return RedirectToPage(new { id = result.Product.Id });
            }
            AddErrors(ModelState, nameof(Input), result.Errors);
        }
        if (id is { } existing && !await LoadAsync(existing, ct)) return NotFound();
        await LoadSuppliersAsync(ViewData, db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var name = await db.Products.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var deleted = await catalogue.DeleteAsync(id, User.Identity?.Name ?? "unknown", ct);
        TempData[deleted ? "Status" : "Error"] = deleted ? $"Deleted \"{name}\"." : $"Product {id} no longer exists.";
        return RedirectToPage("./Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (Product is null) return false;
        History = await db.AuditEntries.AsNoTracking().Where(a => a.ProductId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(100).ToListAsync(ct);
        Flags = await db.Flags.AsNoTracking().Where(f => f.ProductId == id && (f.Status == FlagStatus.Open || f.Status == FlagStatus.Snoozed))
            .OrderBy(f => f.Rule).ToListAsync(ct);
        return true;
    }

    /// <summary>Puts the listing's errors next to their fields; the field names are the API's camelCase names.</summary>
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var property = char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
            modelState.AddModelError($"{prefix}.{property}", error.Message);
        }
    }

    public static async Task LoadSuppliersAsync(ViewDataDictionary viewData, ShopDbContext db, CancellationToken ct) =>
        viewData["Suppliers"] = await SupplierChoices.LoadAsync(db, ct);
}
