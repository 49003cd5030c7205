using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shop.Core.Checking;
using Shop.Core.Model;
using Shop.Jobs.Fetching;

namespace Shop.Jobs.Checking;

/// <summary>`check [options] PATH...`: ../shared/spec/check-cli.md. Same PageChecker as the scans.</summary>
public static class CheckCommand
{
    public const string Usage = """
        usage: check [options] PATH...
          PATH                    an .html/.htm file (optionally .html.gz), a directory (every such file below it,
                                  in ordinal path order), or - for standard input
          --url URL               fetch one page through the guarded fetcher and check it
          --listing FILE.json     the shop's listing of the product (evaluates the catalogue-* rules)
          --format text|jsonl     output format (default text)
          --fail-on none|info|warning|error
                                  exit 3 when a flag of this severity or higher is raised (default none)
        exit status: 0 checked, 1 an input could not be checked, 2 usage error, 3 --fail-on met
        """;

    private static readonly JsonSerializerOptions Jsonl = new(Words.Json) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>Fetches a URL through the guarded fetcher and checks it; null while no fetcher is wired.</summary>
    public delegate Task<CheckResult> UrlChecker(string url, Listing? listing, CancellationToken ct);

    /// <summary>--url through the same guarded fetcher as the scans (address guard, robots.txt, caps); a failed fetch
    /// is a failed check with the fetch outcome as its reason.</summary>
    public static UrlChecker ThroughFetcher(GuardedFetcher fetcher, PageChecker checker) => async (url, listing, ct) =>
    {
        var fetched = await fetcher.FetchAsync(new FetchRequest(new Uri(url)), ct);
        if (!fetched.IsOk) return CheckResult.Failed(url, $"{fetched.Outcome}: {fetched.Error ?? $"HTTP {fetched.HttpStatus}"}".ReplaceLineEndings(" "));
        using var body = new MemoryStream(fetched.Body!, writable: false);
        return await checker.CheckAsync(url, body, fetched.ContentType, listing, ct);
    };

    public sealed record Arguments(List<string> Paths, List<string> Urls, string? ListingFile, bool Jsonl, Severity? FailOn);

    public static async Task<int> RunAsync(string[] args, PageChecker checker, UrlChecker? urlChecker, Stream stdin,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }
        if (Parse(args, out var error) is not { } parsed)
        {
            await stderr.WriteLineAsync($"check: {error}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        Listing? listing = null;
        if (parsed.ListingFile is { } listingFile)
        {
            try
            {
                await using var file = File.OpenRead(listingFile);
                listing = await JsonSerializer.DeserializeAsync<Listing>(file, Words.Json, ct) ?? throw new JsonException("the file holds null");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"check: cannot read listing {listingFile}: {e.Message.ReplaceLineEndings(" ")}");
                await stderr.WriteLineAsync(Usage);
                return 2;
            }
        }
        if (parsed.Urls.Count > 0 && urlChecker is null)
        {
            await stderr.WriteLineAsync("check: --url needs the guarded fetcher, which is not available here; save the page and check the file");
            return 2;
        }

        int failed = 0, checkedCount = 0;
        var worst = (Severity?)null;
        var counts = new int[3];
        async Task Report(CheckResult result)
        {
            if (result.Ok) checkedCount++; else failed++;
            foreach (var flag in result.Flags)
            {
                counts[(int)flag.Severity]++;
                if (worst is null || flag.Severity > worst) worst = flag.Severity;
            }
            if (parsed.Jsonl) await stdout.WriteLineAsync(JsonSerializer.Serialize(result, Jsonl));
            else await WriteText(stdout, result);
        }

        foreach (var url in parsed.Urls)
        {
            CheckResult result;
            try
            {
                result = await urlChecker!(url, listing, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                result = CheckResult.Failed(url, $"fetch failed: {e.Message.ReplaceLineEndings(" ")}");
            }
            await Report(result);
        }
        foreach (var path in parsed.Paths)
        {
            if (path == "-")
            {
                await Report(await checker.CheckAsync("-", stdin, null, listing, ct));
                continue;
            }
            foreach (var file in Expand(path))
            {
                await Report(await CheckFileAsync(checker, file, listing, ct));
            }
        }
        if (!parsed.Jsonl)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{checkedCount} checked, {failed} could not be checked; {counts[2]} error, {counts[1]} warning, {counts[0]} info flags"));
        }
        if (failed > 0) return 1;
        if (parsed.FailOn is { } threshold && worst is { } w && w >= threshold) return 3;
        return 0;
    }

