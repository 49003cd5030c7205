using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
