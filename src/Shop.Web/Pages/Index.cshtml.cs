using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Storefront;

namespace Shop.Web.Pages;

public class IndexModel(ShopDbContext db) : PageModel
{
    public IReadOnlyDictionary<ProductKind, int> CountByKind { get; private set; } = new Dictionary<ProductKind, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        CountByKind = await Products.IndexModel.Visible(db.Products.AsNoTracking())
            .GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public int Count(Department department) => department.Kinds.Sum(k => CountByKind.GetValueOrDefault(k));

    public string ListUrl(Department department) =>
        "/Products" + Microsoft.AspNetCore.Http.QueryString.Create(department.Kinds.Select(k => new KeyValuePair<string, string?>("kind", k.ToWord())));
}
