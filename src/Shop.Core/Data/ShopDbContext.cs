using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shop.Core.Model;

namespace Shop.Core.Data;

public class ShopDbContext(DbContextOptions<ShopDbContext> options) : IdentityDbContext<ShopUser>(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierPage> SupplierPages => Set<SupplierPage>();
    public DbSet<ScanRun> ScanRuns => Set<ScanRun>();
    public DbSet<ScanPage> ScanPages => Set<ScanPage>();
    public DbSet<PageSnapshot> PageSnapshots => Set<PageSnapshot>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShopDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // SQLite keeps decimals as TEXT, which sorts "10.00" before "9.00" and cannot use the price index for
            // range filters; REAL sorts and compares as numbers. Two-decimal prices round-trip exactly through double.
            builder.Entity<Product>().Property(p => p.Price).HasConversion<double>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums are stored as the spec's words ("stainless-steel"), readable in SQL and stable across reorderings.
        configuration.Properties<ProductKind>().HaveConversion<WordConverter<ProductKind>>().HaveMaxLength(32);
        configuration.Properties<NeedleMaterial>().HaveConversion<WordConverter<NeedleMaterial>>().HaveMaxLength(32);
        configuration.Properties<IntendedUse>().HaveConversion<WordConverter<IntendedUse>>().HaveMaxLength(32);
        configuration.Properties<Severity>().HaveConversion<WordConverter<Severity>>().HaveMaxLength(16);
        configuration.Properties<FlagStatus>().HaveConversion<WordConverter<FlagStatus>>().HaveMaxLength(16);
        configuration.Properties<EvidenceSource>().HaveConversion<WordConverter<EvidenceSource>>().HaveMaxLength(16);
        configuration.Properties<ScanStatus>().HaveConversion<WordConverter<ScanStatus>>().HaveMaxLength(16);
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }
}

public sealed class WordConverter<T>() : ValueConverter<T, string>(v => v.ToWord(), s => Words.Parse<T>(s))
    where T : struct, Enum;
