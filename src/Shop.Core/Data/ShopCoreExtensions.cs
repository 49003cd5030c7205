using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Shop.Core.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public sealed class ShopOptions
{
    /// <summary>Where the SQLite file and first-run files live; relative paths are below the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";
}

public static class ShopCoreExtensions
{
    public const string SqliteMigrationsAssembly = "Shop.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Shop.Migrations.SqlServer";

    /// <summary>Registers ShopDbContext for the configured provider (Database:Provider) and the shop options.</summary>
    public static IHostApplicationBuilder AddShopCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        builder.Services.AddOptions<ShopOptions>().BindConfiguration("Shop");
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var dataDirectory = ResolveDataDirectory(builder.Configuration, builder.Environment.ContentRootPath);
        var connectionString = builder.Configuration.GetConnectionString("Shop");
        // Pooled: a scan batch, a Hangfire job or a request takes a ready context instead of building one (and its
        // services) each time. ShopDbContext keeps no state of its own beyond what EF resets when it is returned.
        builder.Services.AddDbContextPool<ShopDbContext>(options => Configure(options, provider, connectionString, dataDirectory));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Flags.FlagActions>();
        builder.Services.AddScoped<Flags.FlagSync>();
        builder.Services.AddScoped<Catalogue.ProductCatalogue>();
        return builder;
    }

    public static string ResolveDataDirectory(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Shop:DataDirectory"] ?? new ShopOptions().DataDirectory;
        var path = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string dataDirectory)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Shop is not set.");
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure());
                break;
            default:
                connectionString ??= $"Data Source={Path.Combine(dataDirectory, "shop.db")}";
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteConnectionPragmas.Instance);
                break;
        }
    }

    /// <summary>Applies migrations. Called at start-up only in the embedded default; production runs `Shop.Jobs migrate`.</summary>
    public static async Task MigrateAsync(this ShopDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the storefront read while scan jobs write; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>With WAL, synchronous=NORMAL is what SQLite recommends: a commit survives a crash of the process (kill -9),
/// only a power cut may lose the last ones, and it avoids an fsync per commit, which on a scan's many small
/// commits was most of the time. busy_timeout lets SQLite itself wait for another connection's write lock, polling
/// every few milliseconds; without it Microsoft.Data.Sqlite retries a busy write only every 150 ms, which with
/// several scan workers writing at once cost more than the work. mmap_size lets reads use the OS page cache directly
/// instead of a read() call per page: the queue's search over 20,000 flags joined to their products went from 28 ms to
/// 14 ms (sqlite3, 100,000 products), and every connection shares that cache. All are per connection, so applied on
/// every open.</summary>
internal sealed class SqliteConnectionPragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
