using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Jobs.Scanning;

/// <summary>Why a scan could not be started; <see cref="Field"/> names what was wrong for API problem details.</summary>
public sealed record ScanStart(ScanRun? Run, bool NotFound = false, string? Problem = null, string? Field = null, bool AlreadyRunning = false);

/// <summary>
/// Starting and resuming scan runs. A run and all its pages are written to our database in one transaction before
/// any job is enqueued, so whatever Hangfire storage forgets (in-memory after a crash), the run can be resumed.
/// A supplier run takes the supplier's lease; while another run holds it, that run is answered instead.
/// </summary>
public sealed class ScanRuns(ShopDbContext db, IBackgroundJobClient jobs, IOptions<ScanOptions> options, TimeProvider time,
    ILogger<ScanRuns> logger)
{
    public const string Queue = "scans";

    public async Task<ScanStart> StartSupplierScanAsync(int supplierId, string trigger, CancellationToken ct = default)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == supplierId, ct);
        if (supplier is null) return new(null, NotFound: true, Problem: $"Supplier {supplierId} does not exist.");
        var now = time.GetUtcNow().UtcDateTime;
        if (await ActiveLeaseRunAsync(supplier, now, ct) is { } running) return new(running, AlreadyRunning: true);

        var products = await db.Products.AsNoTracking()
            .Where(p => p.SupplierId == supplierId && p.SupplierUrl != null && p.SupplierUrl != "")
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.SupplierUrl }).ToListAsync(ct);

        // SQL Server's retrying execution strategy only allows a user transaction inside the strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        var run = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var candidate = new ScanRun
            {
                SupplierId = supplierId, Status = ScanStatus.Queued, Trigger = Truncate(trigger, 100), CreatedUtc = now,
                PagesTotal = products.Count,
                Pages = products.Select(p => new ScanPage { ProductId = p.Id, Url = p.SupplierUrl! }).ToList(),
            };
            db.ScanRuns.Add(candidate);
            await db.SaveChangesAsync(ct);
            var until = now.AddMinutes(options.Value.LeaseMinutes);
            var leased = await db.Suppliers
                .Where(s => s.Id == supplierId && (s.ScanLeaseRunId == null || s.ScanLeaseUntilUtc == null || s.ScanLeaseUntilUtc < now ||
                            // A finished run that has not let go yet (it releases right after completing).
                            !db.ScanRuns.Any(r => r.Id == s.ScanLeaseRunId && (r.Status == ScanStatus.Queued || r.Status == ScanStatus.Running))))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScanLeaseRunId, candidate.Id).SetProperty(x => x.ScanLeaseUntilUtc, until), ct);
            if (leased == 0)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }
            await transaction.CommitAsync(ct);
            return candidate;
        });
        if (run is null)
        {
            // Another process took the lease between our read and our write: its run is the one to follow.
            db.ChangeTracker.Clear();
            var other = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == supplierId, ct);
            return new(await ActiveLeaseRunAsync(other, now, ct), AlreadyRunning: true);
        }
        logger.LogInformation("Scan run {Run} of supplier {Supplier} ({Trigger}): {Pages} pages", run.Id, supplierId, trigger, run.PagesTotal);

        EnqueuePages(run.Id, run.Pages.Select(p => p.ProductId).ToList());
        if (run.PagesTotal == 0) jobs.Create(Job.FromExpression<ScanJobs>(j => j.FinishRunAsync(run.Id, CancellationToken.None)), new EnqueuedState(Queue));
        return new(run);
    }

    /// <summary>"Rescan" of one product: a run of one page, outside the supplier's lease (it does not compete with a
    /// supplier run for the lease; the page claim keeps two workers off the same page row).</summary>
    public async Task<ScanStart> StartProductScanAsync(int productId, string trigger, CancellationToken ct = default)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return new(null, NotFound: true, Problem: $"Product {productId} does not exist.");
        if (string.IsNullOrWhiteSpace(product.SupplierUrl))
        {
            return new(null, Problem: $"\"{product.Name}\" has no supplier page URL to scan.", Field: "supplierUrl");
        }
        var run = new ScanRun
        {
            SupplierId = product.SupplierId, ProductId = productId, Status = ScanStatus.Queued, Trigger = Truncate(trigger, 100),
            CreatedUtc = time.GetUtcNow().UtcDateTime, PagesTotal = 1,
            Pages = [new ScanPage { ProductId = productId, Url = product.SupplierUrl }],
        };
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync(ct);
        EnqueuePages(run.Id, [productId]);
        return new(run);
    }

    /// <summary>
    /// Re-enqueues the pages of unfinished runs that need a job again. At start-up of the embedded default
    /// (<paramref name="releaseClaims"/>), every claim belonged to a process that is gone, so all are released and every
    /// unfinished page is enqueued; the sweeper passes false and picks up only pages whose worker went away.
    /// </summary>
    public async Task<int> ResumeUnfinishedAsync(bool releaseClaims, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var active = await db.ScanRuns.AsNoTracking()
            .Where(r => r.Status == ScanStatus.Queued || r.Status == ScanStatus.Running)
            .Select(r => new { r.Id, r.SupplierId, r.ProductId }).ToListAsync(ct);
        var resumed = 0;
        foreach (var run in active)
        {
            if (releaseClaims)
            {
                await db.ScanPages.Where(p => p.ScanRunId == run.Id && p.Outcome == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, (DateTime?)null), ct);
            }
            if (run.ProductId is null && run.SupplierId is { } supplierId)
            {
                // The resumed run keeps (or takes back) its supplier's lease.
                var until = now.AddMinutes(options.Value.LeaseMinutes);
                await db.Suppliers.Where(s => s.Id == supplierId && (s.ScanLeaseRunId == run.Id || s.ScanLeaseRunId == null || s.ScanLeaseUntilUtc < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScanLeaseRunId, run.Id).SetProperty(x => x.ScanLeaseUntilUtc, until), ct);
            }
            // After a restart of the embedded default every unfinished page is re-enqueued (its job died with the
            // in-memory storage). Otherwise the jobs of waiting pages are still queued in Hangfire storage, and only pages
            // a worker took and lost (an expired claim, or a failed attempt) need a job again.
            var waiting = await db.ScanPages.AsNoTracking()
                .Where(p => p.ScanRunId == run.Id && p.Outcome == null &&
                            (releaseClaims || (p.ClaimedUntilUtc != null && p.ClaimedUntilUtc < now)))
                .Select(p => p.ProductId).ToListAsync(ct);
            EnqueuePages(run.Id, waiting);
            if (waiting.Count == 0 && !await db.ScanPages.AnyAsync(p => p.ScanRunId == run.Id && p.Outcome == null, ct))
            {
                // Every page has its outcome but the run was not completed (the process died in between).
                jobs.Create(Job.FromExpression<ScanJobs>(j => j.FinishRunAsync(run.Id, CancellationToken.None)), new EnqueuedState(Queue));
            }
            resumed += waiting.Count;
        }
        if (active.Count > 0) logger.LogInformation("Resumed {Runs} unfinished scan runs: {Pages} pages enqueued again", active.Count, resumed);
        return resumed;
    }

    private void EnqueuePages(int runId, IReadOnlyCollection<int> productIds)
    {
        // A job per page cost about as much in Hangfire and set-up as the page itself; smaller runs get smaller batches
        // (at least 16 jobs) so they still spread over the workers.
        var size = Math.Clamp(productIds.Count / 16, 1, Math.Max(1, options.Value.PagesPerJob));
        if (size == 1)
        {
            foreach (var productId in productIds)
            {
                jobs.Create(Job.FromExpression<ScanJobs>(j => j.ScanPageAsync(runId, productId, CancellationToken.None)), new EnqueuedState(Queue));
            }
            return;
        }
        foreach (var batch in productIds.Chunk(size))
        {
            jobs.Create(Job.FromExpression<ScanJobs>(j => j.ScanPagesAsync(runId, batch, CancellationToken.None)), new EnqueuedState(Queue));
        }
    }

    private async Task<ScanRun?> ActiveLeaseRunAsync(Supplier supplier, DateTime now, CancellationToken ct)
    {
        if (supplier.ScanLeaseRunId is not { } runId || supplier.ScanLeaseUntilUtc is not { } until || until < now) return null;
        return await db.ScanRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == runId && (r.Status == ScanStatus.Queued || r.Status == ScanStatus.Running), ct);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
