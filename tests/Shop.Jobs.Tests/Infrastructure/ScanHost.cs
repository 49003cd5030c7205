using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Hosting;

namespace Shop.Jobs.Tests.Infrastructure;

/// <summary>The real worker composition (AddShopCore + AddShopJobs: Hangfire in-memory, guarded fetcher, checker, scan
/// jobs) on a SQLite file, with fast fetch limits and no pacing. Hangfire keeps global state, so tests using this host
/// run one at a time (the "scans" collection).</summary>
public sealed class ScanHost : IAsyncDisposable
{
    public IHost Host { get; }

    private ScanHost(IHost host) => Host = host;

    public static async Task<ScanHost> StartAsync(string dataDirectory, bool runServer = true, IDictionary<string, string?>? settings = null,
        Func<ShopDbContext, Task>? seedBeforeStart = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Shop:DataDirectory"] = dataDirectory,
            ["Jobs:RunServer"] = runServer ? "true" : "false",
            ["Jobs:WorkerCount"] = "4",
            ["Demo:Enabled"] = "false",
            ["Fetch:AllowedPrivateHosts:0"] = "127.0.0.1",
            ["Fetch:MinDelayPerHostMs"] = "0",
            // Short enough that the timeout faults end quickly, long enough for a loopback page on loaded CI cores
            // (1.5 s timed out a healthy page at a load average of 24).
            ["Fetch:TimeoutSeconds"] = "3",
            ["Fetch:TotalTimeoutSeconds"] = "8",
            ["Fetch:MaxBytes"] = (1024 * 1024).ToString(),
            ["Fetch:MaxRedirects"] = "3",
            ["Fetch:MaxRetries"] = "1",
            ["Fetch:MaxRetryAfterSeconds"] = "2",
            ["Fetch:RetryBackoffMs"] = "10",
            ["Scan:StartupJitterSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();
        builder.AddShopCore();
        builder.AddShopJobs();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            await db.MigrateAsync();
            if (seedBeforeStart is not null) await seedBeforeStart(db);
        }
        await host.StartAsync();
        return new ScanHost(host);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<ShopDbContext, Task<T>> action) =>
        WithAsync(sp => action(sp.GetRequiredService<ShopDbContext>()));

    public async Task<ScanRun> WaitForRunAsync(int runId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = await DbAsync(db => db.ScanRuns.AsNoTracking().Include(r => r.Pages).SingleAsync(r => r.Id == runId));
            if (run.Status is ScanStatus.Completed or ScanStatus.Failed) return run;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} still {run.Status}: {run.PagesDone}/{run.PagesTotal}; waiting: " +
                    string.Join(", ", run.Pages.Where(p => p.Outcome is null).Select(p => p.Url)));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

[CollectionDefinition("scans", DisableParallelization = true)]
public sealed class ScansCollection;
