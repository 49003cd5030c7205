using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shop.Core.Data;

namespace Shop.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this provider without starting the web host.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>();
        ShopCoreExtensions.Configure(options, DatabaseProvider.Sqlite,
            "Data Source=design-time.db", Path.GetTempPath());
        return new ShopDbContext(options.Options);
    }
}
