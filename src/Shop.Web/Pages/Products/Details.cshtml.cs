using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Storefront;

namespace Shop.Web.Pages.Products;

/// <summary>
/// A product's page. Unpublished products do not exist for shoppers (404, like any unknown slug). A product on
/// safety hold answers 200 with an "unavailable" message and nothing to buy: shoppers who bookmarked it learn why
/// it is gone, and no facts or price of a held product are shown.
/// </summary>
public class DetailsModel(ShopDbContext db) : PageModel
{
    public Product Item { get; private set; } = null!;
    public bool Unavailable => Item.OnHold;
    public IReadOnlyList<SafetyNote> Safety { get; private set; } = [];
    public IReadOnlyList<string> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Published, ct);
        if (product is null) return NotFound();
        Item = product;
        if (product.OnHold) return Page();
        Safety = SafetyPanel.For(product);
        var infoRules = await db.Flags.Where(f => f.ProductId == product.Id && f.Severity == Severity.Info && f.Status == FlagStatus.Open)
            .Select(f => f.Rule).Distinct().ToListAsync(ct);
        Notes = infoRules.Select(SafetyPanel.InfoNote).OfType<string>().ToList();
        return Page();
    }
}
