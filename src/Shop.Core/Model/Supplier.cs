namespace Shop.Core.Model;

public class Supplier
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string BaseUrl { get; set; }

    /// <summary>Cron expression (5 fields, Cronos syntax); null means "scan now" only.</summary>
    public string? Schedule { get; set; }

    /// <summary>IANA or Windows time zone id the schedule is read in; UTC when null.</summary>
    public string? TimeZone { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>Consecutive scans in which every page failed; three or more mean it needs attention.</summary>
    public int ConsecutiveFailedScans { get; set; }
    public bool NeedsAttention => ConsecutiveFailedScans >= 3;
    public DateTime? LastScanUtc { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>The per-supplier lease: the run that holds it and until when. One run per supplier at a time, across
    /// all worker processes; an expired lease (a crashed worker) can be taken over. Taken with a
    /// conditional UPDATE, so two processes cannot both win.</summary>
    public int? ScanLeaseRunId { get; set; }
    public DateTime? ScanLeaseUntilUtc { get; set; }

    public List<Product> Products { get; set; } = [];
}

/// <summary>What we know about a product's supplier page between scans: caching validators and the last outcome.</summary>
public class SupplierPage
{
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Url { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public string? ContentHash { get; set; }
    public string? LastOutcome { get; set; }
    public int? LastHttpStatus { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptUtc { get; set; }

    /// <summary>When the page was last actually checked (outcome ok or unchanged).</summary>
    public DateTime? LastCheckedUtc { get; set; }

    /// <summary>The supplier's facts from the last successful check, as check-cli JSON (product + facts).</summary>
    public string? FactsJson { get; set; }
}
