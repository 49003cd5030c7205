using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Core.Model;

namespace Shop.Core.Data.EntityConfigurations;

public class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> b)
    {
        b.Property(f => f.Rule).HasMaxLength(64);
        b.Property(f => f.Message).HasMaxLength(1000);
        b.Property(f => f.EvidenceHash).HasMaxLength(64);
        b.Property(f => f.DismissedEvidenceHash).HasMaxLength(64);
        b.Property(f => f.DismissReason).HasMaxLength(1000);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.OwnsMany(f => f.Evidence, e =>
        {
            e.ToJson();
            e.Property(x => x.Text).HasMaxLength(1000);
        });
        b.HasIndex(f => new { f.ProductId, f.Rule }).IsUnique();
        // The queue: open flags by severity and rule, newest first.
        b.HasIndex(f => new { f.Status, f.Severity, f.Rule, f.LastSeenUtc });
        b.HasIndex(f => new { f.Status, f.FirstSeenUtc });
        b.HasOne(f => f.Product).WithMany(p => p.Flags).HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Details).HasMaxLength(2000);
        b.HasIndex(a => new { a.ProductId, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
    }
}

public class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.HasIndex(k => k.Hash).IsUnique();
        b.Property(k => k.Role).HasMaxLength(32);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
    }
}
