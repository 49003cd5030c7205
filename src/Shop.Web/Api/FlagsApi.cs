using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;
using Shop.Web.Infrastructure;

namespace Shop.Web.Api;

/// <summary>api.md's flag endpoints: the queue as JSON and the same decisions as the review pages (FlagActions).</summary>
public static class FlagsApi
{
    public sealed record EvidenceDto(string Text, string From);
    public sealed record FlagDto(int Id, int ProductId, string Rule, string Severity, string Status, string Message,
        IReadOnlyList<EvidenceDto> Evidence, DateTime FirstSeen, DateTime LastSeen);
    public sealed record FlagList(IReadOnlyList<FlagDto> Items, int Total);
    public sealed record ConfirmBody(string? Note);
    public sealed record DismissBody(string? Reason);
    public sealed record SnoozeBody(DateTime? Until);

    public static RouteGroupBuilder MapFlagsApi(this RouteGroupBuilder group)
    {
        var flags = group.MapGroup("/flags").RequireAuthorization(ShopWebExtensions.MerchandiserPolicy);
        flags.MapGet("/", ListAsync);
        flags.MapPost("/{id:int}/confirm", (int id, ConfirmBody? body, FlagActions actions, ShopDbContext db, HttpContext http, CancellationToken ct) =>
            AnswerAsync(id, actions.ConfirmAsync(id, null, Actor(http), body?.Note, ct), db, ct));
        flags.MapPost("/{id:int}/dismiss", (int id, DismissBody? body, FlagActions actions, ShopDbContext db, HttpContext http, CancellationToken ct) =>
            AnswerAsync(id, actions.DismissAsync(id, null, body?.Reason, Actor(http), ct), db, ct));
        flags.MapPost("/{id:int}/snooze", (int id, SnoozeBody? body, FlagActions actions, ShopDbContext db, HttpContext http, CancellationToken ct) =>
            body?.Until is { } until
                ? AnswerAsync(id, actions.SnoozeAsync(id, null, until.ToUniversalTime(), Actor(http), ct), db, ct)
                : Task.FromResult<IResult>(Problem("until", "Give the UTC date and time to snooze until.")));
        return group;
    }

    private static async Task<IResult> ListAsync(ShopDbContext db, string? status, string? severity, string? rule, int? productId,
        int? skip, int? take, CancellationToken ct)
    {
        var query = db.Flags.AsNoTracking();
        if (status is not null)
        {
            if (!Words.TryParse<FlagStatus>(status, out var s)) return Problem("status", $"'{status}' is not one of {string.Join(", ", Words.All<FlagStatus>())}.");
            query = query.Where(f => f.Status == s);
        }
        if (severity is not null)
        {
            if (!Words.TryParse<Severity>(severity, out var v)) return Problem("severity", $"'{severity}' is not one of {string.Join(", ", Words.All<Severity>())}.");
            query = query.Where(f => f.Severity == v);
        }
        if (!string.IsNullOrWhiteSpace(rule)) query = query.Where(f => f.Rule == rule.Trim());
        if (productId is { } pid) query = query.Where(f => f.ProductId == pid);
        if (skip is < 0) return Problem("skip", "skip must be 0 or more.");
        if (take is < 1 or > 500) return Problem("take", "take must be between 1 and 500.");
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(f => f.LastSeenUtc).ThenBy(f => f.Id)
            .Skip(skip ?? 0).Take(take ?? 50).ToListAsync(ct);
        return TypedResults.Ok(new FlagList(page.Select(ToDto).ToList(), total));
    }

    private static async Task<IResult> AnswerAsync(int id, Task<FlagActionResult> action, ShopDbContext db, CancellationToken ct)
    {
        var result = await action;
        switch (result.Outcome)
        {
            case FlagActionOutcome.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Message);
            case FlagActionOutcome.Stale:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message);
            case FlagActionOutcome.Invalid when result.Field == "status":
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Message);
            case FlagActionOutcome.Invalid:
                return Problem(result.Field ?? "body", result.Message);
        }
        var flag = await db.Flags.AsNoTracking().SingleAsync(f => f.Id == id, ct);
        return TypedResults.Ok(ToDto(flag));
    }

    private static ProblemHttpResult Problem(string field, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: message,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    private static FlagDto ToDto(Flag f) => new(f.Id, f.ProductId, f.Rule, f.Severity.ToWord(), f.Status.ToWord(), f.Message,
        f.Evidence.Select(e => new EvidenceDto(e.Text, e.From.ToWord())).ToList(), f.FirstSeenUtc, f.LastSeenUtc);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "api";
}
