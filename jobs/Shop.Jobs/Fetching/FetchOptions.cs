namespace Shop.Jobs.Fetching;

/// <summary>Limits of the one guarded fetcher every supplier fetch goes through (configuration section "Fetch").</summary>
public sealed class FetchOptions
{
    /// <summary>Hosts or IPs on private, loopback or link-local networks that fetches may reach (the demo supplier,
    /// tests). Everything else private is refused.</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>Politeness: least time between two requests to one host.</summary>
    public int MinDelayPerHostMs { get; set; } = 1000;

    /// <summary>One attempt, headers and whole body: a server dripping a byte every few seconds is cut off by it.
    /// A double so tests can use fractions of a second.</summary>
    public double TimeoutSeconds { get; set; } = 20;

    /// <summary>Everything one page costs: robots.txt, redirects, Retry-After waits and retries.</summary>
    public double TotalTimeoutSeconds { get; set; } = 90;
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Retries of one request, only for 429/503 (after Retry-After) and 502/504; never for other failures.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited for: the page ends as http-error and the next scan tries again.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>Wait before retrying a 502/504 or a 429/503 that gave no Retry-After.</summary>
    public int RetryBackoffMs { get; set; } = 2000;
    public int RobotsCacheMinutes { get; set; } = 60;

    /// <summary>The product token robots.txt groups are matched against.</summary>
    public string RobotsToken { get; set; } = "ShopBot";

    /// <summary>Honest: names the shop and where a supplier learns what we fetch and how to reach us.</summary>
    public string UserAgent { get; set; } = "ShopBot/1.0 (+https://shop.example/about/scanner; product safety checks)";
}
