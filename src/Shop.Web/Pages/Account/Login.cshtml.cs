using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Shop.Core.Model;

namespace Shop.Web.Pages.Account;

public class LoginModel(SignInManager<ShopUser> signIn, IOptions<IdentityOptions> identity, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Admin");
        }
        if (result.IsLockedOut)
        {
            var minutes = (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            logger.LogWarning("Sign-in refused: {Email} is locked out", Email);
            Problem = $"This account is locked after too many wrong passwords. Try again in {minutes} minutes, or ask an admin to unlock it.";
        }
        else
        {
            // The same words for an unknown email and a wrong password: the form must not reveal which accounts exist.
            Problem = "Email or password is wrong.";
        }
        return Page();
    }
}
