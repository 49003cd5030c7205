using System.Text;
using System.Text.Json.Serialization;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Io;
using Microsoft.Extensions.Options;
using Shop.Core.Checking;
using Shop.Core.Rules;

namespace Shop.Jobs.Checking;

/// <summary>A check's result with the extraction kept for storage (the rules can run again on it later).</summary>
public sealed class PageCheck
{
    public required CheckResult Result { get; init; }

    [JsonIgnore]
    public ExtractedPage? Page { get; init; }
}

/// <summary>The one path from a supplier page's bytes to facts and flags, used by the `check` command and by the
/// background scans. Singleton: one shared AngleSharp configuration (no loader: nothing is fetched from a page).</summary>
public sealed class PageChecker
{
    static PageChecker()
    {
        // windows-1252, iso-8859-x, shift_jis...: pages declare them and .NET Core ships them only through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default);
    private readonly IOptionsMonitor<CheckOptions> _options;
    private readonly IOptionsMonitor<RuleThresholds> _thresholds;

    public PageChecker(IOptionsMonitor<CheckOptions> options, IOptionsMonitor<RuleThresholds> thresholds)
    {
        _options = options;
        _thresholds = thresholds;
    }

    /// <summary>For tests and tools without a host.</summary>
    public static PageChecker Create(CheckOptions? options = null, RuleThresholds? thresholds = null) =>
        new(new FixedOptions<CheckOptions>(options ?? new CheckOptions()), new FixedOptions<RuleThresholds>(thresholds ?? new RuleThresholds()));

    public CheckOptions Options => _options.CurrentValue;
    public RuleThresholds Thresholds => _thresholds.CurrentValue;

    /// <summary>Checks one page. Never throws for bad input: the result is then ok:false with a one-line reason.</summary>
    public async Task<CheckResult> CheckAsync(string source, Stream body, string? contentType, Listing? listing, CancellationToken ct) =>
        (await CheckPageAsync(source, body, contentType, listing, ct)).Result;

    public async Task<PageCheck> CheckPageAsync(string source, Stream body, string? contentType, Listing? listing, CancellationToken ct)
    {
        var options = _options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            var bytes = await PageBytes.ReadAsync(body, options.MaxBytes, timeout.Token);
            PageBytes.Screen(bytes, contentType, options.MaxDepth);
            var page = await ExtractAsync(bytes, source, contentType, options, timeout.Token);
            return new PageCheck { Result = Evaluate(source, page, listing), Page = page };
        }
        catch (PageRejectedException rejected)
        {
            return new PageCheck { Result = CheckResult.Failed(source, rejected.Message) };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PageCheck { Result = CheckResult.Failed(source, $"check took longer than the {options.TimeoutSeconds} s cap") };
        }
        catch (IOException io)
        {
            return new PageCheck { Result = CheckResult.Failed(source, $"could not read the page: {OneLine(io.Message)}") };
        }
    }

    /// <summary>Runs the rules again on a stored extraction (after a listing edit), without the page.</summary>
    public CheckResult Evaluate(string source, ExtractedPage page, Listing? listing) => new()
    {
        Source = source,
        Ok = true,
        Product = page.Product,
        Facts = page.Facts,
        Flags = RuleEngine.Evaluate(page, listing, _thresholds.CurrentValue).ToList(),
    };

    // A page this small parses in milliseconds (AngleSharp's parse is linear; depth is screened before it), far inside
    // any time cap: it is parsed on the caller's thread, saving a hop to the thread pool and back for every page.
    private const int InlineParseMaxBytes = 256 * 1024;

    private async Task<ExtractedPage> ExtractAsync(byte[] bytes, string source, string? contentType, CheckOptions options, CancellationToken ct)
    {
        // Not disposed here: an abandoned parse may still read it (a MemoryStream over an array holds nothing to release).
        var stream = new MemoryStream(bytes, writable: false);
        var address = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : "http://localhost/";
        Task<IDocument> Open() => _context.OpenAsync(response =>
        {
            response.Content(stream).Address(address);
            if (!string.IsNullOrWhiteSpace(contentType)) response.Header(HeaderNames.ContentType, contentType);
        }, ct);
        IDocument document;
        if (bytes.Length <= InlineParseMaxBytes)
        {
            document = await Open();
        }
        else
        {
            // AngleSharp parses a page in memory synchronously and does not look at the token mid-parse, so a page that
            // parses slowly would overrun the time cap. The caller stops waiting at the cap instead; the abandoned parse
            // is bounded by the byte cap, and its document is disposed when it ends.
            var parsing = Task.Run(Open, ct);
            try
            {
                document = await parsing.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                _ = parsing.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
        }
        using (document)
        {
            ct.ThrowIfCancellationRequested();
            return PageExtractor.Extract(document, options, ct);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
