using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Core.Data;
using Shop.Jobs.Hosting;

// Shop.Jobs: the scalable worker host (default), the explicit `migrate` step of production, and the `check` command.
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
