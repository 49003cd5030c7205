using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Core.Data;
using Shop.Core.Rules;
using Shop.Jobs.Checking;
using Shop.Jobs.Fetching;
using Shop.Jobs.Scanning;

namespace Shop.Jobs.Hosting;

public sealed class JobsOptions
{
    /// <summary>Run a Hangfire server in this process. True in the embedded default; the production web app sets it false
    /// and leaves the work to the scalable worker service.</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
}

public static class ShopJobsExtensions
{
    /// <summary>Hangfire storage for the configured provider (InMemory beside SQLite, SqlServer beside SQL Server),
    /// and the Hangfire server when Jobs:RunServer is set.</summary>
    public static IHostApplicationBuilder AddShopJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration("Jobs");
        builder.AddShopChecking();
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Shop");

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
            }
        });

        builder.Services.AddGuardedFetcher();
        builder.Services.AddOptions<ScanOptions>().BindConfiguration("Scan");
        builder.Services.AddSingleton<CheckStep>();
        builder.Services.AddSingleton<ScanSchedules>();
        builder.Services.AddScoped<ScanRuns>();
        builder.Services.AddScoped<PageScanner>();
        builder.Services.AddScoped<ScanJobs>();
        builder.Services.AddHttpClient(ScanJobs.WebhookClient, c => c.Timeout = TimeSpan.FromSeconds(20));

        var jobs = builder.Configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            // Wherever work is done: resume unfinished runs, register schedules, scan the demo supplier once.
            builder.Services.AddHostedService<ScanStartup>();
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.Queues = ["scans", "default"];
            });
        }
        return builder;
    }

    /// <summary>The page checker (extraction + rules) with its caps ("Check") and thresholds ("Rules"); what the
    /// scans and the `check` command share.</summary>
    public static IHostApplicationBuilder AddShopChecking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CheckOptions>().BindConfiguration("Check");
        builder.Services.AddOptions<RuleThresholds>().BindConfiguration("Rules");
        builder.Services.AddSingleton<PageChecker>();
        return builder;
    }
}
