using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Infrastructure;

namespace Shop.Web.Pages.Admin;

/// <summary>Staff accounts (admins only): list, create a merchandiser or admin, lock and unlock.</summary>
[Authorize(Policy = ShopWebExtensions.AdminPolicy)]
public class UsersModel(UserManager<ShopUser> users, ShopDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(string Id, string Email, string Roles, bool Locked, int FailedAttempts);

    public sealed class NewUser
    {
        [Required(ErrorMessage = "Enter an email address."), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password."), StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
        public string Password { get; set; } = "";

        [Required]
        public string Role { get; set; } = Roles.Merchandiser;
    }

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Shop.Core.Model.Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "Choose Merchandiser or Admin.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var user = new ShopUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }
            await LoadAsync();
            return Page();
        }
        await users.AddToRoleAsync(user, Input.Role);
        await AuditAsync("user.create", user, Input.Role);
        TempData["Status"] = $"{user.Email} can now sign in as {Input.Role}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(string id) => await SetLockAsync(id, locked: true);

    public async Task<IActionResult> OnPostUnlockAsync(string id) => await SetLockAsync(id, locked: false);

    private async Task<IActionResult> SetLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            TempData["Status"] = "That account no longer exists.";
            return RedirectToPage();
        }
        if (locked && user.UserName == User.Identity?.Name)
        {
            TempData["Status"] = "You cannot lock your own account.";
            return RedirectToPage();
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        // A locked account's existing cookies stop working at the next security-stamp check.
        if (locked) await users.UpdateSecurityStampAsync(user);
        await AuditAsync(locked ? "user.lock" : "user.unlock", user, null);
        TempData["Status"] = locked ? $"{user.Email} is locked." : $"{user.Email} is unlocked.";
        return RedirectToPage();
    }

    private async Task AuditAsync(string action, ShopUser user, string? details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime, Actor = User.Identity?.Name ?? "unknown", Action = action,
            EntityType = "User", EntityId = user.Email ?? user.Id, Details = details,
        });
        await db.SaveChangesAsync();
    }

    private async Task LoadAsync()
    {
        var now = time.GetUtcNow();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        Rows = (await db.Users.OrderBy(u => u.Email).ToListAsync())
            .Select(u => new Row(u.Id, u.Email ?? u.UserName ?? u.Id,
                string.Join(", ", roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.LockoutEnd is { } end && end > now, u.AccessFailedCount))
            .ToList();
    }
}
