using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Checking;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;
using Shop.Jobs.Fetching;

namespace Shop.Jobs.Scanning;

/// <summary>
/// One page of a scan run: claim it, fetch it through the guarded fetcher, check it, and record the outcome, the
/// page's facts, its flags and a snapshot in one SaveChanges. Safe to run twice: a page that has its outcome, or that
/// another worker holds, is left alone. A page that is not ok/unchanged keeps its previous facts and flags.
/// </summary>
public sealed class PageScanner(ShopDbContext db, GuardedFetcher fetcher, CheckStep checker, FlagSync flagSync,
    IBackgroundJobClient jobs, IOptions<ScanOptions> options, TimeProvider time, ILogger<PageScanner> logger)
{
    private ScanOptions Options => options.Value;

    // Compiled once: the per-page reads skip EF's expression-tree parameter extraction and query-cache lookup.
    private static readonly Func<ShopDbContext, int, int, CancellationToken, Task<ScanPage>> ClaimedPage =
        EF.CompileAsyncQuery((ShopDbContext db, int runId, int productId, CancellationToken ct) =>
            db.ScanPages.Single(p => p.ScanRunId == runId && p.ProductId == productId));

    private static readonly Func<ShopDbContext, int, CancellationToken, Task<Product?>> ProductWithPage =
        EF.CompileAsyncQuery((ShopDbContext db, int productId, CancellationToken ct) =>
            db.Products.Include(p => p.Page).FirstOrDefault(p => p.Id == productId));

    /// <summary>The pages of one batch job. The connection stays open for the batch rather than being opened (and its
    /// pragmas set) for each of a page's dozen commands; the run is marked running and checked for completion once per
    /// batch, not per page.</summary>
    public async Task ScanBatchAsync(int runId, IReadOnlyList<int> productIds, CancellationToken ct)
    {
        ExceptionDispatchInfo? failed = null;
        var anyRecorded = false;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await MarkRunningAsync(runId, ct);
            foreach (var productId in productIds)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    anyRecorded |= await ScanPageAsync(runId, productId, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // ScanPageAsync left the page's claim expired; the other pages of the batch still get their turn.
                    failed ??= ExceptionDispatchInfo.Capture(e);
                }
                db.ChangeTracker.Clear();
            }
            if (anyRecorded) await FinishIfLastAsync(runId, renewLease: true, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        failed?.Throw();
    }

    public async Task ScanAsync(int runId, int productId, CancellationToken ct)
    {
        await MarkRunningAsync(runId, ct);
        if (await ScanPageAsync(runId, productId, ct)) await FinishIfLastAsync(runId, renewLease: false, ct);
    }

    private async Task MarkRunningAsync(int runId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.ScanRuns.Where(r => r.Id == runId && r.Status == ScanStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScanStatus.Running).SetProperty(r => r.StartedUtc, now), ct);
    }

    /// <summary>Claims, scans and records one page; true when this worker recorded (and counted) its outcome.</summary>
    private async Task<bool> ScanPageAsync(int runId, int productId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimUntil = now.AddMinutes(Options.PageClaimMinutes);
        var claimed = await db.ScanPages
            .Where(p => p.ScanRunId == runId && p.ProductId == productId && p.Outcome == null &&
                        (p.ClaimedUntilUtc == null || p.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, claimUntil).SetProperty(p => p.Attempts, p => p.Attempts + 1), ct);
        if (claimed == 0) return false; // done already, or another worker has it

        var page = await ClaimedPage(db, runId, productId, ct);
        if (page.Attempts > Options.MaxPageAttempts)
        {
            // It crashed its worker every time: give it its outcome so the run can complete.
            return await RecordFailureAsync(page, claimUntil, PageOutcomes.ParseFailed, null,
                $"Gave up after {Options.MaxPageAttempts} attempts. {page.Error}".Trim(), ct);
        }
        try
        {
            return await ScanClaimedAsync(page, claimUntil, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Let Hangfire retry (a locked database, a lost connection). The claim is left expired rather than
            // cleared, so the retry can take it and, should Hangfire give up, the sweeper finds the page.
            db.ChangeTracker.Clear();
            var error = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
            var expired = time.GetUtcNow().UtcDateTime.AddSeconds(-1);
            await db.ScanPages.Where(p => p.Id == page.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, expired).SetProperty(p => p.Error, error), CancellationToken.None);
            throw;
        }
    }

    private async Task<bool> ScanClaimedAsync(ScanPage page, DateTime claim, CancellationToken ct)
    {
        var product = await ProductWithPage(db, page.ProductId, ct);
        if (product is null)
        {
            return await RecordFailureAsync(page, claim, PageOutcomes.NetworkError, null, "The product was deleted before its page was scanned.", ct);
        }
        if (!Uri.TryCreate(page.Url, UriKind.Absolute, out var url))
        {
            return await RecordFailureAsync(page, claim, PageOutcomes.BlockedAddress, null, $"'{page.Url}' is not an absolute http(s) address.", ct);
        }

        var known = product.Page is { } p && p.Url == page.Url && p.FactsJson is not null ? p : null;
        // A listing edited since the last check must meet the catalogue-* rules again (on the stored extraction).
        var listingChanged = known?.LastCheckedUtc is { } checkedAt && product.UpdatedUtc > checkedAt;
        var request = known is null ? new FetchRequest(url) : new FetchRequest(url, known.ETag, known.LastModified, known.ContentHash);
        var fetched = await fetcher.FetchAsync(request, ct);

        var now = time.GetUtcNow().UtcDateTime;
        // Snapshots are only ever stored with the page row, in the same SaveChanges: a product without one has none to prune.
        var mayHaveSnapshots = product.Page is not null;
        var supplierPage = product.Page ??= new SupplierPage { ProductId = product.Id, Url = page.Url };
        supplierPage.Url = page.Url;
        supplierPage.LastAttemptUtc = now;
        supplierPage.LastHttpStatus = fetched.HttpStatus;

        var outcome = fetched.Outcome;
        var error = fetched.Error;
        FlagSyncSummary flags = FlagSyncSummary.None;
        string? changes = null;

        if (fetched.Outcome == PageOutcomes.Unchanged)
        {
            supplierPage.LastCheckedUtc = now;
            supplierPage.ETag = fetched.ETag ?? supplierPage.ETag;
            supplierPage.LastModified = fetched.LastModified ?? supplierPage.LastModified;
            if (listingChanged && checker.Reevaluate(url, supplierPage.FactsJson, Listing.From(product)) is { } again)
            {
                flags = await flagSync.ApplyAsync(product, again.Flags, ct);
            }
            else
            {
                // Same page, same listing, same findings: the flags it raised are still seen.
                await db.Flags.Where(f => f.ProductId == product.Id && f.Status != FlagStatus.Resolved)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastSeenUtc, now), ct);
            }
        }
        else if (fetched.IsOk)
        {
            var check = await checker.CheckAsync(fetched.Url, fetched.Body!, fetched.ContentType, Listing.From(product), ct);
            outcome = check.Outcome;
            error = check.Error;
            if (check.Outcome == PageOutcomes.Ok)
            {
                changes = FactChanges.Summary(supplierPage.FactsJson, check.FactsJson);
                flags = await flagSync.ApplyAsync(product, check.Result!.Flags, ct);
                supplierPage.FactsJson = check.FactsJson;
                supplierPage.ContentHash = fetched.ContentHash;
                supplierPage.ETag = fetched.ETag;
                supplierPage.LastModified = fetched.LastModified;
                supplierPage.LastCheckedUtc = now;
                await AddSnapshotAsync(product.Id, fetched, check.FactsJson!, now, mayHaveSnapshots, ct);
            }
        }

        if (PageOutcomes.WasChecked(outcome) && product.UpdatedUtc > now)
        {
            // FlagSync stamps the product a moment later; that is not a listing edit to re-check next time.
            supplierPage.LastCheckedUtc = product.UpdatedUtc;
        }
        supplierPage.LastOutcome = outcome;
        supplierPage.LastError = error;
        page.Outcome = outcome;
        page.HttpStatus = fetched.HttpStatus;
        page.Error = error is null ? null : error.Length <= 1000 ? error : error[..1000];
        page.Changes = changes;
        page.NewErrorFlags = flags.NewErrors;
        page.FinishedUtc = now;
        page.ClaimedUntilUtc = null;
        var saved = await SaveAndCountAsync(page, claim, ct);
        logger.LogDebug("Scan {Run} page {Product}: {Outcome}", page.ScanRunId, page.ProductId, outcome);
        return saved;
    }

    /// <summary>A page we could not check: its outcome is recorded; its facts and flags stay as they were.</summary>
    private async Task<bool> RecordFailureAsync(ScanPage page, DateTime claim, string outcome, int? status, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        page.Outcome = outcome;
        page.HttpStatus = status;
        page.Error = error.Length <= 1000 ? error : error[..1000];
        page.FinishedUtc = now;
        page.ClaimedUntilUtc = null;
        var supplierPage = await db.SupplierPages.FirstOrDefaultAsync(p => p.ProductId == page.ProductId, ct);
        if (supplierPage is not null)
        {
            supplierPage.LastOutcome = outcome;
            supplierPage.LastError = page.Error;
            supplierPage.LastAttemptUtc = now;
        }
        return await SaveAndCountAsync(page, claim, ct);
    }

    /// <summary>Records the page (outcome, facts, flags, snapshot, audit) and counts it in the run in one transaction, and
    /// only while this worker's claim still holds: the claim is the concurrency token, so a worker whose claim expired
    /// and was taken over records and counts nothing. False when the claim was lost.</summary>
    private async Task<bool> SaveAndCountAsync(ScanPage page, DateTime claim, CancellationToken ct)
    {
        // SQL Server's retrying execution strategy only allows a user transaction inside the strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        var saved = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counted = await db.ScanRuns
                .Where(r => r.Id == page.ScanRunId &&
                            db.ScanPages.Any(p => p.Id == page.Id && p.ClaimedUntilUtc == claim && p.Outcome == null))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PagesDone, r => r.PagesDone + 1), ct);
            if (counted == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return true;
        });
        if (saved) db.ChangeTracker.AcceptAllChanges();
        else logger.LogWarning("Scan {Run} page {Product}: the claim expired and was taken over; this result is dropped", page.ScanRunId, page.ProductId);
        return saved;
    }

    private async Task AddSnapshotAsync(int productId, FetchResult fetched, string factsJson, DateTime now, bool prune, CancellationToken ct)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(fetched.Body!);
        }
        db.PageSnapshots.Add(new PageSnapshot
        {
            ProductId = productId, Url = fetched.Url.ToString(), FetchedUtc = now, ContentHash = fetched.ContentHash!,
            CompressedBody = compressed.ToArray(), ContentType = fetched.ContentType, FactsJson = factsJson,
        });
        if (!prune) return;
        // Keep the newest N - 1 stored ones plus this one.
        var keep = Math.Max(1, Options.SnapshotsPerPage) - 1;
        var old = await db.PageSnapshots.Where(s => s.ProductId == productId)
            .OrderByDescending(s => s.FetchedUtc).ThenByDescending(s => s.Id)
            .Skip(keep).Select(s => s.Id).ToListAsync(ct);
        if (old.Count > 0) await db.PageSnapshots.Where(s => old.Contains(s.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>After this worker recorded and counted a page's outcome (a batch: one or more): the worker that finds
    /// none left completes the run, exactly once. Each outcome is recorded and counted in one transaction by exactly one
    /// claim holder, so the counter is exact; a process dying before the completion is mended by
    /// <see cref="FinishIfDoneAsync"/> on resume.</summary>
    private async Task FinishIfLastAsync(int runId, bool renewLease, CancellationToken ct)
    {
        var run = await db.ScanRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.PagesDone, r.PagesTotal, r.SupplierId, r.ProductId }).FirstOrDefaultAsync(ct);
        if (run is null) return;
        if (run.PagesDone >= run.PagesTotal)
        {
            await FinishIfDoneAsync(runId, ct);
        }
        else if (run.ProductId is null && run.SupplierId is { } leaseHolder && (renewLease || run.PagesDone % 25 == 0))
        {
            // Renewed as pages finish (after each batch, or every 25th page of single-page jobs), so only a run that
            // stalls loses its lease.
            var until = time.GetUtcNow().UtcDateTime.AddMinutes(Options.LeaseMinutes);
            await db.Suppliers.Where(s => s.Id == leaseHolder && s.ScanLeaseRunId == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScanLeaseUntilUtc, until), ct);
        }
    }

    /// <summary>Recounts the finished pages; when none is left, completes the run exactly once (the conditional
    /// status update decides which caller does), updates the supplier's health, releases the lease, notifies.</summary>
    public async Task FinishIfDoneAsync(int runId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var done = await db.ScanPages.CountAsync(p => p.ScanRunId == runId && p.Outcome != null, ct);
        await db.ScanRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.PagesDone, done), ct);
        var run = await db.ScanRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || done < run.PagesTotal) return;

        var finished = await db.ScanRuns
            .Where(r => r.Id == runId && (r.Status == ScanStatus.Queued || r.Status == ScanStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScanStatus.Completed).SetProperty(r => r.FinishedUtc, now)
                .SetProperty(r => r.StartedUtc, r => r.StartedUtc ?? now), ct);
        if (finished == 0) return;

        var outcomes = await db.ScanPages.AsNoTracking().Where(p => p.ScanRunId == runId)
            .Select(p => new { p.Outcome, p.NewErrorFlags }).ToListAsync(ct);
        if (run.ProductId is null && run.SupplierId is { } supplierId)
        {
            var anyChecked = outcomes.Any(o => PageOutcomes.WasChecked(o.Outcome));
            var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == supplierId, ct);
            if (supplier is not null)
            {
                supplier.LastScanUtc = now;
                // A scan of no pages says nothing about the supplier's health.
                if (outcomes.Count > 0) supplier.ConsecutiveFailedScans = anyChecked ? 0 : supplier.ConsecutiveFailedScans + 1;
                if (supplier.ScanLeaseRunId == runId)
                {
                    supplier.ScanLeaseRunId = null;
                    supplier.ScanLeaseUntilUtc = null;
                }
                await db.SaveChangesAsync(ct);
            }
        }
        var newErrors = outcomes.Sum(o => o.NewErrorFlags);
        logger.LogInformation("Scan run {Run} completed: {Pages} pages, {Ok} checked, {NewErrors} new error flags",
            runId, outcomes.Count, outcomes.Count(o => PageOutcomes.WasChecked(o.Outcome)), newErrors);
        if (newErrors > 0 && !string.IsNullOrWhiteSpace(Options.WebhookUrl))
        {
            jobs.Create(Job.FromExpression<ScanJobs>(j => j.NotifyAsync(runId, CancellationToken.None)), new EnqueuedState("default"));
        }
    }
}
