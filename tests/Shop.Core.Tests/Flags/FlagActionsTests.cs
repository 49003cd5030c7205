using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;

namespace Shop.Core.Tests.Flags;

public sealed class FlagActionsTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public FlagActionsTests()
    {
        connection.Open();
        using var db = NewContext();
        db.Database.Migrate();
    }

    public void Dispose() => connection.Dispose();

    private ShopDbContext NewContext() => new(new DbContextOptionsBuilder<ShopDbContext>()
        .UseSqlite(connection, s => s.MigrationsAssembly(ShopCoreExtensions.SqliteMigrationsAssembly)).Options);

    private FlagActions Actions(ShopDbContext db) => new(db, TimeProvider.System);

    private async Task<(int ProductId, int FlagId, Guid Version)> SeedAsync(Severity severity = Severity.Error, int otherOpenFlags = 0)
    {
        await using var db = NewContext();
        var product = new Product
        {
            Name = "Home roller 1.0 mm", Slug = $"home-roller-{Guid.NewGuid():N}", Kind = ProductKind.Roller,
            Published = true, OpenFlagCount = 1 + otherOpenFlags,
        };
        var flag = NewFlag("home-needle-too-long", severity);
        product.Flags.Add(flag);
        for (var i = 0; i < otherOpenFlags; i++) product.Flags.Add(NewFlag($"other-rule-{i}", Severity.Warning));
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Id, flag.Id, flag.Version);
    }

    private static Flag NewFlag(string rule, Severity severity) => new()
    {
        Rule = rule, Severity = severity, Status = FlagStatus.Open, Message = "Sold for home use with 1.0 mm needles.",
        EvidenceHash = "hash-of-evidence", Evidence = [new FlagEvidence { Text = "Needle length: 1.0 mm", From = EvidenceSource.Spec }],
        FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task Confirming_an_error_puts_the_product_on_safety_hold_and_writes_the_audit()
    {
        var (productId, flagId, version) = await SeedAsync(Severity.Error, otherOpenFlags: 1);
        await using (var db = NewContext())
        {
            var result = await Actions(db).ConfirmAsync(flagId, version, "merch@example.com");
            Assert.Equal(FlagActionOutcome.Done, result.Outcome);
        }
        await using var check = NewContext();
        var product = await check.Products.SingleAsync(p => p.Id == productId);
        var flag = await check.Flags.SingleAsync(f => f.Id == flagId);
        Assert.True(product.OnHold);
        Assert.Contains("home-needle-too-long", product.HoldReason);
        Assert.Equal(1, product.OpenFlagCount);
        Assert.Equal(FlagStatus.Confirmed, flag.Status);
        Assert.NotEqual(version, flag.Version);
        var audit = await check.AuditEntries.SingleAsync();
        Assert.Equal(("merch@example.com", "flag.confirm", productId), (audit.Actor, audit.Action, audit.ProductId));
    }

    [Fact]
    public async Task Confirming_a_warning_does_not_hold_the_product()
    {
        var (productId, flagId, version) = await SeedAsync(Severity.Warning);
        await using (var db = NewContext())
        {
            Assert.True((await Actions(db).ConfirmAsync(flagId, version, "merch")).Succeeded);
        }
        await using var check = NewContext();
        var product = await check.Products.SingleAsync(p => p.Id == productId);
        Assert.False(product.OnHold);
        Assert.Equal(0, product.OpenFlagCount);
    }

    [Fact]
    public async Task Dismissing_remembers_the_reason_against_the_evidence()
    {
        var (productId, flagId, version) = await SeedAsync();
        await using (var db = NewContext())
        {
            Assert.True((await Actions(db).DismissAsync(flagId, version, "  Supplier confirmed 0.25 mm by email  ", "merch")).Succeeded);
        }
        await using var check = NewContext();
        var flag = await check.Flags.SingleAsync(f => f.Id == flagId);
        Assert.Equal(FlagStatus.Dismissed, flag.Status);
        Assert.Equal("Supplier confirmed 0.25 mm by email", flag.DismissReason);
        Assert.Equal(flag.EvidenceHash, flag.DismissedEvidenceHash);
        Assert.Equal(0, (await check.Products.SingleAsync(p => p.Id == productId)).OpenFlagCount);
        Assert.Contains("Supplier confirmed", (await check.AuditEntries.SingleAsync()).Details);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Dismissing_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var (_, flagId, version) = await SeedAsync();
        await using (var db = NewContext())
        {
            var result = await Actions(db).DismissAsync(flagId, version, reason, "merch");
            Assert.Equal((FlagActionOutcome.Invalid, "reason"), (result.Outcome, result.Field));
        }
        await using var check = NewContext();
        Assert.Equal(FlagStatus.Open, (await check.Flags.SingleAsync(f => f.Id == flagId)).Status);
        Assert.Empty(check.AuditEntries);
    }

    [Fact]
    public async Task Acting_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var (productId, flagId, version) = await SeedAsync();
        await using (var db = NewContext())
        {
            Assert.True((await Actions(db).SnoozeAsync(flagId, version, DateTime.UtcNow.AddDays(7), "first")).Succeeded);
        }
        await using (var db = NewContext())
        {
            var second = await Actions(db).ConfirmAsync(flagId, version, "second");
            Assert.Equal(FlagActionOutcome.Stale, second.Outcome);
        }
        await using var check = NewContext();
        Assert.Equal(FlagStatus.Snoozed, (await check.Flags.SingleAsync(f => f.Id == flagId)).Status);
        Assert.False((await check.Products.SingleAsync(p => p.Id == productId)).OnHold);
        Assert.Equal("first", (await check.AuditEntries.SingleAsync()).Actor);
    }

    [Fact]
    public async Task Two_merchandisers_acting_at_once_cannot_both_win()
    {
        var (_, flagId, version) = await SeedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        // Both have read the flag before either writes: the database's concurrency check decides.
        var firstFlag = await first.Flags.SingleAsync(f => f.Id == flagId);
        var secondFlag = await second.Flags.SingleAsync(f => f.Id == flagId);
        Assert.Equal(firstFlag.Version, secondFlag.Version);
        var a = await Actions(first).ConfirmAsync(flagId, version, "a");
        var b = await Actions(second).DismissAsync(flagId, version, "not an issue", "b");
        Assert.Equal(FlagActionOutcome.Done, a.Outcome);
        Assert.Equal(FlagActionOutcome.Stale, b.Outcome);
        await using var check = NewContext();
        Assert.Equal(FlagStatus.Confirmed, (await check.Flags.SingleAsync(f => f.Id == flagId)).Status);
        Assert.Single(check.AuditEntries);
    }

    [Fact]
    public async Task Acting_on_a_flag_that_no_longer_exists_says_so()
    {
        await using var db = NewContext();
        var result = await Actions(db).ConfirmAsync(4242, Guid.NewGuid(), "merch");
        Assert.Equal(FlagActionOutcome.NotFound, result.Outcome);
        Assert.Contains("no longer exists", result.Message);
    }

    [Fact]
    public async Task Snoozing_into_the_past_is_refused()
    {
        var (_, flagId, version) = await SeedAsync();
        await using var db = NewContext();
        var result = await Actions(db).SnoozeAsync(flagId, version, DateTime.UtcNow.AddMinutes(-1), "merch");
        Assert.Equal((FlagActionOutcome.Invalid, "until"), (result.Outcome, result.Field));
    }

    [Fact]
    public async Task Releasing_a_hold_puts_the_product_back_on_sale_with_an_audit_entry()
    {
        var (productId, flagId, version) = await SeedAsync();
        await using (var db = NewContext())
        {
            Assert.True((await Actions(db).ConfirmAsync(flagId, version, "merch")).Succeeded);
        }
        await using (var db = NewContext())
        {
            Assert.Equal("reason", (await Actions(db).ReleaseHoldAsync(productId, " ", "admin")).Field);
            Assert.True((await Actions(db).ReleaseHoldAsync(productId, "Supplier relabelled as professional", "admin")).Succeeded);
        }
        await using var check = NewContext();
        var product = await check.Products.SingleAsync(p => p.Id == productId);
        Assert.False(product.OnHold);
        Assert.Null(product.HoldReason);
        Assert.Equal(["flag.confirm", "product.release-hold"], check.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToArray());
    }
}
