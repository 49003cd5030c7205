using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Core.Data;
using Shop.Jobs.Checking;
using Shop.Jobs.Fetching;
using Shop.Jobs.Hosting;

// Shop.Jobs: the scalable worker host (default), the explicit `migrate` step of production, and the `check` command.
Shop.Core.ShopCulture.Apply();
switch (args.FirstOrDefault())
{
    case "migrate":
    {
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.AddShopCore();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await db.MigrateAsync();
        Console.WriteLine($"Database migrated ({db.Database.ProviderName}).");
        return 0;
    }
    case "check":
    {
        // Configuration only (appsettings, environment): the caps and thresholds the scans use too. No Hangfire, no database.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        builder.Logging.ClearProviders();
        builder.AddShopChecking();
        builder.Services.AddGuardedFetcher();
        using var host = builder.Build();
        var checker = host.Services.GetRequiredService<PageChecker>();
        var fetcher = host.Services.GetRequiredService<GuardedFetcher>();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        return await CheckCommand.RunAsync(args[1..], checker, CheckCommand.ThroughFetcher(fetcher, checker),
            Console.OpenStandardInput(), Console.Out, Console.Error, cancel.Token);
    }
    default:
    {
        var workerArgs = args.FirstOrDefault() == "worker" ? args[1..] : args;
        var builder = Host.CreateApplicationBuilder(workerArgs);
        builder.AddShopCore();
        builder.AddShopJobs();
        await builder.Build().RunAsync();
        return 0;
    }
}
