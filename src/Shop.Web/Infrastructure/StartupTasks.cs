using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Web.Demo;

namespace Shop.Web.Infrastructure;

public sealed class StartupOptions
{
    /// <summary>Apply migrations at start-up. Defaults to true only for the embedded SQLite database; production
    /// runs `Shop.Jobs migrate` as its own step.</summary>
    public bool? MigrateOnStartup { get; set; }
}

/// <summary>First-start work of the web app: migrate (embedded default only), bootstrap roles and the first admin,
/// and, once the server is listening and its address known, seed the demo catalogue.</summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, IOptions<DemoOptions> demo, ILogger<StartupTasks> logger)
    : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        if (configuration.GetValue<bool?>("Database:MigrateOnStartup") ?? provider == DatabaseProvider.Sqlite)
        {
            await db.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated");
        }
        if (db.Database.IsSqlite())
        {
            // Fresh statistics let SQLite pick the selective index for storefront filters (kind + price rather than
            // name order); 0x10002 also analyses tables that were never analysed, and is cheap when nothing changed.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(cancellationToken);
        await Api.ApiKeys.EnsureBootstrapKeyAsync(db, configuration, scope.ServiceProvider.GetRequiredService<TimeProvider>(), logger, cancellationToken);
    }

    // After the server has bound: the demo supplier's pages are this app's own, so their URLs need its address.
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled) return;
        var baseUrl = DemoSeeder.ResolveBaseUrl(demo.Value, services.GetService<IServer>()) ?? DemoSeeder.FallbackBaseUrl;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(baseUrl, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