    internal static Arguments? Parse(string[] args, out string? error)
    {
        error = null;
        var paths = new List<string>();
        var urls = new List<string>();
        string? listing = null, format = "text", failOn = "none";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                inline = arg[(arg.IndexOf('=') + 1)..];
                arg = arg[..arg.IndexOf('=')];
            }
            string? Value()
            {
                if (inline is not null) return inline;
                if (i + 1 < args.Length) return args[++i];
                return null;
            }
            switch (arg)
            {
                case "--url":
                    if (Value() is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    {
                        error = "--url needs an http or https URL";
                        return null;
                    }
                    urls.Add(url);
                    break;
                case "--listing":
                    listing = Value();
                    if (listing is null) { error = "--listing needs a file"; return null; }
                    break;
                case "--format":
                    format = Value();
                    if (format is not ("text" or "jsonl")) { error = $"--format must be text or jsonl, not '{format}'"; return null; }
                    break;
                case "--fail-on":
                    failOn = Value();
                    if (failOn is not ("none" or "info" or "warning" or "error")) { error = $"--fail-on must be none, info, warning or error, not '{failOn}'"; return null; }
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('-') && arg != "-"))
                    {
                        error = $"unknown option {arg}";
                        return null;
                    }
                    paths.Add(arg);
                    break;
            }
        }
        if (paths.Count == 0 && urls.Count == 0)
        {
            error = "no input: give a PATH, - or --url";
            return null;
        }
        if (paths.Count(p => p == "-") > 1)
        {
            error = "standard input (-) can be given once";
            return null;
        }
        return new Arguments(paths, urls, listing, format == "jsonl", failOn == "none" ? null : Words.Parse<Severity>(failOn!));
    }

    private static bool IsPage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file as itself; a directory as every page file below it, in ordinal path order.</summary>
    internal static IEnumerable<string> Expand(string path)
    {
        if (!Directory.Exists(path)) return [path];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(path, "*", options).Where(IsPage).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<CheckResult> CheckFileAsync(PageChecker checker, string file, Listing? listing, CancellationToken ct)
    {
        Stream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message.ReplaceLineEndings(" ");
            return CheckResult.Failed(file, reason);
        }
        await using (stream)
        {
            if (stream.Length > checker.Options.MaxBytes && !file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return CheckResult.Failed(file, $"page is larger than the {PageBytes.Size(checker.Options.MaxBytes)} cap");
            }
            return await checker.CheckAsync(file, stream, null, listing, ct);
        }
    }

    private static async Task WriteText(TextWriter o, CheckResult r)
    {
        if (!r.Ok)
        {
            await o.WriteLineAsync($"{r.Source}: cannot check: {r.Error}");
            return;
        }
        var p = r.Product!;
        var f = r.Facts!;
        var parts = new List<string> { p.Kind?.ToWord() ?? "kind unknown" };
        if (p.Name is not null) parts.Add($"\"{p.Name}\"");
        if (p.Price is not null) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Price:0.00} {p.Currency}").Trim());
        if (f.NeedleLengthsMm.Count > 0) parts.Add("needles " + string.Join("/", f.NeedleLengthsMm.Select(v => v.ToString("0.0##", CultureInfo.InvariantCulture))) + " mm");
        if (f.IntendedUse is { } use) parts.Add(use.ToWord() + " use");
        if (f.SingleUse is { } single) parts.Add(single ? "single-use" : "reusable");
        parts.Add(f.Sterility.ToWord() + (f.SterilizationMethod is { } m ? $" ({m.ToWord()})" : ""));
        await o.WriteLineAsync($"{r.Source}: {string.Join(" · ", parts)}");
        if (r.Flags.Count == 0) await o.WriteLineAsync("  no flags");
        foreach (var flag in r.Flags.OrderByDescending(x => x.Severity))
        {
            await o.WriteLineAsync($"  {flag.Severity.ToWord().ToUpperInvariant(),-8}{flag.Rule}: {flag.Message}");
            foreach (var e in flag.Evidence) await o.WriteLineAsync($"          {e.From.ToWord()}: \"{e.Text}\"");
        }
    }
}
