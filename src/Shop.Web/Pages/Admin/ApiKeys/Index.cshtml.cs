using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Infrastructure;

namespace Shop.Web.Pages.Admin.ApiKeys;

/// <summary>Admins issue API keys (shown once, stored hashed) and revoke them.</summary>
[Authorize(Policy = ShopWebExtensions.AdminPolicy)]
public class IndexModel(ShopDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Merchandiser;

    /// <summary>The new key, in TempData for exactly one page view after the redirect.</summary>
    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        NewKey = TempData["NewApiKey"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name)) ModelState.AddModelError(nameof(Name), "Name the key after the script or person that uses it.");
        else if (Name.Length > 200) ModelState.AddModelError(nameof(Name), "The name must be at most 200 characters.");
        if (!Roles.All.Contains(Role)) ModelState.AddModelError(nameof(Role), $"Choose {string.Join(" or ", Roles.All)}.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var key = Api.ApiKeys.NewKey();
        Api.ApiKeys.Add(db, key, Name!, Role, User.Identity?.Name ?? "unknown", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["NewApiKey"] = key;
        TempData["Status"] = $"Key \"{Name}\" issued. Copy it now: it is not shown again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.RevokedUtc is not null)
        {
            TempData["Status"] = key is null ? $"Key {id} no longer exists." : $"Key \"{key.Name}\" was already revoked.";
            return RedirectToPage();
        }
        var now = time.GetUtcNow().UtcDateTime;
        key.RevokedUtc = now;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, Actor = User.Identity?.Name ?? "unknown", Action = "apikey.revoke", EntityType = "ApiKey", EntityId = key.Prefix,
            Details = $"{key.Name} ({key.Role})",
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Key \"{key.Name}\" revoked; calls with it now get 401.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc).ToListAsync(ct);
}
