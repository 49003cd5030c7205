using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;

namespace Shop.Web.Catalogue;

/// <summary>The suppliers as a pick list (id and name, by name), for filters and the product form.</summary>
public static class SupplierChoices
{
    public static async Task<IReadOnlyList<(int Id, string Name)>> LoadAsync(ShopDbContext db, CancellationToken ct) =>
        (await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
}
