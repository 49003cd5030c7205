using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;
using Shop.Web.Infrastructure;

namespace Shop.Web.Api;

/// <summary>api.md's scan endpoints: start a supplier or product scan (the same ScanRuns the admin pages use) and
/// follow a run.</summary>
public static class ScansApi
{
    public sealed record ScanPageDto(int ProductId, string Url, string? Outcome, int? HttpStatus, string? Error);
    public sealed record ScanRunDto(int Id, string Status, int PagesTotal, int PagesDone, IReadOnlyList<ScanPageDto> Pages);

    public static RouteGroupBuilder MapScansApi(this RouteGroupBuilder group)
    {
        group.MapPost("/suppliers/{id:int}/scans", async (int id, ScanRuns runs, ShopDbContext db, CancellationToken ct) =>
                await AcceptedAsync(await runs.StartSupplierScanAsync(id, "api"), db, ct))
            .RequireAuthorization(ShopWebExtensions.AdminPolicy);
        group.MapPost("/products/{id:int}/scans", async (int id, ScanRuns runs, ShopDbContext db, CancellationToken ct) =>
                await AcceptedAsync(await runs.StartProductScanAsync(id, "api"), db, ct))
            .RequireAuthorization(ShopWebExtensions.MerchandiserPolicy);
        group.MapGet("/scans/{id:int}", async (int id, ShopDbContext db, CancellationToken ct) =>
                await LoadAsync(id, db, ct) is { } run
                    ? (IResult)TypedResults.Ok(run)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Scan run {id} does not exist."))
            .RequireAuthorization(ShopWebExtensions.MerchandiserPolicy);
        return group;
    }

    private static async Task<IResult> AcceptedAsync(ScanStart start, ShopDbContext db, CancellationToken ct)
    {
        if (start.NotFound) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: start.Problem);
        if (start.Run is null)
        {
            var field = start.Field ?? "id";
            var message = start.Problem ?? "The scan could not be started.";
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
        }
        // A supplier already being scanned answers its running run: still 202, the caller follows that one.
        var run = await LoadAsync(start.Run.Id, db, ct);
        return TypedResults.Accepted($"/api/v1/scans/{start.Run.Id}", run);
    }

    private static async Task<ScanRunDto?> LoadAsync(int id, ShopDbContext db, CancellationToken ct)
    {
        var run = await db.ScanRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        var pages = await db.ScanPages.AsNoTracking().Where(p => p.ScanRunId == id).OrderBy(p => p.Id)
            .Select(p => new ScanPageDto(p.ProductId, p.Url, p.Outcome, p.HttpStatus, p.Error)).ToListAsync(ct);
        return new ScanRunDto(run.Id, run.Status.ToWord(), run.PagesTotal, pages.Count(p => p.Outcome != null), pages);
    }
}
