using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Model;

namespace Shop.Jobs.Fetching;

/// <summary>A supplier page to fetch, with what we remember of it for a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, string? PreviousContentHash = null);

/// <summary>What a fetch ended in: one of <see cref="PageOutcomes"/>; a body only when the outcome is ok.</summary>
public sealed class FetchResult
{
    public required string Outcome { get; init; }

    /// <summary>The URL of the last hop (after redirects).</summary>
    public required Uri Url { get; init; }
    public int? HttpStatus { get; init; }
    public string? Error { get; init; }
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header as the supplier sent it, charset included, for the parser to honour.</summary>
    public string? ContentType { get; init; }
    public string? Charset { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? ContentHash { get; init; }

    public bool IsOk => Outcome == PageOutcomes.Ok;
}

/// <summary>
/// The one way the shop fetches a supplier page (scan jobs and `check --url`). Redirects are followed by hand so each
/// hop is re-checked (robots.txt, the SSRF guard at connect time); one request at a time per host with a delay between;
/// a per-attempt timeout covering headers and body (a slow drip is cut off) inside a total one; a byte cap on the
/// decompressed body; only 429/503 (after Retry-After) and 502/504 are retried, a few times.
/// </summary>
public sealed class GuardedFetcher
{
    public const string ClientName = "supplier-pages";
    private static readonly TimeSpan UnreachableRobotsCacheTime = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory clients;
    private readonly FetchOptions options;
    private readonly AddressGuard guard;
    private readonly HostPacer pacer;
    private readonly TimeProvider time;
    private readonly ILogger<GuardedFetcher> logger;
    private readonly ConcurrentDictionary<string, RobotsEntry> robotsCache = new(StringComparer.OrdinalIgnoreCase);

    public GuardedFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, HostPacer pacer, TimeProvider time,
        ILogger<GuardedFetcher> logger)
    {
        this.clients = clients;
        this.options = options.Value;
        guard = new AddressGuard(this.options.AllowedPrivateHosts);
        this.pacer = pacer;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The primary handler of the supplier client: no proxy (it would connect for us, unchecked), no cookies,
    /// no automatic redirects, decompression on (the byte cap counts decompressed bytes), and a connect callback that
    /// refuses non-public addresses.</summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options)
    {
        var guard = new AddressGuard(options.AllowedPrivateHosts);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(options.TimeoutSeconds, 10)),
            MaxConnectionsPerServer = 4,
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(host, ct);
                // Every answer is judged, not just the first: a name resolving to one public and one private address is refused.
                foreach (var address in addresses)
                {
                    if (guard.Refuses(host, address)) throw new BlockedAddressException(host, address);
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct = default)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
        total.CancelAfter(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        var url = request.Url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (EarlyRefusal(url) is { } refused) return refused;
                var robots = await GetRobotsAsync(url, total.Token);
                if (robots.Failure is { } failure)
                {
                    return Result(failure.Outcome, url, failure.HttpStatus, $"{failure.Error} (asking {url.Authority} for robots.txt)");
                }
                if (!robots.Rules.IsAllowed(url))
                {
                    return Result(PageOutcomes.RobotsDisallowed, url, error: $"robots.txt of {url.Authority} disallows {url.AbsolutePath} for {options.RobotsToken}.");
                }

                var attempt = await SendAsync(url, hop == 0 ? request : null, options.MaxRetries, truncateAtCap: null, total.Token);
                if (attempt.RedirectTo is null) return attempt.Result!;
                if (hop >= options.MaxRedirects)
                {
                    return Result(PageOutcomes.TooManyRedirects, url, attempt.Status, $"More than {options.MaxRedirects} redirects.");
                }
                url = attempt.RedirectTo;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(PageOutcomes.Timeout, url, error: $"No complete answer within {options.TotalTimeoutSeconds} s in total.");
        }
    }

