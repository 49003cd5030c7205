using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Account;

public class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
