namespace Shop.Jobs.Checking;

/// <summary>Caps on one page check (configuration section "Check"); a page over a cap is a named error, not a crash.</summary>
public sealed class CheckOptions
{
    /// <summary>Largest page, after gzip is inflated. Real product pages are 0.1-2 MB.</summary>
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted. Real pages nest 20-60 deep; a parser's work grows with the square
    /// of the depth, so a page nested thousands deep is refused before parsing.</summary>
    public int MaxDepth { get; set; } = 1500;

    /// <summary>Time for parse + extraction of one page.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest JSON-LD block read (bigger ones are skipped, the rest of the page still counts).</summary>
    public int MaxJsonLdChars { get; set; } = 512 * 1024;
}
