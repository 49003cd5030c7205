using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
        [Required(ErrorMessage = "Give the supplier a name.")]
        [StringLength(200, ErrorMessage = "The name must be at most 200 characters.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Give the address of the supplier's site.")]
        [StringLength(2000)]
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
        var name = Input.Name?.Trim();
        var baseUrl = Input.BaseUrl?.Trim();
        var schedule = string.IsNullOrWhiteSpace(Input.Schedule) ? null : Input.Schedule.Trim();
        var timeZone = string.IsNullOrWhiteSpace(Input.TimeZone) ? null : Input.TimeZone.Trim();

        if (baseUrl is { Length: > 0 } && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            ModelState.AddModelError("Input.BaseUrl", "The base URL must be an absolute http:// or https:// address.");
        }
        if (!ScanSchedules.TryValidateCron(schedule, out var cronProblem))
        {
            ModelState.AddModelError("Input.Schedule", cronProblem!);
        }
        if (!ScanSchedules.TryFindTimeZone(timeZone, out _))
        {
            ModelState.AddModelError("Input.TimeZone", $"'{timeZone}' is not a known time zone; use an IANA name such as Europe/Berlin, or leave it empty for UTC.");
        }
        if (name is { Length: > 0 } && await db.Suppliers.AnyAsync(s => s.Name == name && s.Id != (id ?? 0), ct))
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
