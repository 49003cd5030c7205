using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Checking;
using Shop.Jobs.Hosting;
using Shop.Jobs.Scanning;

namespace Shop.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Shop.Benchmarks -- scan [pages]`: a full scan (Hangfire in-memory workers,
/// guarded fetcher, checker, flag sync, snapshots, SQLite file) of N pages served by a loopback supplier with pacing
/// off, against the checker alone over the same pages as files. Memory is sampled as the scan goes.
/// </summary>
public static class ScanBenchmark
{
    public static async Task RunAsync(int pages, int workers)
    {
        var root = Path.Combine(Path.GetTempPath(), $"shop-scanbench-{Guid.NewGuid():N}");
        var pageDir = Path.Combine(root, "pages");
        Directory.CreateDirectory(pageDir);
        var bodies = Enumerable.Range(0, pages).Select(SupplierPage).ToArray();
        for (var i = 0; i < pages; i++) await File.WriteAllBytesAsync(Path.Combine(pageDir, $"p{i}.html"), bodies[i]);
        Console.WriteLine($"{pages:N0} pages, {bodies.Average(b => b.Length) / 1024:0.0} KB on average; {workers} Hangfire workers; {Environment.ProcessorCount} cores");

        // `check DIR` as the command runs it: a whole process over the same files, start-up and JIT included. Its
        // like for like is the first scan of a freshly started process below.
        var (commandElapsed, commandPages) = await CheckCommandAsync(pageDir);
        var commandRate = commandPages / commandElapsed.TotalSeconds;
        Console.WriteLine($"`check DIR` as a whole process: {commandPages:N0} pages, {commandElapsed.TotalSeconds:0.00} s, {commandRate:0} pages/s");

        var listing = new Shop.Core.Checking.Listing { Kind = ProductKind.Roller, NeedleLengthMm = 0.5, IntendedUse = IntendedUse.Home };
        var warmPages = int.TryParse(Environment.GetEnvironmentVariable("SCAN_WARMUP_PAGES"), out var w) ? w : pages;
        await using var supplier = await StartSupplierAsync(bodies);
        var host = await StartHostAsync(Path.Combine(root, "data"), workers);
        try
        {
            // The first scan of this process, before anything else has run the checker: a cold process's figure. It
            // also warms the process up (by default as many pages as the measured scan), so JIT and connection set-up
            // are not in the measured figures: after a 20-page warm-up the runtime was still tiering up EF Core,
            // Hangfire and Kestrel (over 12,000 methods recompiled) through the whole measured scan.
            var warmSupplier = await SeedAsync(host, supplier.Urls.First(), "warm-up", warmPages);
            var warmCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (warmElapsed, _) = await ScanAsync(host, warmSupplier, warmPages, sample: false);
            warmCpu = Process.GetCurrentProcess().TotalProcessorTime - warmCpu;
            var coldRate = warmPages / warmElapsed.TotalSeconds;
            Console.WriteLine($"first scan in a cold process: {warmPages:N0} pages, {warmElapsed.TotalSeconds:0.00} s, " +
                              $"{coldRate:0} pages/s, CPU {warmCpu.TotalMilliseconds / warmPages:0.00} ms per page; " +
                              $"`check DIR` as a process is {commandRate / coldRate:0.00}x as fast");

            // The checker alone over the files, one after another (what `check DIR` does), in this warmed process.
            var checker = PageChecker.Create();
            for (var i = 0; i < Math.Max(50, warmPages); i++) await CheckFileAsync(checker, Path.Combine(pageDir, $"p{i % pages}.html"), listing);
            var checkWatch = Stopwatch.StartNew();
            var checkCpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < pages; i++) await CheckFileAsync(checker, Path.Combine(pageDir, $"p{i}.html"), listing);
            checkWatch.Stop();
            checkCpu = Process.GetCurrentProcess().TotalProcessorTime - checkCpu;
            var checkRate = pages / checkWatch.Elapsed.TotalSeconds;
            Console.WriteLine($"check (files, in this warm process): {checkWatch.Elapsed.TotalSeconds:0.00} s, {checkRate:0} pages/s, CPU {checkCpu.TotalMilliseconds / pages:0.00} ms per page");

            var supplierId = await SeedAsync(host, supplier.Urls.First(), "bench", pages);
            var scanCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var (elapsed, samples) = await ScanAsync(host, supplierId, pages, sample: true);
            scanCpu = Process.GetCurrentProcess().TotalProcessorTime - scanCpu;
            (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
            var scanRate = pages / elapsed.TotalSeconds;
            Console.WriteLine($"scan: {elapsed.TotalSeconds:0.00} s, {scanRate:0} pages/s; a scanned page costs {checkRate / scanRate:0.00}x a checked file " +
                              $"in this process, {commandRate / scanRate:0.00}x a page of `check DIR` as a process");
            // CPU time of the whole process (supplier, workers, the polling loop) per page: steadier than wall-clock when
            // other work shares the cores.
            Console.WriteLine($"scan CPU {scanCpu.TotalMilliseconds / pages:0.00} ms per page: {scanCpu / checkCpu:0.00}x the check's; " +
                              $"{(scanCpu - checkCpu).TotalMilliseconds / pages:0.00} ms more (fetch, records, Hangfire)");
            // Whatever tiering is left is in the CPU figure.
            Console.WriteLine($"JIT during the scan: {jitMethods:N0} methods, {jitTime.TotalMilliseconds:N0} ms ({jitTime.TotalMilliseconds / pages:0.00} ms per page)");
            Console.WriteLine("memory as the scan goes (pages done: managed heap / working set):");
            foreach (var (done, heap, working) in samples) Console.WriteLine($"  {done,6:N0}: {heap / 1048576.0,6:0.0} MB / {working / 1048576.0,6:0.0} MB");
            // Steady state: the same pages again, unchanged (same content hash), so no parse and no writes but the outcome.
            var (again, _) = await ScanAsync(host, supplierId, pages, sample: false);
            Console.WriteLine($"rescan of the unchanged pages: {again.TotalSeconds:0.00} s, {pages / again.TotalSeconds:0} pages/s");
            var outcomes = await host.Services.CreateScope().ServiceProvider.GetRequiredService<ShopDbContext>()
                .ScanPages.Where(p => p.ScanRun!.SupplierId == supplierId).GroupBy(p => p.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine("outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Count}")));
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Runs `Shop.Jobs check --format jsonl DIR` (the build next to this one) and counts its output lines.</summary>
    private static async Task<(TimeSpan Elapsed, int Pages)> CheckCommandAsync(string pageDir)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Shop.Jobs.dll"), "check", "--format", "jsonl", pageDir }) start.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = 0;
        while (await process.StandardOutput.ReadLineAsync() is not null) lines++;
        await process.WaitForExitAsync();
        watch.Stop();
        // Every page must be checked (check-cli.md: 0), else the figure is not the one compared.
        if (process.ExitCode != 0) throw new InvalidOperationException($"check exited with {process.ExitCode}: {await errors}");
        return (watch.Elapsed, lines);
    }

    private static async Task CheckFileAsync(PageChecker checker, string path, Shop.Core.Checking.Listing listing)
    {
        await using var file = File.OpenRead(path);
        await checker.CheckAsync(path, file, "text/html; charset=utf-8", listing, CancellationToken.None);
    }

    private static async Task<(TimeSpan Elapsed, List<(int Done, long Heap, long WorkingSet)> Samples)> ScanAsync(IHost host, int supplierId, int pages, bool sample)
    {
        var samples = new List<(int, long, long)>();
        var watch = Stopwatch.StartNew();
        int runId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            runId = (await scope.ServiceProvider.GetRequiredService<ScanRuns>().StartSupplierScanAsync(supplierId, "benchmark")).Run!.Id;
        }
        var nextSample = pages / 8;
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var run = await db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            var done = await db.ScanPages.CountAsync(p => p.ScanRunId == runId && p.Outcome != null);
            if (sample && done >= nextSample)
            {
                samples.Add((done, GC.GetTotalMemory(false), Process.GetCurrentProcess().WorkingSet64));
                nextSample += pages / 8;
            }
            if (run.Status == ScanStatus.Completed) break;
            await Task.Delay(100);
        }
        watch.Stop();
        return (watch.Elapsed, samples);
    }

    private static async Task<int> SeedAsync(IHost host, string baseUrl, string name, int pages)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var supplier = new Supplier { Name = name, BaseUrl = baseUrl, CreatedUtc = DateTime.UtcNow };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        for (var i = 0; i < pages; i++)
        {
            db.Products.Add(new Product
            {
                Name = $"{name} roller {i}", Slug = $"{name}-{i}", Kind = ProductKind.Roller, NeedleLengthMm = 0.5, IntendedUse = IntendedUse.Home,
                Published = true, SupplierId = supplier.Id, SupplierUrl = $"{baseUrl}/p/{i % 2000}?v={name}{i}",
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        return supplier.Id;
    }

    private static async Task<IHost> StartHostAsync(string dataDirectory, int workers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:DataDirectory"] = dataDirectory,
            ["Jobs:WorkerCount"] = workers.ToString(),
            ["Demo:Enabled"] = "false",
            ["Fetch:AllowedPrivateHosts:0"] = "127.0.0.1",
            ["Fetch:MinDelayPerHostMs"] = "0",
            // SCAN_PAGES_PER_JOB=1 measures the former one job per page.
            ["Scan:PagesPerJob"] = Environment.GetEnvironmentVariable("SCAN_PAGES_PER_JOB"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();
        builder.AddShopCore();
        builder.AddShopJobs();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().MigrateAsync();
        }
        await host.StartAsync();
        return host;
    }

    private static async Task<WebApplication> StartSupplierAsync(byte[][] bodies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /cart\n", "text/plain"));
        app.MapGet("/p/{i:int}", (int i) => Results.Bytes(bodies[i % bodies.Length], "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }

    /// <summary>A realistic product page: JSON-LD, a spec table, bullets, navigation, related products with other
    /// lengths, reviews and scripts. A third are home rollers with too-long needles (flagged).</summary>
    private static byte[] SupplierPage(int i)
    {
        var length = (i % 3) switch { 0 => "1.0", 1 => "0.25", _ => "0.5" };
        var sb = new StringBuilder();
        sb.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Titanium Derma Roller {{length}} mm #{{i}} | Glow Supply</title>
            <meta property="og:title" content="Titanium Derma Roller {{length}} mm">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Titanium Derma Roller {{length}} mm #{{i}}",
            "brand":{"@type":"Brand","name":"Glow"},"sku":"GR-{{i}}","offers":{"@type":"Offer","price":"{{19 + i % 10}}.99","priceCurrency":"USD","availability":"https://schema.org/InStock"} }</script>
            <link rel="stylesheet" href="/assets/theme.css"></head><body>
            <header><nav><ul><li><a href="/">Home</a></li><li><a href="/rollers">Derma rollers</a></li><li><a href="/pens">Microneedling pens</a></li><li><a href="/serums">Serums</a></li></ul></nav></header>
            <main><div class="product"><h1 class="product-title">Titanium Derma Roller {{length}} mm</h1>
            <p class="price">$ {{19 + i % 10}}.99</p>
            <table class="specs"><tr><th>Needle length</th><td>{{length}} mm</td></tr><tr><th>Needle count</th><td>540</td></tr>
            <tr><th>Needle material</th><td>Titanium</td></tr><tr><th>Sterile</th><td>Yes, sterilized by gamma radiation</td></tr></table>
            <ul class="features"><li>Ideal for home use</li><li>Collagen induction for smoother skin</li><li>Comes in a protective case</li></ul>
            <div class="description"><p>Our titanium roller is made for your home skincare routine. Roll gently in each direction.
            Clean with warm water after use and let it dry. Replace every three months.</p></div></div>
            <section class="related"><h2>Customers also bought</h2>
            """);
        foreach (var other in new[] { "1.5", "2.0", "0.75", "3.0" })
        {
            sb.Append($"<div class=\"card\"><a href=\"/p/{i + 1}\">Derma Roller {other} mm</a><span class=\"price\">$24.99</span></div>");
        }
        sb.Append("</section><section class=\"reviews\"><h2>Reviews</h2>");
        for (var r = 0; r < 8; r++)
        {
            sb.Append($"<article class=\"review\"><h3>Great roller ({5 - r % 3} stars)</h3><p>I have used this roller for {r + 2} weeks and my skin feels smoother. " +
                      "The needles are sharp and the handle is comfortable. Delivery was quick and the case keeps it clean.</p></article>");
        }
        sb.Append("</section></main><footer><p>Glow Supply Ltd. Free shipping over $50.</p><ul><li><a href=\"/terms\">Terms</a></li><li><a href=\"/privacy\">Privacy</a></li></ul></footer>");
        sb.Append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>");
        sb.Append(new string(' ', 0)).Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
