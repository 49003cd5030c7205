using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Infrastructure;

public sealed class StartupOptions
{
    /// <summary>Apply migrations at start-up. Defaults to true only for the embedded SQLite database; production
    /// runs `Shop.Jobs migrate` as its own step.</summary>
    public bool? MigrateOnStartup { get; set; }
}

/// <summary>First-start work of the web app: migrate (embedded default only) and ensure the roles exist.</summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, ILogger<StartupTasks> logger) : IHostedService
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

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        await Api.ApiKeys.EnsureBootstrapKeyAsync(db, configuration, scope.ServiceProvider.GetRequiredService<TimeProvider>(), logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
