using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The error has been logged. Please try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Page not found";
                Explanation = "There is nothing at this address.";
                break;
            case 403:
                Title = "Not allowed";
                Explanation = "Your account does not have access to this page.";
                break;
            case 400:
                Title = "Bad request";
                Explanation = "The request could not be understood. If you submitted a form, reload the page and try again.";
                break;
        }
    }
}
