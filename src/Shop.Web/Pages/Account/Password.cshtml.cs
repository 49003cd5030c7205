using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shop.Core.Model;

namespace Shop.Web.Pages.Account;

/// <summary>A signed-in staff member changes their own password (first of all the random one the first start printed).</summary>
[Authorize]
public class PasswordModel(UserManager<ShopUser> users, SignInManager<ShopUser> signIn, ILogger<PasswordModel> logger) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Repeat the new password."), DataType(DataType.Password),
     Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    [TempData]
    public string? Status { get; set; }

    public int MinimumLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword);
                ModelState.AddModelError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "The current password is wrong." : error.Description);
            }
            return Page();
        }
        // The security stamp changed with the password: renew this browser's cookie, other sessions end.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{Email} changed their password", user.Email);
        Status = "Your password has been changed.";
        return RedirectToPage();
    }
}
