using Cronos;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Jobs.Scanning;

/// <summary>Suppliers' cron schedules as Hangfire recurring jobs, with one stable id per supplier.</summary>
public sealed class ScanSchedules(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<ScanOptions> options,
    TimeProvider time, ILogger<ScanSchedules> logger)
{
    public const string SweeperId = "scan-sweeper";

    public static string RecurringId(int supplierId) => $"supplier-scan-{supplierId}";

    /// <summary>Whether a schedule is a 5-field cron expression; the message says what is wrong otherwise.</summary>
    public static bool TryValidateCron(string? schedule, out string? problem) => (problem = SupplierInput.CronProblem(schedule)) is null;

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone) => SupplierInput.TryFindTimeZone(id, out zone);

    /// <summary>Registers, updates or removes one supplier's recurring scan.</summary>
    public void Apply(Supplier supplier)
    {
        var id = RecurringId(supplier.Id);
        if (!supplier.Enabled || string.IsNullOrWhiteSpace(supplier.Schedule) || !TryValidateCron(supplier.Schedule, out _)
            || !TryFindTimeZone(supplier.TimeZone, out var zone))
        {
            recurring.RemoveIfExists(id);
            return;
        }
        var supplierId = supplier.Id;
        recurring.AddOrUpdate(id, Job.FromExpression<ScanJobs>(j => j.ScanSupplierAsync(supplierId, "schedule")),
            supplier.Schedule.Trim(), new RecurringJobOptions
            {
                TimeZone = zone,
                // Runs missed while the shop was down are not fired all at once on start; see CatchUp for the spread.
                MisfireHandling = MisfireHandlingMode.Ignorable,
            });
    }

    /// <summary>At start-up: every supplier's schedule registered again, and a supplier whose scheduled run was missed
    /// while we were down gets one catch-up scan at a random moment within Scan:StartupJitterSeconds.</summary>
    public async Task RegisterAllAsync(ShopDbContext db, CancellationToken ct)
    {
        var suppliers = await db.Suppliers.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var caughtUp = 0;
        foreach (var supplier in suppliers)
        {
            Apply(supplier);
            if (MissedRun(supplier, now))
            {
                var delay = TimeSpan.FromSeconds(Random.Shared.NextDouble() * Math.Max(0, options.Value.StartupJitterSeconds));
                var supplierId = supplier.Id;
                jobs.Schedule<ScanJobs>(j => j.ScanSupplierAsync(supplierId, "catch-up"), delay);
                caughtUp++;
            }
        }
        recurring.AddOrUpdate(SweeperId, Job.FromExpression<ScanJobs>(j => j.SweepAsync(CancellationToken.None)), "*/5 * * * *",
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        logger.LogInformation("Registered scan schedules of {Count} suppliers; {CatchUp} catch-up scans spread over {Jitter} s",
            suppliers.Count(s => s.Enabled && s.Schedule is not null), caughtUp, options.Value.StartupJitterSeconds);
    }

    private static bool MissedRun(Supplier supplier, DateTime now)
    {
        if (!supplier.Enabled || string.IsNullOrWhiteSpace(supplier.Schedule)) return false;
        if (!CronExpression.TryParse(supplier.Schedule.Trim(), CronFormat.Standard, out var cron) || !TryFindTimeZone(supplier.TimeZone, out var zone)) return false;
        var since = DateTime.SpecifyKind(supplier.LastScanUtc ?? supplier.CreatedUtc, DateTimeKind.Utc);
        var next = cron.GetNextOccurrence(since, zone);
        return next is { } due && due < now;
    }
}

/// <summary>
/// Start-up of any process that runs a Hangfire server: resume unfinished runs from our database, register the
/// schedules, and (demo) scan the offline demo supplier once so a fresh install shows real flags.
/// </summary>
public sealed class ScanStartup(IServiceProvider services, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ILogger<ScanStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // After start: the web app migrates and seeds in its own start-up tasks, which must be done first.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var inMemoryStorage = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite;
            // In-memory Hangfire storage died with the last process, and so did every claim on a page.
            await scope.ServiceProvider.GetRequiredService<ScanRuns>().ResumeUnfinishedAsync(releaseClaims: inMemoryStorage, ct);
            await scope.ServiceProvider.GetRequiredService<ScanSchedules>().RegisterAllAsync(db, ct);
            if (configuration.GetValue("Demo:Enabled", inMemoryStorage)) await ScanDemoSupplierOnceAsync(scope.ServiceProvider, db, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Scan start-up tasks failed; schedules and unfinished runs are retried by the sweeper");
        }
    }

    /// <summary>The demo supplier (seeded by the web app's demo catalogue) is scanned once, on the first start.</summary>
    private async Task ScanDemoSupplierOnceAsync(IServiceProvider scoped, ShopDbContext db, CancellationToken ct)
    {
        var name = DemoSupplierName;
        var demo = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);
        if (demo is null || await db.ScanRuns.AnyAsync(r => r.SupplierId == demo.Id, ct)) return;
        var start = await scoped.GetRequiredService<ScanRuns>().StartSupplierScanAsync(demo.Id, "demo first start", ct);
        logger.LogInformation("Demo supplier {Name}: first scan {Run} enqueued", name, start.Run?.Id);
    }

    /// <summary>The name the demo catalogue seeds its supplier under (Shop.Web's DemoCatalogue.SupplierName refers to it).</summary>
    public const string DemoSupplierName = "Lumen Derma Wholesale (demo supplier)";
}
