using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Storefront;

/// <summary>A needle-length range with thousands of matches is paged by walking the name index (the storefront's
/// plan for wide ranges); its pages must be exactly the visible matches in name order, as the sorted plan gives.</summary>
public sealed class NeedleRangePagingTests : IClassFixture<NeedleRangePagingTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public IdentityShopFactory Shop { get; } = new();
        public List<(string Name, double Mm, bool Visible)> Products { get; } = [];

        public async Task InitializeAsync()
        {
            await using var scope = Shop.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var random = new Random(7);
            for (var i = 0; i < 4_000; i++)
            {
                var mm = 0.25 * (1 + random.Next(10));
                var held = i % 37 == 0;
                var draft = i % 41 == 0;
                var name = $"Stamp {random.Next(100_000):00000} {i}";
                Products.Add((name, mm, !held && !draft));
                db.Products.Add(new Product
                {
                    Name = name, Slug = $"stamp-{i}", Kind = ProductKind.Stamp, Price = 20m, NeedleLengthMm = mm,
                    IntendedUse = IntendedUse.Professional, Published = !draft, OnHold = held, HoldReason = held ? "confirmed error" : null,
                });
            }
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            Shop.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Fixture fixture;

    public NeedleRangePagingTests(Fixture fixture) => this.fixture = fixture;

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 40)]
    [InlineData("&kind=stamp", 25)]
    [InlineData("&sort=name", 2)]
    public async Task Pages_of_a_wide_needle_range_are_the_visible_matches_in_name_order(string extra, int page)
    {
        var expected = fixture.Products.Where(p => p.Visible && p.Mm is >= 0.5 and <= 2.0)
            .Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 2_000, "the range must be wide enough for the index walk");

        var document = await fixture.Shop.Browser().GetDocumentAsync($"/Products?minMm=0.5&maxMm=2.0{extra}&p={page}");
        var names = document.QuerySelectorAll(".product-card .product-name").Select(e => e.TextContent.Trim()).ToList();

        Assert.Equal(expected.Skip((page - 1) * 24).Take(24), names);
        Assert.StartsWith($"{expected.Count:N0} products", document.QuerySelector("#result-count")!.TextContent.Trim());
    }
}
