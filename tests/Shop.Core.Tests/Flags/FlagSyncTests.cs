using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Checking;
using Shop.Core.Data;
using Shop.Core.Flags;
using Shop.Core.Model;

namespace Shop.Core.Tests.Flags;

public sealed class FlagSyncTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private int productId;

    public FlagSyncTests()
    {
        connection.Open();
        using var db = NewContext();
        db.Database.Migrate();
        var product = new Product { Name = "Home roller", Slug = "home-roller", Kind = ProductKind.Roller, Published = true };
        db.Products.Add(product);
        db.SaveChanges();
        productId = product.Id;
    }

    public void Dispose() => connection.Dispose();

    private ShopDbContext NewContext() => new(new DbContextOptionsBuilder<ShopDbContext>()
        .UseSqlite(connection, s => s.MigrationsAssembly(ShopCoreExtensions.SqliteMigrationsAssembly)).Options);

    private static RuleHit TooLong(string evidence = "Needle length: 1.0 mm") =>
        new("home-needle-too-long", Severity.Error, "Sold for home use with 1.0 mm needles.", [new Evidence(evidence, EvidenceSource.Spec)]);

    private static RuleHit Unsterile() =>
        new("sterile-claim-contradicted", Severity.Warning, "Sterile, yet to be soaked in alcohol first.", [new Evidence("Soak in alcohol before use", EvidenceSource.Description)]);

    private async Task<FlagSyncSummary> ScanAsync(params RuleHit[] hits)
    {
        await using var db = NewContext();
        var product = await db.Products.SingleAsync(p => p.Id == productId);
        var summary = await new FlagSync(db, TimeProvider.System).ApplyAsync(product, hits);
        await db.SaveChangesAsync();
        return summary;
    }

    private async Task<(List<Flag> Flags, Product Product)> StateAsync()
    {
        await using var db = NewContext();
        return (await db.Flags.AsNoTracking().Where(f => f.ProductId == productId).OrderBy(f => f.Rule).ToListAsync(),
            await db.Products.AsNoTracking().SingleAsync(p => p.Id == productId));
    }

    private async Task SetStatusAsync(string rule, FlagStatus status)
    {
        await using var db = NewContext();
        var flag = await db.Flags.SingleAsync(f => f.ProductId == productId && f.Rule == rule);
        flag.Status = status;
        if (status == FlagStatus.Dismissed) flag.DismissedEvidenceHash = flag.EvidenceHash;
        var product = await db.Products.SingleAsync(p => p.Id == productId);
        product.OpenFlagCount = await db.Flags.CountAsync(f => f.ProductId == productId && f.Id != flag.Id && f.Status == FlagStatus.Open);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_new_hit_opens_a_flag_and_counts_it_on_the_product()
    {
        var summary = await ScanAsync(TooLong(), Unsterile());
        var (flags, product) = await StateAsync();
        Assert.Equal(2, summary.Opened);
        Assert.Equal(1, summary.NewErrors);
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Equal(FlagStatus.Open, f.Status));
        Assert.Equal(2, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_rule_firing_again_updates_the_same_flag_last_seen()
    {
        await ScanAsync(TooLong());
        var (before, _) = await StateAsync();
        await Task.Delay(20);
        var summary = await ScanAsync(TooLong());
        var (after, product) = await StateAsync();
        var flag = Assert.Single(after);
        Assert.Equal(before[0].Id, flag.Id);
        Assert.True(flag.LastSeenUtc > before[0].LastSeenUtc);
        Assert.Equal(before[0].FirstSeenUtc, flag.FirstSeenUtc);
        Assert.Equal(1, summary.Updated);
        Assert.Equal(0, summary.NewErrors);
        Assert.Equal(1, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_rule_that_stops_firing_resolves_its_flag()
    {
        await ScanAsync(TooLong(), Unsterile());
        var summary = await ScanAsync(Unsterile());
        var (flags, product) = await StateAsync();
        Assert.Equal(1, summary.Resolved);
        Assert.Equal(FlagStatus.Resolved, flags.Single(f => f.Rule == "home-needle-too-long").Status);
        Assert.NotNull(flags.Single(f => f.Rule == "home-needle-too-long").ClosedUtc);
        Assert.Equal(1, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_resolved_flag_reopens_when_the_rule_fires_again()
    {
        await ScanAsync(TooLong());
        await ScanAsync();
        var summary = await ScanAsync(TooLong());
        var (flags, product) = await StateAsync();
        Assert.Equal(FlagStatus.Open, Assert.Single(flags).Status);
        Assert.Equal(1, summary.Reopened);
        Assert.Equal(1, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_dismissed_flag_stays_dismissed_while_the_evidence_is_the_same()
    {
        await ScanAsync(TooLong());
        await SetStatusAsync("home-needle-too-long", FlagStatus.Dismissed);
        var summary = await ScanAsync(TooLong());
        var (flags, product) = await StateAsync();
        Assert.Equal(FlagStatus.Dismissed, Assert.Single(flags).Status);
        Assert.Equal(0, summary.NewErrors);
        Assert.Equal(0, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_dismissed_flag_reopens_when_the_evidence_changes()
    {
        await ScanAsync(TooLong());
        await SetStatusAsync("home-needle-too-long", FlagStatus.Dismissed);
        var summary = await ScanAsync(TooLong("Needle length: 1.5 mm"));
        var (flags, product) = await StateAsync();
        var flag = Assert.Single(flags);
        Assert.Equal(FlagStatus.Open, flag.Status);
        Assert.Equal("Needle length: 1.5 mm", Assert.Single(flag.Evidence).Text);
        Assert.Equal(1, summary.NewErrors);
        Assert.Equal(1, product.OpenFlagCount);
    }

    [Fact]
    public async Task A_dismissed_flag_is_not_resolved_when_its_rule_stops_firing()
    {
        await ScanAsync(TooLong());
        await SetStatusAsync("home-needle-too-long", FlagStatus.Dismissed);
        await ScanAsync();
        var (flags, _) = await StateAsync();
        Assert.Equal(FlagStatus.Dismissed, Assert.Single(flags).Status);
    }

    [Fact]
    public async Task A_confirmed_flag_stays_confirmed_when_the_rule_fires_again()
    {
        await ScanAsync(TooLong());
        await SetStatusAsync("home-needle-too-long", FlagStatus.Confirmed);
        await ScanAsync(TooLong("Needle length: 2.0 mm"));
        var (flags, product) = await StateAsync();
        Assert.Equal(FlagStatus.Confirmed, Assert.Single(flags).Status);
        Assert.Equal(0, product.OpenFlagCount);
    }

    [Fact]
    public async Task Running_the_same_sync_twice_leaves_one_flag_per_rule()
    {
        await ScanAsync(TooLong(), TooLong());
        await ScanAsync(TooLong());
        var (flags, product) = await StateAsync();
        Assert.Single(flags);
        Assert.Equal(1, product.OpenFlagCount);
    }
}
