using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Storefront;

namespace Shop.Web.Pages.Products;

/// <summary>The storefront's product list: only published products not on safety hold, with filters, search,
/// sorting and paging.</summary>
public class IndexModel(ShopDbContext db) : PageModel
{
    public const int PageSize = 24;

    /// <summary>From this many matches of a needle-length range on, a page in name order walks the name index.</summary>
    private const int WalkNameIndexFrom = 2_000;

    [BindProperty(SupportsGet = true, Name = "kind")] public List<string> Kinds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public double? MinMm { get; set; }
    [BindProperty(SupportsGet = true)] public double? MaxMm { get; set; }
    [BindProperty(SupportsGet = true)] public string? Use { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MinPrice { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MaxPrice { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ProductCard> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string Heading { get; private set; } = "All products";

    public static readonly (string Value, string Label)[] SortOptions =
        [("name", "Name A-Z"), ("price", "Price: low to high"), ("price-desc", "Price: high to low"), ("newest", "Newest")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var kinds = Kinds.Select(k => Words.TryParse<ProductKind>(k, out var kind) ? kind : (ProductKind?)null).OfType<ProductKind>().Distinct().ToList();
        Kinds = kinds.Select(k => k.ToWord()).ToList();
        if (MinMm > MaxMm) (MinMm, MaxMm) = (MaxMm, MinMm);
        if (MinPrice > MaxPrice) (MinPrice, MaxPrice) = (MaxPrice, MinPrice);
        PageNumber = Math.Max(1, PageNumber);
        Heading = Catalog.Departments.FirstOrDefault(d => d.Kinds.Order().SequenceEqual(kinds.Order()))?.Title
            ?? (kinds.Count == 1 ? Catalog.KindPlural(kinds[0]) : "All products");

        // The visibility rule of the storefront: never a product on safety hold or unpublished, in any list or count.
        var query = Visible(db.Products.AsNoTracking());
        query = kinds.Count switch
        {
            0 => query,
            1 => query.Where(p => p.Kind == kinds[0]),
            // Two kinds at most from the departments; a pair of equalities lets SQLite use the kind indexes.
            _ => query.Where(p => kinds.Contains(p.Kind)),
        };
        query = Use switch
        {
            "home" => query.Where(p => p.IntendedUse == IntendedUse.Home || p.IntendedUse == IntendedUse.Both),
            "professional" => query.Where(p => p.IntendedUse == IntendedUse.Professional || p.IntendedUse == IntendedUse.Both),
            _ => query,
        };
        if (MinPrice is { } minPrice) query = query.Where(p => p.Price >= minPrice);
        if (MaxPrice is { } maxPrice) query = query.Where(p => p.Price <= maxPrice);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Containing(Q.Trim());
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.Escape));
        }

        var withLength = query;
        if (MinMm is { } minMm) withLength = withLength.Where(p => p.NeedleLengthMm >= minMm);
        if (MaxMm is { } maxMm) withLength = withLength.Where(p => p.NeedleLengthMm <= maxMm);
        Total = await withLength.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, PageCount);
        var skip = (PageNumber - 1) * PageSize;
        if ((MinMm is not null || MaxMm is not null) && Total >= WalkNameIndexFrom && Sort is not ("price" or "price-desc" or "newest"))
        {
            // Many matches: walking the name index (it carries the needle length, so no row is read) and passing over
            // the misses costs at most one pass over that index, where reading every match through the length index
            // and sorting them all costs a row read each. "+ 0" keeps the database off the length index for this
            // query only; the count above still uses it. A few matches are sorted sooner than the index is walked.
            if (MinMm is { } min) query = query.Where(p => p.NeedleLengthMm + 0.0 >= min);
            if (MaxMm is { } max) query = query.Where(p => p.NeedleLengthMm + 0.0 <= max);
        }
        else
        {
            query = withLength;
        }
        var ordered = Sort switch
        {
            "price" => query.OrderBy(p => p.Price).ThenBy(p => p.Id),
            "price-desc" => query.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
            "newest" => query.OrderByDescending(p => p.Id),
            _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };
        if (Total == 0) return;
        // Deferred join: the offset walks only the narrow index (ids), and only the page's rows are read in full.
        var pageIds = await ordered.Select(p => p.Id).Skip(skip).Take(PageSize).ToListAsync(ct);
        var rows = await db.Products.AsNoTracking().Where(p => pageIds.Contains(p.Id))
            .Select(p => new ProductCard(p.Id, p.Name, p.Slug, p.Kind, p.Brand, p.Price, p.Currency, p.NeedleLengthMm, p.IntendedUse, p.SingleUse))
            .ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        Items = rows.OrderBy(r => position[r.Id]).ToList();
    }

    /// <summary>Published and not on hold. Compared with parameters, not as bare booleans: SQLite uses an index
    /// only for equality terms, and "Published AND NOT OnHold" would make it sort every visible product by hand.</summary>
    public static IQueryable<Product> Visible(IQueryable<Product> products)
    {
        var published = true;
        var held = false;
        return products.Where(p => p.Published == published && p.OnHold == held);
    }

    /// <summary>This list's URL with the current filters and another page number.</summary>
    public string PageUrl(int page)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
        foreach (var kind in Kinds) query.Add("kind", kind);
        void Add(string key, IFormattable? value) { if (value is not null) query.Add(key, value.ToString(null, System.Globalization.CultureInfo.InvariantCulture)); }
        Add("minMm", MinMm);
        Add("maxMm", MaxMm);
        if (!string.IsNullOrEmpty(Use)) query.Add("use", Use);
        Add("minPrice", MinPrice);
        Add("maxPrice", MaxPrice);
        if (!string.IsNullOrWhiteSpace(Q)) query.Add("q", Q);
        if (!string.IsNullOrEmpty(Sort)) query.Add("sort", Sort);
        if (page > 1) query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Products" + query.ToQueryString();
    }
}
