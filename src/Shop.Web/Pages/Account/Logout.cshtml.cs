using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shop.Core.Model;

namespace Shop.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token (Razor Pages checks it), so no link or image on another
/// site can sign a merchandiser out. GET only shows the button.</summary>
public class LogoutModel(SignInManager<ShopUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out.";
        return RedirectToPage("/Index");
    }
}
