using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Core.Tests.Data;

public class MigrationsTests
{
    private static ShopDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>();
        ShopCoreExtensions.Configure(options, provider, connectionString, Path.GetTempPath());
        return new ShopDbContext(options.Options);
    }

    private const string SqlServerConnection = "Server=127.0.0.1,1;Database=Shop;User Id=sa;Password=unused;TrustServerCertificate=True";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Each_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        using var db = Context(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : SqlServerConnection);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqlServer = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        static IEnumerable<string> Names(ShopDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Sql_server_idempotent_migration_script_is_generated_for_the_whole_model()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script);
        foreach (var table in new[] { "Products", "Suppliers", "Flags", "ScanRuns", "ScanPages", "PageSnapshots", "AuditEntries", "ApiKeys", "AspNetUsers" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        var output = Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql");
        File.WriteAllText(output, script);
    }

    [Fact]
    public async Task Sqlite_file_database_migrates_and_round_trips_the_spec_words()
    {
        var file = Path.Combine(Path.GetTempPath(), $"shop-test-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={file}"))
            {
                await db.MigrateAsync();
                db.Products.Add(new Product
                {
                    Name = "Titanium roller 0.25 mm", Slug = "titanium-roller-025", Kind = ProductKind.Roller, Price = 19.90m,
                    NeedleLengthMm = 0.25, NeedleMaterial = NeedleMaterial.StainlessSteel, IntendedUse = IntendedUse.Home,
                    Claims = [Claim.CollagenInduction, Claim.Absorption],
                });
                await db.SaveChangesAsync();
            }
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={file}"))
            {
                var product = await db.Products.SingleAsync();
                Assert.Equal(NeedleMaterial.StainlessSteel, product.NeedleMaterial);
                Assert.Equal([Claim.CollagenInduction, Claim.Absorption], product.Claims);
                var raw = await db.Database.SqlQueryRaw<string>("SELECT NeedleMaterial AS Value FROM Products").SingleAsync();
                Assert.Equal("stainless-steel", raw);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