    private FetchResult? EarlyRefusal(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return Result(PageOutcomes.BlockedAddress, url, error: "Only http and https addresses are fetched.");
        }
        // An address literal is refused before anything is sent, robots.txt included; names are judged at connect time.
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && guard.Refuses(url.IdnHost, literal))
        {
            return Result(PageOutcomes.BlockedAddress, url, error: new BlockedAddressException(url.IdnHost, literal).Message);
        }
        return null;
    }

    private sealed record Attempt(FetchResult? Result, Uri? RedirectTo = null, int? Status = null);

    /// <summary>One request, retried only where the server asked for it (429/503) or a gateway hiccuped (502/504).</summary>
    private async Task<Attempt> SendAsync(Uri url, FetchRequest? conditional, int maxRetries, int? truncateAtCap, CancellationToken total)
    {
        var client = clients.CreateClient(ClientName);
        var minDelay = TimeSpan.FromMilliseconds(options.MinDelayPerHostMs);
        for (var attemptNumber = 0; ; attemptNumber++)
        {
            var turn = await pacer.WaitTurnAsync(url.Authority, minDelay, total);
            using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(total);
            perAttempt.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                message.Headers.Accept.ParseAdd(truncateAtCap is null ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" : "text/plain,*/*;q=0.5");
                if (conditional?.ETag is { } etag) message.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (conditional?.LastModified is { } lastModified) message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);

                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, perAttempt.Token);
                var status = (int)response.StatusCode;

                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return new(Result(PageOutcomes.HttpError, url, status, "Redirect without a Location header."));
                    }
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    return new(null, next, status);
                }
                if (status == 304 && conditional is not null)
                {
                    return new(Result(PageOutcomes.Unchanged, url, status, etag: conditional.ETag, lastModified: conditional.LastModified));
                }
                if (status is 429 or 502 or 503 or 504 && attemptNumber < maxRetries)
                {
                    var retryAfter = RetryAfter(response) ?? TimeSpan.FromMilliseconds(options.RetryBackoffMs * (1 << attemptNumber));
                    if (retryAfter <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds))
                    {
                        logger.LogInformation("{Url} answered {Status}; retrying in {Wait}", url, status, retryAfter);
                        turn.BackOff(retryAfter);
                        continue;
                    }
                }
                if (status >= 300)
                {
                    return new(Result(PageOutcomes.HttpError, url, status, $"The server answered {status} {response.ReasonPhrase}."));
                }
                return new(await ReadBodyAsync(url, response, conditional, truncateAtCap, perAttempt.Token));
            }
            catch (Exception e) when (perAttempt.IsCancellationRequested && !total.IsCancellationRequested)
            {
                logger.LogDebug(e, "{Url} timed out", url);
                return new(Result(PageOutcomes.Timeout, url, error: $"No complete answer within {options.TimeoutSeconds} s."));
            }
            catch (HttpRequestException e) when (FindBlocked(e) is { } blocked)
            {
                return new(Result(PageOutcomes.BlockedAddress, url, error: blocked.Message));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException && !total.IsCancellationRequested)
            {
                return new(Result(PageOutcomes.NetworkError, url, error: Describe(e)));
            }
            finally
            {
                turn.Dispose();
            }
        }
    }

    private async Task<FetchResult> ReadBodyAsync(Uri url, HttpResponseMessage response, FetchRequest? conditional, int? truncateAtCap, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType;
        var mediaType = contentType?.MediaType?.ToLowerInvariant();
        if (truncateAtCap is null && mediaType is not null && mediaType is not ("text/html" or "application/xhtml+xml"))
        {
            return Result(PageOutcomes.NotHtml, url, status, $"The page is {mediaType}, not HTML.");
        }
        var cap = truncateAtCap ?? options.MaxBytes;
        if (truncateAtCap is null && response.Content.Headers.ContentLength > cap)
        {
            return Result(PageOutcomes.TooLarge, url, status, $"The page is {response.Content.Headers.ContentLength} bytes; the limit is {cap}.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var body = new MemoryStream((int)Math.Min(response.Content.Headers.ContentLength ?? 64 * 1024, cap));
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > cap)
                {
                    if (truncateAtCap is not null)
                    {
                        body.Write(buffer, 0, (int)(cap - body.Length));
                        break;
                    }
                    // Counted after decompression: a small gzip bomb ends here, not in memory.
                    return Result(PageOutcomes.TooLarge, url, status, $"The page is larger than {cap} bytes (decompressed).");
                }
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var bytes = body.ToArray();
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (truncateAtCap is null)
        {
            if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return Result(PageOutcomes.NoContent, url, status, "The page is empty.");
            }
            if (LooksBinary(bytes))
            {
                return Result(PageOutcomes.NotHtml, url, status, "The page is binary, not HTML.");
            }
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (conditional?.PreviousContentHash is { } previous && previous == hash)
        {
            return Result(PageOutcomes.Unchanged, url, status, etag: etag, lastModified: lastModified, hash: hash);
        }
        return new FetchResult
        {
            Outcome = PageOutcomes.Ok,
            Url = url,
            HttpStatus = status,
            Body = bytes,
            ContentType = contentType?.ToString(),
            Charset = contentType?.CharSet?.Trim('"'),
            ETag = etag,
            LastModified = lastModified,
            ContentHash = hash,
        };
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        // UTF-16 pages start with a byte order mark and legitimately contain NULs.
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return false;
        return head.IndexOf((byte)0) >= 0;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static BlockedAddressException? FindBlocked(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is BlockedAddressException blocked) return blocked;
        }
        return null;
    }

    private static string Describe(Exception e)
    {
        var message = e is HttpRequestException { HttpRequestError: var kind } && kind != HttpRequestError.Unknown
            ? $"{kind}: {e.Message}"
            : e.Message;
        if (e.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal)) message += $" ({inner.Message})";
        return message.Length <= 500 ? message : message[..500];
    }

    private static FetchResult Result(string outcome, Uri url, int? status = null, string? error = null,
        string? etag = null, string? lastModified = null, string? hash = null) => new()
    {
        Outcome = outcome, Url = url, HttpStatus = status, Error = error, ETag = etag, LastModified = lastModified, ContentHash = hash,
    };

    // robots.txt ----------------------------------------------------------------------------------------------------

    /// <summary>The rules, or why the host could not be asked (blocked address, network error, timeout): then the page
    /// ends in that outcome rather than in robots-disallowed.</summary>
    private sealed record RobotsAnswer(RobotsRules Rules, FetchResult? Failure = null);

    private sealed class RobotsEntry
    {
        public readonly Lazy<Task<RobotsAnswer>> Answer;
        public DateTimeOffset Expires = DateTimeOffset.MaxValue;

        public RobotsEntry(Func<RobotsEntry, Task<RobotsAnswer>> fetch) => Answer = new(() => fetch(this));
    }

    private async Task<RobotsAnswer> GetRobotsAsync(Uri url, CancellationToken ct)
    {
        var origin = $"{url.Scheme}://{url.Authority}";
        var now = time.GetUtcNow();
        var entry = robotsCache.AddOrUpdate(origin,
            _ => new RobotsEntry(e => FetchRobotsAsync(origin, e, ct)),
            (_, old) => old.Expires > now ? old : new RobotsEntry(e => FetchRobotsAsync(origin, e, ct)));
        try
        {
            return await entry.Answer.Value.WaitAsync(ct);
        }
        catch
        {
            // A robots fetch cancelled with its first caller must not be served to everyone after it.
            robotsCache.TryRemove(new KeyValuePair<string, RobotsEntry>(origin, entry));
            throw;
        }
    }

    private async Task<RobotsAnswer> FetchRobotsAsync(string origin, RobotsEntry entry, CancellationToken ct)
    {
        var url = new Uri(origin + "/robots.txt");
        var answer = await FetchRobotsUncachedAsync(url, ct);
        var unreachable = answer.Failure is not null || ReferenceEquals(answer.Rules, RobotsRules.DisallowAll);
        entry.Expires = time.GetUtcNow() + (unreachable ? UnreachableRobotsCacheTime : TimeSpan.FromMinutes(options.RobotsCacheMinutes));
        return answer;
    }

    private async Task<RobotsAnswer> FetchRobotsUncachedAsync(Uri url, CancellationToken ct)
    {
        // RFC 9309: follow at least five redirects; beyond that the file counts as unavailable (allow).
        for (var hop = 0; hop <= 5; hop++)
        {
            if (EarlyRefusal(url) is { } refused) return new(RobotsRules.DisallowAll, refused);
            var attempt = await SendAsync(url, null, maxRetries: 0, truncateAtCap: RobotsRules.MaxParsedBytes, ct);
            if (attempt.RedirectTo is { } next)
            {
                url = next;
                continue;
            }
            var result = attempt.Result!;
            switch (result.Outcome)
            {
                case PageOutcomes.Ok or PageOutcomes.Unchanged:
                    return new(RobotsRules.Parse(Encoding.UTF8.GetString(result.Body ?? []), options.RobotsToken));
                case PageOutcomes.BlockedAddress or PageOutcomes.NetworkError or PageOutcomes.Timeout:
                    return new(RobotsRules.DisallowAll, result);
                case PageOutcomes.HttpError when result.HttpStatus is >= 400 and < 500 and not 429:
                    return new(RobotsRules.AllowAll);   // 4xx: no robots.txt, everything allowed
                default:
                    // 5xx and 429: the server is there but its rules are unknown, so nothing may be fetched for now.
                    logger.LogInformation("robots.txt at {Url} unreachable ({Outcome} {Status}); not fetching from that host for now",
                        url, result.Outcome, result.HttpStatus);
                    return new(RobotsRules.DisallowAll);
            }
        }
        return new(RobotsRules.AllowAll);
    }
}
