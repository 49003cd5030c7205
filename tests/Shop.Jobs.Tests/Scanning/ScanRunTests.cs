using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Checking;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;
using Shop.Jobs.Tests.Infrastructure;

namespace Shop.Jobs.Tests.Scanning;

/// <summary>Scan runs end to end: real Hangfire (in-memory) workers, real SQLite file, the guarded fetcher against a
/// misbehaving Kestrel supplier on loopback, and the real checker.</summary>
[Collection("scans")]
public sealed class ScanRunTests : IAsyncLifetime
{
    public const string HomeRoller1mm = """
        <!doctype html><html><head><title>Titanium Derma Roller 1.0 mm</title></head><body>
        <nav><a href="/">Home</a> <a href="/rollers">Rollers</a></nav>
        <h1>Titanium Derma Roller 1.0 mm</h1>
        <p class="price">$19.99</p>
        <table class="specs"><tr><th>Needle length</th><td>1.0 mm</td></tr><tr><th>Needle count</th><td>540</td></tr>
        <tr><th>Material</th><td>Titanium</td></tr></table>
        <p>Perfect for home use: use it at home twice a week.</p>
        </body></html>
        """;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-scans-{Guid.NewGuid():N}");
    private FaultySupplier supplier = null!;
    private readonly List<ScanHost> hosts = [];

    public async Task InitializeAsync() => supplier = await FaultySupplier.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        await supplier.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task<ScanHost> HostAsync(bool runServer = true, IDictionary<string, string?>? settings = null)
    {
        var host = await ScanHost.StartAsync(dataDirectory, runServer, settings);
        hosts.Add(host);
        return host;
    }

    private async Task StopAsync(ScanHost host)
    {
        hosts.Remove(host);
        await host.DisposeAsync();
    }

    private static Task<int> SeedSupplierAsync(ScanHost host, string name, params string[] urls) => host.DbAsync(async db =>
    {
        var s = new Supplier { Name = name, BaseUrl = "http://127.0.0.1/", CreatedUtc = DateTime.UtcNow };
        db.Suppliers.Add(s);
        await db.SaveChangesAsync();
        var i = 0;
        foreach (var url in urls)
        {
            db.Products.Add(new Product
            {
                Name = $"{name} product {i}", Slug = $"{name.ToLowerInvariant().Replace(' ', '-')}-{i++}", Kind = ProductKind.Roller,
                NeedleLengthMm = 0.25, IntendedUse = IntendedUse.Home, Published = true, SupplierId = s.Id, SupplierUrl = url,
                CreatedUtc = DateTime.UtcNow.AddDays(-1), UpdatedUtc = DateTime.UtcNow.AddDays(-1),
            });
        }
        await db.SaveChangesAsync();
        return s.Id;
    });

    private static Task<ScanRun> StartSupplierScanAsync(ScanHost host, int supplierId) => host.WithAsync(async sp =>
    {
        var start = await sp.GetRequiredService<ScanRuns>().StartSupplierScanAsync(supplierId, "test");
        return start.Run!;
    });

    [Fact]
    public async Task Every_fault_ends_in_its_outcome_the_run_completes_and_earlier_facts_and_flags_stay()
    {
        var host = await HostAsync();
        var expected = new Dictionary<string, string>
        {
            [supplier.Url("/slow-headers").ToString()] = PageOutcomes.Timeout,
            [supplier.Url("/drip").ToString()] = PageOutcomes.Timeout,
            [supplier.Url("/always-busy").ToString()] = PageOutcomes.HttpError,
            [supplier.Url("/server-error").ToString()] = PageOutcomes.HttpError,
            [supplier.Url("/loop").ToString()] = PageOutcomes.TooManyRedirects,
            [supplier.Url("/to-metadata").ToString()] = PageOutcomes.BlockedAddress,
            [supplier.Url("/to-private").ToString()] = PageOutcomes.BlockedAddress,
            ["http://169.254.169.254/latest/meta-data/"] = PageOutcomes.BlockedAddress,
            [$"http://127.0.0.1:{FaultySupplier.ClosedPort()}/roller"] = PageOutcomes.NetworkError,
            [supplier.Url("/gzip-bomb").ToString()] = PageOutcomes.TooLarge,
            [supplier.Url("/huge").ToString()] = PageOutcomes.TooLarge,
            [supplier.Url("/binary").ToString()] = PageOutcomes.NotHtml,
            [supplier.Url("/empty").ToString()] = PageOutcomes.NoContent,
            [supplier.Url("/js-only").ToString()] = PageOutcomes.NoContent,
            [supplier.Url("/private/page").ToString()] = PageOutcomes.RobotsDisallowed,
        };
        var supplierId = await SeedSupplierAsync(host, "Faulty", [.. expected.Keys]);
        var before = DateTime.UtcNow.AddHours(-1);
        await host.DbAsync(async db =>
        {
            // What an earlier good scan left: facts and an open flag on every product.
            foreach (var product in await db.Products.Where(p => p.SupplierId == supplierId).ToListAsync())
            {
                db.SupplierPages.Add(new SupplierPage
                {
                    ProductId = product.Id, Url = product.SupplierUrl!, FactsJson = "{\"product\":{\"name\":\"Earlier\"}}",
                    ContentHash = "earlier", LastOutcome = PageOutcomes.Ok, LastCheckedUtc = before,
                });
                db.Flags.Add(new Flag
                {
                    ProductId = product.Id, Rule = "home-use-needle-too-long", Severity = Severity.Error, Status = FlagStatus.Open,
                    Message = "Earlier finding", EvidenceHash = "earlier", Evidence = [new FlagEvidence { Text = "1.0 mm", From = EvidenceSource.Spec }],
                    FirstSeenUtc = before, LastSeenUtc = before,
                });
                product.OpenFlagCount = 1;
            }
            return await db.SaveChangesAsync();
        });

        var run = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);

