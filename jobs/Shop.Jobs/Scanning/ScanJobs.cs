using System.Net.Http.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Jobs.Scanning;

/// <summary>
/// Hangfire entry points of scanning. They take ids, load what they need and are safe to run twice. Renaming this
/// class, its namespace or these methods breaks jobs already stored: keep them stable.
/// </summary>
public class ScanJobs(ScanRuns runs, PageScanner scanner, ShopDbContext db, IHttpClientFactory http,
    IOptions<ScanOptions> options, ILogger<ScanJobs> logger)
{
    public const string WebhookClient = "scan-webhook";

    /// <summary>A supplier's scheduled (or caught-up) scan.</summary>
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [30])]
    public async Task ScanSupplierAsync(int supplierId, string trigger)
    {
        var enabled = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => (bool?)s.Enabled).FirstOrDefaultAsync();
        if (enabled != true) return; // gone or disabled since the schedule was registered
        if (trigger == "catch-up")
        {
            // Every worker process schedules a catch-up at start; the first one to run is enough.
            var recent = DateTime.UtcNow.AddSeconds(-2 * Math.Max(60, options.Value.StartupJitterSeconds));
            if (await db.ScanRuns.AnyAsync(r => r.SupplierId == supplierId && r.ProductId == null && r.CreatedUtc > recent)) return;
        }
        await runs.StartSupplierScanAsync(supplierId, trigger);
    }

    /// <summary>One page of a run. Fetch failures are outcomes, not exceptions; only unexpected errors (a locked
    /// database) are retried, a few times with backoff.</summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task ScanPageAsync(int scanRunId, int productId, CancellationToken cancellationToken) =>
        scanner.ScanAsync(scanRunId, productId, cancellationToken);

    /// <summary>Several pages of a run, one after another in this job, each claimed, recorded and counted on its own
    /// exactly as <see cref="ScanPageAsync"/> does. A page that fails unexpectedly does not stop the others; the job then
    /// fails so Hangfire retries it, and the retry skips the pages that have their outcome.</summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task ScanPagesAsync(int scanRunId, int[] productIds, CancellationToken cancellationToken) =>
        scanner.ScanBatchAsync(scanRunId, productIds, cancellationToken);

    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30])]
    public Task FinishRunAsync(int scanRunId, CancellationToken cancellationToken) =>
        scanner.FinishIfDoneAsync(scanRunId, cancellationToken);

    /// <summary>Picks up pages whose worker vanished (claims expired) and pages Hangfire gave up on.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => runs.ResumeUnfinishedAsync(releaseClaims: false, cancellationToken);

    /// <summary>Tells the configured webhook that a scan opened new error flags.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public async Task NotifyAsync(int scanRunId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.WebhookUrl)) return;
        var run = await db.ScanRuns.AsNoTracking().Include(r => r.Supplier).FirstOrDefaultAsync(r => r.Id == scanRunId, cancellationToken);
        if (run is null) return;
        var products = await db.ScanPages.AsNoTracking().Where(p => p.ScanRunId == scanRunId && p.NewErrorFlags > 0)
            .Select(p => p.ProductId).ToListAsync(cancellationToken);
        var flags = await db.Flags.AsNoTracking()
            .Where(f => products.Contains(f.ProductId) && f.Status == FlagStatus.Open && f.Severity == Severity.Error)
            .Select(f => new { f.Id, f.ProductId, Product = f.Product!.Name, f.Rule, f.Message })
            .ToListAsync(cancellationToken);
        var message = new
        {
            @event = "scan.new-error-flags",
            scanRunId,
            supplierId = run.SupplierId,
            supplier = run.Supplier?.Name,
            newErrorFlags = flags.Count,
            flags,
            link = $"/Admin/Scans/Details/{scanRunId}",
        };
        // The URL is the operator's own configuration, not supplier input, so it does not go through the guarded fetcher.
        var client = http.CreateClient(WebhookClient);
        using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, message, cancellationToken);
        response.EnsureSuccessStatusCode();
        logger.LogInformation("Webhook told of {Count} new error flags from scan run {Run}", flags.Count, scanRunId);
    }
}
