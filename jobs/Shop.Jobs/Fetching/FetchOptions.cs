namespace Shop.Jobs.Fetching;

/// <summary>Limits of the one guarded fetcher every supplier fetch goes through (configuration section "Fetch").</summary>
public sealed class FetchOptions
{
    /// <summary>Hosts or IPs on private, loopback or link-local networks that fetches may reach (the demo supplier,
    /// tests). Everything else private is refused.</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>Politeness: least time between two requests to one host.</summary>
    public int MinDelayPerHostMs { get; set; } = 1000;
    public int TimeoutSeconds { get; set; } = 20;
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;
}
