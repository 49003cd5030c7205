using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;
using Shop.Web.Catalogue;

namespace Shop.Web.Pages.Admin.Flags;

/// <summary>The review queue: open flags grouped by rule and severity, errors first, filtered and paged.</summary>
public class IndexModel(ShopDbContext db, FlagActions actions) : PageModel
{
    public const int PageSize = 50;

    public string? Status { get; set; }
    public string? Severity { get; set; }
    public string? Rule { get; set; }
    public string? Kind { get; set; }
    public string? Q { get; set; }
    public int? SupplierId { get; set; }
    public string? Seen { get; set; }
    public string Sort { get; set; } = "severity";
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Suppliers { get; private set; } = [];

    /// <summary>"First seen" windows: the flags a merchandiser has not looked at yet are usually the new ones.</summary>
    public static readonly (string Value, string Label, int Days)[] SeenOptions =
        [("1d", "in the last 24 hours", 1), ("7d", "in the last 7 days", 7), ("30d", "in the last 30 days", 30)];

    public static readonly (string Value, string Label)[] SortOptions =
        [("severity", "Errors first, recently seen"), ("newest", "Newest first"), ("oldest", "Oldest first"), ("product", "Product name")];

    public IReadOnlyList<RuleGroup> Groups { get; private set; } = [];
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record RuleGroup(string Rule, Severity Severity, int Count);
    public sealed record QueueRow(int Id, string Rule, Severity Severity, FlagStatus Status, string Message,
        int ProductId, string ProductName, ProductKind Kind, bool OnHold, DateTime FirstSeenUtc, DateTime LastSeenUtc, Guid Version);

    public async Task OnGetAsync(string? status, string? severity, string? rule, string? kind, string? q, int? supplier, string? seen,
        string? sort, int p = 1, CancellationToken ct = default)
    {
        SupplierId = supplier;
        Seen = SeenOptions.Any(o => o.Value == seen) ? seen : null;
        Sort = SortOptions.Any(o => o.Value == sort) ? sort! : "severity";
        Suppliers = await SupplierChoices.LoadAsync(db, ct);
        Status = status ?? FlagStatus.Open.ToWord();
        Severity = severity;
        Rule = string.IsNullOrWhiteSpace(rule) ? null : rule.Trim();
        Kind = kind;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();

        var groups = await db.Flags.Where(f => f.Status == FlagStatus.Open)
            .GroupBy(f => new { f.Rule, f.Severity })
            .Select(g => new { g.Key.Rule, g.Key.Severity, Count = g.Count() })
            .ToListAsync(ct);
        Groups = groups.Select(g => new RuleGroup(g.Rule, g.Severity, g.Count))
            .OrderByDescending(g => g.Severity).ThenByDescending(g => g.Count).ThenBy(g => g.Rule).ToList();

        var flags = db.Flags.AsNoTracking();
        if (Words.TryParse<FlagStatus>(Status, out var statusValue)) flags = flags.Where(f => f.Status == statusValue);
        if (Words.TryParse<Severity>(Severity, out var severityValue)) flags = flags.Where(f => f.Severity == severityValue);
        if (Words.TryParse<ProductKind>(Kind, out var kindValue)) flags = flags.Where(f => f.Product!.Kind == kindValue);
        if (Rule is not null) flags = flags.Where(f => f.Rule == Rule);
        if (SupplierId is { } supplierId) flags = flags.Where(f => f.Product!.SupplierId == supplierId);
        if (SeenOptions.FirstOrDefault(o => o.Value == Seen) is { Days: > 0 } window)
        {
            var since = DateTime.UtcNow.AddDays(-window.Days);
            flags = flags.Where(f => f.FirstSeenUtc >= since);
        }
        if (Q is not null)
        {
            // Case-insensitive, like the catalogue searches (Contains is case-sensitive on SQLite).
            var pattern = LikePattern.Containing(Q);
            flags = flags.Where(f => EF.Functions.Like(f.Product!.Name, pattern, LikePattern.Escape) || EF.Functions.Like(f.Message, pattern, LikePattern.Escape));
        }

        Total = await flags.CountAsync(ct);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var ordered = Sort switch
        {
            "newest" => flags.OrderByDescending(f => f.FirstSeenUtc).ThenByDescending(f => f.Id),
            "oldest" => flags.OrderBy(f => f.FirstSeenUtc).ThenBy(f => f.Id),
            "product" => flags.OrderBy(f => f.Product!.Name).ThenBy(f => f.Id),
            // Severity is stored as its word, so "errors first" is spelled out rather than left to alphabetical order.
            _ => flags.OrderBy(f => f.Severity == Core.Model.Severity.Error ? 0 : f.Severity == Core.Model.Severity.Warning ? 1 : 2)
                .ThenByDescending(f => f.LastSeenUtc).ThenBy(f => f.Id),
        };
        Rows = await ordered
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(f => new QueueRow(f.Id, f.Rule, f.Severity, f.Status, f.Message, f.ProductId, f.Product!.Name,
                f.Product.Kind, f.Product.OnHold, f.FirstSeenUtc, f.LastSeenUtc, f.Version))
            .ToListAsync(ct);
    }

    /// <summary>This queue view's filters with another page number, for the page links.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) route[key] = value; }
        Add("status", Status);
        Add("severity", Severity);
        Add("rule", Rule);
        Add("kind", Kind);
        Add("q", Q);
        Add("supplier", SupplierId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("seen", Seen);
        if (Sort != "severity") route["sort"] = Sort;
        if (page > 1) route["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>Bulk decisions on the ticked rows ("id:version"), one FlagActions call per flag.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string[] selected, string bulkAction, string? reason, DateTime? until, CancellationToken ct)
    {
        var actor = User.Identity?.Name ?? "unknown";
        var picked = selected.Select(ParseSelection).OfType<(int Id, Guid Version)>().ToList();
        if (picked.Count == 0)
        {
            TempData["Status"] = "Tick at least one flag first.";
            return RedirectToPage();
        }
        var outcomes = new List<FlagActionResult>();
        foreach (var (id, version) in picked)
        {
            outcomes.Add(bulkAction switch
            {
                "confirm" => await actions.ConfirmAsync(id, version, actor, ct: ct),
                "dismiss" => await actions.DismissAsync(id, version, reason, actor, ct),
                "snooze" when until is { } date => await actions.SnoozeAsync(id, version, date, actor, ct),
                "snooze" => new FlagActionResult(FlagActionOutcome.Invalid, "Choose a date to snooze until.", "until"),
                _ => new FlagActionResult(FlagActionOutcome.Invalid, "Choose an action.", "bulkAction"),
            });
        }
        var done = outcomes.Count(o => o.Succeeded);
        var firstProblem = outcomes.FirstOrDefault(o => !o.Succeeded);
        TempData["Status"] = firstProblem is null
            ? $"{done} flag(s) {bulkAction switch { "confirm" => "confirmed", "dismiss" => "dismissed", _ => "snoozed" }}."
            : $"{done} of {outcomes.Count} flag(s) done. {firstProblem.Message}";
        return RedirectToPage();
    }

    private static (int Id, Guid Version)? ParseSelection(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], out var id) && Guid.TryParse(parts[1], out var version)
            ? (id, version) : null;
    }

    public static string BadgeClass(Severity severity) => severity switch
    {
        Core.Model.Severity.Error => "badge badge-error",
        Core.Model.Severity.Warning => "badge badge-warning",
        _ => "badge badge-info",
    };
}
