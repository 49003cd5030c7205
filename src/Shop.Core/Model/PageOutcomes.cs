namespace Shop.Core.Model;

/// <summary>The page outcomes of api.md, exactly as the spec spells them. Only ok and unchanged mean "checked".</summary>
public static class PageOutcomes
{
    public const string Ok = "ok";
    public const string Unchanged = "unchanged";
    public const string RobotsDisallowed = "robots-disallowed";
    public const string HttpError = "http-error";
    public const string Timeout = "timeout";
    public const string TooLarge = "too-large";
    public const string NotHtml = "not-html";
    public const string BlockedAddress = "blocked-address";
    public const string TooManyRedirects = "too-many-redirects";
    public const string NetworkError = "network-error";
    public const string NoContent = "no-content";
    public const string ParseFailed = "parse-failed";

    public static readonly IReadOnlyList<string> All =
    [
        Ok, Unchanged, RobotsDisallowed, HttpError, Timeout, TooLarge, NotHtml, BlockedAddress, TooManyRedirects,
        NetworkError, NoContent, ParseFailed,
    ];

    public static bool WasChecked(string? outcome) => outcome is Ok or Unchanged;
}
