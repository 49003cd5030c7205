namespace Shop.Core.Model;

/// <summary>One scan of a supplier (all its products' pages) or of a single product. Lives in our database,
/// not in Hangfire storage, so that an interrupted run can be resumed after a restart.</summary>
public class ScanRun
{
    public int Id { get; set; }
    public int? SupplierId { get; set; }
    public Supplier? Supplier { get; set; }
    public int? ProductId { get; set; }
    public ScanStatus Status { get; set; }
    public required string Trigger { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public int PagesTotal { get; set; }
    public int PagesDone { get; set; }

    /// <summary>Why a run failed (supplier gone or disabled); null otherwise.</summary>
    public string? Error { get; set; }
    public List<ScanPage> Pages { get; set; } = [];
}

public class ScanPage
{
    public int Id { get; set; }
    public int ScanRunId { get; set; }
    public ScanRun? ScanRun { get; set; }
    public int ProductId { get; set; }
    public required string Url { get; set; }

    /// <summary>One of the page outcomes of api.md; null while the page waits.</summary>
    public string? Outcome { get; set; }
    public int? HttpStatus { get; set; }
    public string? Error { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>A worker is on this page until then; a delivery of the same job meanwhile leaves it alone, and a
    /// crashed worker's claim simply expires.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>How many times a worker claimed the page; a page that keeps crashing its worker is given up on.</summary>
    public int Attempts { get; set; }

    /// <summary>What changed in the supplier's facts since the previous snapshot ("needle length 0.25 mm -> 1.0 mm").</summary>
    public string? Changes { get; set; }

    /// <summary>Error flags this page opened or re-opened (for the webhook).</summary>
    public int NewErrorFlags { get; set; }
}

/// <summary>A changed supplier page, compressed, with the facts extracted from it.</summary>
public class PageSnapshot
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public required string Url { get; set; }
    public DateTime FetchedUtc { get; set; }
    public required string ContentHash { get; set; }
    public required byte[] CompressedBody { get; set; }
    public string? ContentType { get; set; }
    public required string FactsJson { get; set; }
}
