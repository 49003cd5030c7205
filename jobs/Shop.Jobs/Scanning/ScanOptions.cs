namespace Shop.Jobs.Scanning;

/// <summary>Scan runs (configuration section "Scan").</summary>
public sealed class ScanOptions
{
    /// <summary>Snapshots kept per page; older ones are deleted when a newer one is stored.</summary>
    public int SnapshotsPerPage { get; set; } = 10;

    /// <summary>How long a worker may hold one page before another may take it over (a crashed worker).</summary>
    public int PageClaimMinutes { get; set; } = 5;

    /// <summary>Most pages of a supplier run scanned by one Hangfire job (each page still claimed on its own). Small runs
    /// get smaller batches so they still spread over the workers.</summary>
    public int PagesPerJob { get; set; } = 20;

    /// <summary>How often a page may be claimed before it is given up on with the last error.</summary>
    public int MaxPageAttempts { get; set; } = 3;

    /// <summary>The per-supplier lease; renewed as pages finish, so only a stalled run loses it.</summary>
    public int LeaseMinutes { get; set; } = 30;

    /// <summary>Catch-up scans of schedules missed while the shop was down start at a random moment within this.</summary>
    public int StartupJitterSeconds { get; set; } = 300;

    /// <summary>Optional: receives a JSON message when a scan opens new error flags.</summary>
    public string? WebhookUrl { get; set; }
}
