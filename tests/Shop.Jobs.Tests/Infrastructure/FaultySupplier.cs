using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.Jobs.Tests.Infrastructure;

/// <summary>
/// A supplier site on real Kestrel at 127.0.0.1 that misbehaves on purpose: every fault of issue 4's list has a path.
/// Pages under /pages/{name} are served from <see cref="Pages"/> so tests can change a page between scans.
/// </summary>
public sealed class FaultySupplier : IAsyncDisposable
{
    public const string RobotsTxt = "User-agent: *\nDisallow: /private\n\nUser-agent: OtherBot\nDisallow: /\n";
    private readonly WebApplication app;
    private int busyCalls;

    public Dictionary<string, (string ContentType, byte[] Body)> Pages { get; } = new();
    public int RequestCount;
    public List<string> WebhookBodies { get; } = [];
    public string? RobotsOverride { get; set; }
    public int? RobotsStatus { get; set; }

    private FaultySupplier(WebApplication app) => this.app = app;

    public Uri BaseUrl => new(app.Urls.First());
    public Uri Url(string path) => new(BaseUrl, path);

    public static async Task<FaultySupplier> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var supplier = new FaultySupplier(app);
        supplier.Map(app);
        await app.StartAsync();
        return supplier;
    }

    public void SetPage(string name, string html, string contentType = "text/html; charset=utf-8") =>
        Pages[name] = (contentType, Encoding.UTF8.GetBytes(html));

    private void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref RequestCount);
            return next(context);
        });
        app.MapGet("/robots.txt", (HttpContext c) => RobotsStatus is { } status
            ? Results.StatusCode(status)
            : Results.Text(RobotsOverride ?? RobotsTxt, "text/plain"));
        app.MapGet("/pages/{name}", async (string name, HttpContext c) =>
        {
            if (!Pages.TryGetValue(name, out var page)) { c.Response.StatusCode = 404; return; }
            var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(page.Body))[..16]}\"";
            if (c.Request.Headers.IfNoneMatch == etag) { c.Response.StatusCode = 304; return; }
            c.Response.Headers.ETag = etag;
            c.Response.ContentType = page.ContentType;
            await c.Response.Body.WriteAsync(page.Body);
        });
        app.MapGet("/slow/{name}", async (string name, CancellationToken ct) =>
        {
            // Long enough for a test to take the page's claim over while it is being fetched, within the fetch timeout.
            await Task.Delay(800, ct);
            return Pages.TryGetValue(name, out var page) ? Results.Bytes(page.Body, page.ContentType) : Results.NotFound();
        });
        app.MapGet("/private/page", () => Results.Content("<html><body><h1>Secret</h1></body></html>", "text/html"));
        app.MapGet("/slow-headers", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Content("<html></html>", "text/html");
        });
        app.MapGet("/drip", async (HttpContext c) =>
        {
            // One byte every two seconds: each read succeeds, so only an overall deadline stops it.
            c.Response.ContentType = "text/html";
            await c.Response.StartAsync();
            for (var i = 0; i < 60 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync("<"u8.ToArray());
                await c.Response.Body.FlushAsync();
                try { await Task.Delay(2000, c.RequestAborted); } catch (OperationCanceledException) { return; }
            }
        });
        app.MapGet("/busy-once", (HttpContext c) =>
        {
            if (Interlocked.Increment(ref busyCalls) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }
            return Results.Content("<html><body><h1>Roller</h1><p>Needle length 0.25 mm</p></body></html>", "text/html");
        });
        app.MapGet("/always-busy", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(503);
        });
        app.MapGet("/server-error", () => Results.StatusCode(500));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/to-private", () => Results.Redirect("http://10.0.0.1/admin"));
        app.MapGet("/gzip-bomb", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(GzipBomb.Value);
        });
        app.MapGet("/huge", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler</p>", 5000)));
            try
            {
                for (long sent = 0; sent < 60L * 1024 * 1024; sent += chunk.Length) await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException) { }
        });
        app.MapGet("/binary", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "application/octet-stream"));
        app.MapGet("/binary-as-html", () => Results.Bytes([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 8, 0, 0], "text/html"));
        app.MapGet("/empty", () => Results.Content("", "text/html"));
        app.MapGet("/js-only", () => Results.Content(
            "<!doctype html><html><head><title>Shop</title><script src=\"/static/app.js\"></script></head><body>" +
            "<div id=\"root\"></div><noscript>You need to enable JavaScript to run this app.</noscript>" +
            "<script>window.__INITIAL_STATE__={\"product\":{\"id\":42}}</script></body></html>", "text/html"));
        app.MapPost("/webhook", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (WebhookBodies) WebhookBodies.Add(body);
            return Results.Ok();
        });
        app.MapGet("/windows-1252", () => Results.Bytes(
            Encoding.Latin1.GetBytes("<html><head><title>Caf\u00e9 roller</title></head><body><h1>Caf\u00e9 roller</h1></body></html>")
                .Select(b => b).Concat(new byte[] { 0x93, 0x94 }).ToArray(),
            "text/html; charset=windows-1252"));
    }

    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)' ');
            for (var i = 0; i < 50; i++) gzip.Write(zeros);
        }
        return output.ToArray();
    });

    /// <summary>A loopback port nobody listens on: connecting is refused.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
