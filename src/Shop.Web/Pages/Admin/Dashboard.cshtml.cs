using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Infrastructure;

namespace Shop.Web.Pages.Admin;

/// <summary>What admins watch: open flags by rule and by supplier, and flags opened and closed per week.</summary>
[Authorize(Policy = ShopWebExtensions.AdminPolicy)]
public class DashboardModel(ShopDbContext db, TimeProvider time) : PageModel
{
    public const int Weeks = 8;

    public sealed record Count(string Label, int Value);
    public sealed record Week(DateTime Start, int Opened, int Closed);

    public IReadOnlyList<Count> ByRule { get; private set; } = [];
    public IReadOnlyList<Count> BySupplier { get; private set; } = [];
    public IReadOnlyList<Week> PerWeek { get; private set; } = [];
    public int OnHold { get; private set; }
    public int MaxPerWeek => Math.Max(1, PerWeek.Count == 0 ? 1 : PerWeek.Max(w => Math.Max(w.Opened, w.Closed)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        ByRule = (await db.Flags.Where(f => f.Status == FlagStatus.Open).GroupBy(f => f.Rule)
                .Select(g => new { g.Key, Value = g.Count() }).ToListAsync(ct))
            .Select(g => new Count(g.Key, g.Value)).OrderByDescending(c => c.Value).ToList();
        BySupplier = (await db.Flags.Where(f => f.Status == FlagStatus.Open).GroupBy(f => f.Product!.Supplier!.Name)
                .Select(g => new { g.Key, Value = g.Count() }).ToListAsync(ct))
            .Select(g => new Count(g.Key ?? "no supplier", g.Value)).OrderByDescending(c => c.Value).ToList();
        OnHold = await db.Products.CountAsync(p => p.OnHold, ct);

        var today = time.GetUtcNow().UtcDateTime.Date;
        var firstWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7 * (Weeks - 1));
        var opened = await db.Flags.Where(f => f.FirstSeenUtc >= firstWeek).Select(f => f.FirstSeenUtc).ToListAsync(ct);
        var closed = await db.Flags.Where(f => f.ClosedUtc >= firstWeek).Select(f => f.ClosedUtc!.Value).ToListAsync(ct);
        static int WeekIndex(DateTime at, DateTime start) => (int)((at - start).TotalDays / 7);
        PerWeek = Enumerable.Range(0, Weeks).Select(i => new Week(firstWeek.AddDays(7 * i),
            opened.Count(d => WeekIndex(d, firstWeek) == i), closed.Count(d => WeekIndex(d, firstWeek) == i))).ToList();
    }
}