        Assert.Equal(ScanStatus.Completed, run.Status);
        Assert.Equal(expected.Count, run.PagesDone);
        foreach (var page in run.Pages)
        {
            Assert.True(expected[page.Url] == page.Outcome, $"{page.Url}: expected {expected[page.Url]}, got {page.Outcome} ({page.Error})");
        }
        Assert.Equal(503, run.Pages.Single(p => p.Url.EndsWith("/always-busy")).HttpStatus);
        Assert.Equal(500, run.Pages.Single(p => p.Url.EndsWith("/server-error")).HttpStatus);

        await host.DbAsync(async db =>
        {
            foreach (var product in await db.Products.Include(p => p.Page).Include(p => p.Flags).Where(p => p.SupplierId == supplierId).ToListAsync())
            {
                Assert.Equal("{\"product\":{\"name\":\"Earlier\"}}", product.Page!.FactsJson);
                Assert.Equal(before, product.Page.LastCheckedUtc);
                Assert.Equal(expected[product.SupplierUrl!], product.Page.LastOutcome);
                var flag = Assert.Single(product.Flags);
                Assert.Equal(FlagStatus.Open, flag.Status);
                Assert.Equal(before, flag.LastSeenUtc);
                Assert.Equal(1, product.OpenFlagCount);
            }
            Assert.Equal(0, await db.PageSnapshots.CountAsync());
            return 0;
        });
    }

    [Fact]
    public async Task A_429_with_Retry_After_and_a_windows_1252_page_are_checked()
    {
        var host = await HostAsync();
        var supplierId = await SeedSupplierAsync(host, "Polite", supplier.Url("/busy-once").ToString(), supplier.Url("/windows-1252").ToString());
        var run = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        Assert.All(run.Pages, p => Assert.Equal(PageOutcomes.Ok, p.Outcome));
        var facts = await host.DbAsync(db => db.SupplierPages.Where(p => p.Url.EndsWith("/windows-1252")).Select(p => p.FactsJson).SingleAsync());
        Assert.Contains("Caf\u00e9 roller", ExtractedPage.FromJson(facts!).Product.Name);
    }

    [Fact]
    public async Task Flags_follow_the_page_and_history_shows_what_changed()
    {
        var host = await HostAsync();
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Changing", supplier.Url("/pages/roller").ToString());

        var first = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        Assert.Equal(PageOutcomes.Ok, Assert.Single(first.Pages).Outcome);
        var flags = await host.DbAsync(db => db.Flags.AsNoTracking().ToListAsync());
        var tooLong = Assert.Single(flags, f => f.Rule == "home-use-needle-too-long");
        Assert.Equal(FlagStatus.Open, tooLong.Status);

        supplier.SetPage("roller", HomeRoller1mm.Replace("1.0 mm", "0.25 mm"));
        var second = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        var page = Assert.Single(second.Pages);
        Assert.Equal(PageOutcomes.Ok, page.Outcome);
        Assert.Contains("needle length 1.0 mm -> 0.25 mm", page.Changes);
        var after = await host.DbAsync(db => db.Flags.AsNoTracking().SingleAsync(f => f.Id == tooLong.Id));
        Assert.Equal(FlagStatus.Resolved, after.Status);

        var third = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        Assert.Equal(PageOutcomes.Unchanged, Assert.Single(third.Pages).Outcome);
        Assert.Equal(2, await host.DbAsync(db => db.PageSnapshots.CountAsync()));
        var snapshot = await host.DbAsync(db => db.PageSnapshots.OrderBy(s => s.Id).FirstAsync());
        Assert.True(snapshot.CompressedBody.Length < HomeRoller1mm.Length);
    }

    [Fact]
    public async Task Only_the_last_N_snapshots_are_kept()
    {
        var host = await HostAsync(settings: new Dictionary<string, string?> { ["Scan:SnapshotsPerPage"] = "2" });
        var supplierId = await SeedSupplierAsync(host, "Busy", supplier.Url("/pages/roller").ToString());
        foreach (var length in new[] { "1.0 mm", "1.5 mm", "2.0 mm" })
        {
            supplier.SetPage("roller", HomeRoller1mm.Replace("1.0 mm", length));
            await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        }
        var kept = await host.DbAsync(db => db.PageSnapshots.OrderBy(s => s.FetchedUtc).Select(s => s.FactsJson).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.Contains("1.5", kept[0]);
        Assert.Contains("2", kept[1]);
    }

    [Fact]
    public async Task The_same_page_job_run_twice_or_at_once_records_one_outcome_and_no_duplicates()
    {
        var host = await HostAsync(runServer: false);
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Twice", supplier.Url("/pages/roller").ToString());
        var run = await StartSupplierScanAsync(host, supplierId);
        var productId = run.Pages.Single().ProductId;

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            host.WithAsync(sp => sp.GetRequiredService<ScanJobs>().ScanPageAsync(run.Id, productId, CancellationToken.None).ContinueWith(t => t.Exception))));
        await host.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPageAsync(run.Id, productId, CancellationToken.None); return 0; });

        var done = await host.DbAsync(db => db.ScanRuns.Include(r => r.Pages).AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal(ScanStatus.Completed, done.Status);
        Assert.Equal(1, done.PagesDone);
        Assert.Equal(1, Assert.Single(done.Pages).Attempts);
        Assert.Equal(1, await host.DbAsync(db => db.PageSnapshots.CountAsync()));
        Assert.Equal(1, await host.DbAsync(db => db.Flags.CountAsync(f => f.Rule == "home-use-needle-too-long")));
        Assert.Equal(1, await host.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "flag.open" && a.Details == "home-use-needle-too-long")));
    }

    [Fact]
    public async Task The_same_batch_job_run_twice_or_at_once_records_each_page_once()
    {
        var host = await HostAsync(runServer: false);
        for (var i = 0; i < 3; i++) supplier.SetPage($"b{i}", HomeRoller1mm.Replace("Titanium Derma Roller", $"Roller {i}"));
        var supplierId = await SeedSupplierAsync(host, "Batch twice", [.. Enumerable.Range(0, 3).Select(i => supplier.Url($"/pages/b{i}").ToString())]);
        var run = await StartSupplierScanAsync(host, supplierId);
        var productIds = run.Pages.Select(p => p.ProductId).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            host.WithAsync(sp => sp.GetRequiredService<ScanJobs>().ScanPagesAsync(run.Id, productIds, CancellationToken.None).ContinueWith(t => t.Exception))));
        await host.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPagesAsync(run.Id, productIds, CancellationToken.None); return 0; });

        var done = await host.DbAsync(db => db.ScanRuns.Include(r => r.Pages).AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal(ScanStatus.Completed, done.Status);
        Assert.Equal(3, done.PagesDone);
        Assert.All(done.Pages, p => Assert.Equal((PageOutcomes.Ok, 1), (p.Outcome, p.Attempts)));
        Assert.Equal(3, await host.DbAsync(db => db.PageSnapshots.CountAsync()));
        Assert.Equal(3, await host.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "flag.open" && a.Details == "home-use-needle-too-long")));
    }

    [Fact]
    public async Task A_batch_that_leaves_pages_for_other_jobs_marks_the_run_running_and_renews_the_supplier_lease()
    {
        var host = await HostAsync(runServer: false);
        for (var i = 0; i < 4; i++) supplier.SetPage($"l{i}", HomeRoller1mm.Replace("Titanium Derma Roller", $"Roller {i}"));
        var supplierId = await SeedSupplierAsync(host, "Lease renewal", [.. Enumerable.Range(0, 4).Select(i => supplier.Url($"/pages/l{i}").ToString())]);
        var run = await StartSupplierScanAsync(host, supplierId);
        var soon = DateTime.UtcNow.AddMinutes(1);
        await host.DbAsync(db => db.Suppliers.Where(s => s.Id == supplierId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ScanLeaseUntilUtc, soon)));

        var firstHalf = run.Pages.Select(p => p.ProductId).Take(2).ToArray();
        await host.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPagesAsync(run.Id, firstHalf, CancellationToken.None); return 0; });

        var after = await host.DbAsync(db => db.ScanRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal((ScanStatus.Running, 2), (after.Status, after.PagesDone));
        Assert.NotNull(after.StartedUtc);
        var lease = await host.DbAsync(db => db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId)
            .Select(s => new { s.ScanLeaseRunId, s.ScanLeaseUntilUtc }).SingleAsync());
        Assert.Equal(run.Id, lease.ScanLeaseRunId);
        Assert.True(lease.ScanLeaseUntilUtc > soon.AddMinutes(5), $"the lease was not renewed: {lease.ScanLeaseUntilUtc:O}");
    }

    [Fact]
    public async Task A_worker_whose_claim_was_taken_over_records_and_counts_nothing()
    {
        var host = await HostAsync(runServer: false);
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Taken over", supplier.Url("/slow/roller").ToString());
        var run = await StartSupplierScanAsync(host, supplierId);
        var page = run.Pages.Single();

        var scanning = host.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPageAsync(run.Id, page.ProductId, CancellationToken.None); return 0; });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await host.DbAsync(db => db.ScanPages.Where(p => p.Id == page.Id).Select(p => p.ClaimedUntilUtc).SingleAsync()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the page was never claimed");
            await Task.Delay(20);
        }
        // While the slow page is fetched, the claim is (as if expired and) taken over by another worker.
        var otherClaim = DateTime.UtcNow.AddMinutes(10);
        await host.DbAsync(db => db.ScanPages.Where(p => p.Id == page.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, otherClaim)));
        await scanning;

        var after = await host.DbAsync(db => db.ScanRuns.Include(r => r.Pages).AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Null(after.Pages.Single().Outcome);
        Assert.Equal(otherClaim, after.Pages.Single().ClaimedUntilUtc);
        Assert.Equal(0, after.PagesDone);
        Assert.Equal(0, await host.DbAsync(db => db.PageSnapshots.CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.Flags.CountAsync()));
    }

    [Fact]
    public async Task A_large_run_is_scanned_by_batch_jobs_with_every_page_done_once()
    {
        var host = await HostAsync();
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Large", [.. Enumerable.Range(0, 40).Select(i => supplier.Url($"/pages/roller?n={i}").ToString())]);
        var run = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);

        Assert.Equal(ScanStatus.Completed, run.Status);
        Assert.Equal(40, run.PagesDone);
        Assert.All(run.Pages, p => Assert.Equal((PageOutcomes.Ok, 1), (p.Outcome, p.Attempts)));
        Assert.Equal(40, await host.DbAsync(db => db.PageSnapshots.CountAsync()));
        var monitoring = host.Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        List<string> pageJobs;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            // The run completes inside the last job, a moment before Hangfire marks that job succeeded.
            pageJobs = [.. monitoring.SucceededJobs(0, 100).Select(j => j.Value.Job.Method.Name)
                .Where(m => m is nameof(ScanJobs.ScanPagesAsync) or nameof(ScanJobs.ScanPageAsync))];
            if (pageJobs.Count < 20) await Task.Delay(50);
        } while (pageJobs.Count < 20 && DateTime.UtcNow < deadline);
        Assert.Equal(20, pageJobs.Count(m => m == nameof(ScanJobs.ScanPagesAsync))); // 40 pages, at least 16 jobs: batches of 2
        Assert.DoesNotContain(nameof(ScanJobs.ScanPageAsync), pageJobs);
    }

    [Fact]
    public async Task A_run_interrupted_mid_page_completes_after_a_restart_with_every_page_done_once()
    {
        var first = await HostAsync(runServer: false);
        for (var i = 0; i < 3; i++) supplier.SetPage($"p{i}", HomeRoller1mm.Replace("Titanium Derma Roller", $"Roller {i}"));
        var supplierId = await SeedSupplierAsync(first, "Interrupted", [.. Enumerable.Range(0, 3).Select(i => supplier.Url($"/pages/p{i}").ToString())]);
        var run = await StartSupplierScanAsync(first, supplierId);
        var pages = run.Pages.OrderBy(p => p.ProductId).ToList();
        // Page 0 finished before the crash; page 1 was being worked on (claimed) when the process died; page 2 waited.
        await first.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPageAsync(run.Id, pages[0].ProductId, CancellationToken.None); return 0; });
        await first.DbAsync(db => db.ScanPages.Where(p => p.Id == pages[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(5)).SetProperty(p => p.Attempts, 1)));
        var finishedBefore = await first.DbAsync(db => db.ScanPages.Where(p => p.Id == pages[0].Id).Select(p => p.FinishedUtc).SingleAsync());
        await StopAsync(first); // in-memory Hangfire storage, and its queued jobs, are gone with it

        var second = await HostAsync();
        var resumed = await second.WaitForRunAsync(run.Id);

        Assert.Equal(ScanStatus.Completed, resumed.Status);
        Assert.Equal(3, resumed.PagesDone);
        Assert.All(resumed.Pages, p => Assert.Equal(PageOutcomes.Ok, p.Outcome));
        Assert.Equal(finishedBefore, resumed.Pages.Single(p => p.Id == pages[0].Id).FinishedUtc);
        Assert.Equal(2, resumed.Pages.Single(p => p.Id == pages[1].Id).Attempts);
        Assert.Equal(3, await second.DbAsync(db => db.PageSnapshots.CountAsync()));
        Assert.Equal(3, await second.DbAsync(db => db.Flags.CountAsync(f => f.Rule == "home-use-needle-too-long")));
        var lease = await second.DbAsync(db => db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.ScanLeaseRunId).SingleAsync());
        Assert.Null(lease);
    }

    [Fact]
    public async Task The_sweeper_re_enqueues_only_pages_whose_worker_went_away_and_a_restart_all_unfinished_ones()
    {
        var host = await HostAsync(runServer: false);
        var supplierId = await SeedSupplierAsync(host, "Swept", [.. Enumerable.Range(0, 3).Select(i => supplier.Url($"/pages/s{i}").ToString())]);
        var run = await StartSupplierScanAsync(host, supplierId);
        var pages = run.Pages.OrderBy(p => p.ProductId).ToList();
        await host.DbAsync(db => db.ScanPages.Where(p => p.Id == pages[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(-1))));
        await host.DbAsync(db => db.ScanPages.Where(p => p.Id == pages[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(5))));

        var swept = await host.WithAsync(sp => sp.GetRequiredService<ScanRuns>().ResumeUnfinishedAsync(releaseClaims: false));
        var restarted = await host.WithAsync(sp => sp.GetRequiredService<ScanRuns>().ResumeUnfinishedAsync(releaseClaims: true));

        Assert.Equal(1, swept);      // the expired claim; the held one and the queued one are left alone
        Assert.Equal(3, restarted);  // after a restart nothing is held and no job survived
    }

    [Fact]
    public async Task A_second_scan_of_a_supplier_while_one_holds_the_lease_answers_the_running_one()
    {
        var host = await HostAsync(runServer: false);
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Leased", supplier.Url("/pages/roller").ToString());
        var first = await StartSupplierScanAsync(host, supplierId);
        var second = await host.WithAsync(sp => sp.GetRequiredService<ScanRuns>().StartSupplierScanAsync(supplierId, "again"));
        Assert.True(second.AlreadyRunning);
        Assert.Equal(first.Id, second.Run!.Id);
        Assert.Equal(1, await host.DbAsync(db => db.ScanRuns.CountAsync()));

        await host.WithAsync(async sp => { await sp.GetRequiredService<ScanJobs>().ScanPageAsync(first.Id, first.Pages[0].ProductId, CancellationToken.None); return 0; });
        var third = await host.WithAsync(sp => sp.GetRequiredService<ScanRuns>().StartSupplierScanAsync(supplierId, "after"));
        Assert.False(third.AlreadyRunning);
        Assert.NotEqual(first.Id, third.Run!.Id);
    }

    [Fact]
    public async Task A_supplier_failing_three_scans_in_a_row_needs_attention_until_a_scan_succeeds()
    {
        var host = await HostAsync();
        var supplierId = await SeedSupplierAsync(host, "Failing", supplier.Url("/server-error").ToString());
        for (var i = 0; i < 3; i++) await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        Assert.True(await host.DbAsync(db => db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.ConsecutiveFailedScans >= 3).SingleAsync()));

        supplier.SetPage("fixed", HomeRoller1mm);
        await host.DbAsync(db => db.Products.Where(p => p.SupplierId == supplierId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SupplierUrl, supplier.Url("/pages/fixed").ToString())));
        await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        var healed = await host.DbAsync(db => db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == supplierId));
        Assert.False(healed.NeedsAttention);
        Assert.NotNull(healed.LastScanUtc);
    }

    [Fact]
    public async Task A_scan_opening_error_flags_notifies_the_webhook()
    {
        var host = await HostAsync(settings: new Dictionary<string, string?> { ["Scan:WebhookUrl"] = supplier.Url("/webhook").ToString() });
        supplier.SetPage("roller", HomeRoller1mm);
        var supplierId = await SeedSupplierAsync(host, "Notifying", supplier.Url("/pages/roller").ToString());
        var run = await host.WaitForRunAsync((await StartSupplierScanAsync(host, supplierId)).Id);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (supplier.WebhookBodies.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var message = JsonDocument.Parse(Assert.Single(supplier.WebhookBodies)).RootElement;
        Assert.Equal("scan.new-error-flags", message.GetProperty("event").GetString());
        Assert.Equal(run.Id, message.GetProperty("scanRunId").GetInt32());
        Assert.Contains(message.GetProperty("flags").EnumerateArray(), f => f.GetProperty("rule").GetString() == "home-use-needle-too-long");
    }

    [Fact]
    public async Task Schedules_are_recurring_jobs_with_stable_ids_in_the_suppliers_time_zone()
    {
        var host = await HostAsync(runServer: false);
        var supplierId = await SeedSupplierAsync(host, "Scheduled");
        var schedules = host.Host.Services.GetRequiredService<ScanSchedules>();
        schedules.Apply(new Supplier { Id = supplierId, Name = "Scheduled", BaseUrl = "http://x/", Schedule = "0 3 * * *", TimeZone = "Europe/Berlin" });
        using (var connection = host.Host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ScanSchedules.RecurringId(supplierId));
            Assert.Equal("0 3 * * *", job.Cron);
            Assert.Equal("Europe/Berlin", job.TimeZoneId);
        }
        schedules.Apply(new Supplier { Id = supplierId, Name = "Scheduled", BaseUrl = "http://x/", Schedule = "0 3 * * *", Enabled = false });
        using (var connection = host.Host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == ScanSchedules.RecurringId(supplierId));
        }
    }

    [Fact]
    public async Task The_demo_supplier_is_scanned_once_on_the_first_start()
    {
        supplier.SetPage("demo", HomeRoller1mm);
        var demo = new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
        var first = await ScanHost.StartAsync(dataDirectory, settings: demo, seedBeforeStart: async db =>
        {
            var s = new Supplier { Name = ScanStartup.DemoSupplierName, BaseUrl = supplier.BaseUrl.ToString(), CreatedUtc = DateTime.UtcNow };
            db.Suppliers.Add(s);
            await db.SaveChangesAsync();
            db.Products.Add(new Product { Name = "Demo roller", Slug = "demo-roller", Kind = ProductKind.Roller, SupplierId = s.Id, SupplierUrl = supplier.Url("/pages/demo").ToString() });
            await db.SaveChangesAsync();
        });
        hosts.Add(first);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int? runId = null;
        while (runId is null && DateTime.UtcNow < deadline)
        {
            runId = await first.DbAsync(db => db.ScanRuns.Select(r => (int?)r.Id).FirstOrDefaultAsync());
            if (runId is null) await Task.Delay(50);
        }
        Assert.NotNull(runId);
        var run = await first.WaitForRunAsync(runId.Value);
        Assert.Equal(PageOutcomes.Ok, Assert.Single(run.Pages).Outcome);
        Assert.True(await first.DbAsync(db => db.Flags.AnyAsync(f => f.Status == FlagStatus.Open)));
        await StopAsync(first);

        var second = await HostAsync(settings: demo);
        await Task.Delay(1000);
        Assert.Equal(1, await second.DbAsync(db => db.ScanRuns.CountAsync()));
    }

    [Theory]
    [InlineData("0 3 * * *", true)]
    [InlineData("*/15 * * * 1-5", true)]
    [InlineData("0 3 * *", false)]
    [InlineData("61 * * * *", false)]
    [InlineData("every day", false)]
    public void Cron_schedules_are_validated(string cron, bool valid) =>
        Assert.Equal(valid, ScanSchedules.TryValidateCron(cron, out _));
}
