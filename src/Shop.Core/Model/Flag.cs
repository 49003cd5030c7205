namespace Shop.Core.Model;

/// <summary>A rule that fired for a product. One row per product and rule: a rule that fires again updates it.</summary>
public class Flag
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Rule { get; set; }
    public Severity Severity { get; set; }
    public FlagStatus Status { get; set; }
    public required string Message { get; set; }
    public List<FlagEvidence> Evidence { get; set; } = [];

    /// <summary>Hash of the evidence texts; a dismissal is remembered against it.</summary>
    public required string EvidenceHash { get; set; }
    public string? DismissedEvidenceHash { get; set; }
    public string? DismissReason { get; set; }
    public DateTime? SnoozedUntilUtc { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }

    /// <summary>Optimistic concurrency: two merchandisers acting on one flag at once cannot both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class FlagEvidence
{
    public required string Text { get; set; }
    public EvidenceSource From { get; set; }
}
