using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;

namespace Shop.Web.Pages.Admin.Suppliers;

/// <summary>Create or edit a supplier. Bad input is shown next to its field and nothing is written; a saved schedule
/// is registered (or removed) as the supplier's recurring scan at once.</summary>
public class EditModel(ShopDbContext db, ScanSchedules schedules, TimeProvider time) : PageModel
{
    public sealed class SupplierForm
    {
        public string? Name { get; set; }

        [Display(Name = "Base URL")]
        public string? BaseUrl { get; set; }

        [Display(Name = "Schedule (cron)")]
        public string? Schedule { get; set; }

        [Display(Name = "Time zone")]
        public string? TimeZone { get; set; }

        public bool Enabled { get; set; } = true;
    }

    [BindProperty]
    public SupplierForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null) return NotFound();
        Input = new SupplierForm
        {
            Name = supplier.Name, BaseUrl = supplier.BaseUrl, Schedule = supplier.Schedule, TimeZone = supplier.TimeZone, Enabled = supplier.Enabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Supplier? supplier = null;
        if (id is not null)
        {
            supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (supplier is null) return NotFound();
        }
        // The checks the API uses too (SupplierInput); each problem shows next to its field.
        var input = new SupplierInput { Name = Input.Name, BaseUrl = Input.BaseUrl, Schedule = Input.Schedule, TimeZone = Input.TimeZone };
        foreach (var error in input.Validate())
        {
            ModelState.AddModelError($"Input.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", error.Message);
        }
        var (name, baseUrl, schedule, timeZone) = (input.Name, input.BaseUrl, input.Schedule, input.TimeZone);
        if (name is not null && await db.Suppliers.AnyAsync(s => s.Name == name && s.Id != (id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Name", $"A supplier named \"{name}\" exists already.");
        }
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow().UtcDateTime;
        if (supplier is null)
        {
            supplier = new Supplier { Name = name!, BaseUrl = baseUrl!, CreatedUtc = now };
            db.Suppliers.Add(supplier);
        }
        supplier.Name = name!;
        supplier.BaseUrl = baseUrl!;
        supplier.Schedule = schedule;
        supplier.TimeZone = timeZone;
        supplier.Enabled = Input.Enabled;
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, Actor = User.Identity?.Name ?? "admin", Action = id is null ? "supplier.create" : "supplier.edit",
            EntityType = "Supplier", EntityId = supplier.Id.ToString(),
            Details = $"schedule {schedule ?? "none"} {timeZone ?? "UTC"}, {(supplier.Enabled ? "enabled" : "disabled")}",
        });
        await db.SaveChangesAsync(ct);
        schedules.Apply(supplier);
        TempData["Status"] = id is null ? $"Supplier \"{supplier.Name}\" added." : $"Supplier \"{supplier.Name}\" saved.";
        return RedirectToPage("./Index");
    }
}
