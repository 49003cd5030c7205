using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Pages.Admin;

/// <summary>The staff landing page: what needs attention and where to go.</summary>
public class IndexModel(ShopDbContext db) : PageModel
{
    public int OpenErrors { get; private set; }
    public int OpenFlags { get; private set; }
    public int OnHold { get; private set; }
    public int Products { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OpenFlags = await db.Flags.CountAsync(f => f.Status == FlagStatus.Open && f.Severity != Severity.Info, ct);
        OpenErrors = await db.Flags.CountAsync(f => f.Status == FlagStatus.Open && f.Severity == Severity.Error, ct);
        OnHold = await db.Products.CountAsync(p => p.OnHold, ct);
        Products = await db.Products.CountAsync(ct);
    }
}
