using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Core.Model;

namespace Shop.Core.Data.EntityConfigurations;

public class ScanRunConfiguration : IEntityTypeConfiguration<ScanRun>
{
    public void Configure(EntityTypeBuilder<ScanRun> b)
    {
        b.Property(r => r.Trigger).HasMaxLength(100);
        b.Property(r => r.Error).HasMaxLength(1000);
        b.HasIndex(r => new { r.Status, r.CreatedUtc });
        b.HasIndex(r => new { r.SupplierId, r.CreatedUtc });
        b.HasOne(r => r.Supplier).WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Pages).WithOne(p => p.ScanRun).HasForeignKey(p => p.ScanRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ScanPageConfiguration : IEntityTypeConfiguration<ScanPage>
{
    public void Configure(EntityTypeBuilder<ScanPage> b)
    {
        b.Property(p => p.Url).HasMaxLength(2000);
        b.Property(p => p.Outcome).HasMaxLength(32);
        b.Property(p => p.Error).HasMaxLength(1000);
        b.Property(p => p.Changes).HasMaxLength(1000);
        // A page job delivered twice must not record two outcomes.
        b.HasIndex(p => new { p.ScanRunId, p.ProductId }).IsUnique();
        b.HasIndex(p => p.ProductId);
    }
}

public class PageSnapshotConfiguration : IEntityTypeConfiguration<PageSnapshot>
{
    public void Configure(EntityTypeBuilder<PageSnapshot> b)
    {
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.ContentHash).HasMaxLength(64);
        b.Property(s => s.ContentType).HasMaxLength(200);
        b.HasIndex(s => new { s.ProductId, s.FetchedUtc });
        b.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
