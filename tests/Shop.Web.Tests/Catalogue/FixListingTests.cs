using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Model;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Catalogue;

/// <summary>"Fix the listing" on a flag's page: the product's fields edited inline, through the catalogue's validation and audit.</summary>
public sealed class FixListingTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private const string Merch = "merch@shop.test|Merchandiser";

    private async Task<(int ProductId, int FlagId)> SeedAsync()
    {
        var product = new Product
        {
            Name = "Home roller 1.0 mm", Slug = $"fix-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Price = 15m, NeedleLengthMm = 1.0,
            IntendedUse = IntendedUse.Home, Published = true, OpenFlagCount = 1, SupplierUrl = "https://supplier.example/roller",
        };
        product.Flags.Add(new Flag
        {
            Rule = "catalogue-needle-length-mismatch", Severity = Severity.Error, Status = FlagStatus.Open,
            Message = "The listing says 1.0 mm; the supplier offers 0.25 mm", EvidenceHash = "fix",
            Evidence = [new FlagEvidence { Text = "needleLengthMm: 1", From = EvidenceSource.Listing }],
            FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
        });
        await factory.WithDbAsync(async db => { db.Products.Add(product); return await db.SaveChangesAsync(); });
        return (product.Id, product.Flags[0].Id);
    }

    [Fact]
    public async Task Fixing_the_listing_from_the_flag_page_saves_it_and_records_the_change()
    {
        var (productId, flagId) = await SeedAsync();
        var client = factory.Client(Merch);
        var url = $"/Admin/Flags/Details/{flagId}";
        var page = await client.GetPageAsync(url);
        Assert.Equal("1", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(".fix-listing input[name='Input.NeedleLengthMm']")!.Value);
        var response = await client.SubmitAsync(page, ".fix-listing form", new Dictionary<string, string?> { ["Input.NeedleLengthMm"] = "0.25" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Listing saved", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("needleLengthMm: 1 → 0.25", after.QuerySelector("#history-heading")!.ParentElement!.TextContent);
        Assert.Equal(0.25, await factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.NeedleLengthMm).SingleAsync()));
    }

    [Fact]
    public async Task A_bad_value_in_the_inline_listing_is_shown_next_to_the_field_and_nothing_is_saved()
    {
        var (productId, flagId) = await SeedAsync();
        var client = factory.Client(Merch);
        var url = $"/Admin/Flags/Details/{flagId}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), ".fix-listing form",
            new Dictionary<string, string?> { ["Input.NeedleLengthMm"] = "6", ["Input.Price"] = "-2" }, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("details.fix-listing[open]"));
        Assert.Contains("at most 5 mm", page.FieldError("Input.NeedleLengthMm"));
        Assert.Contains("cannot be negative", page.FieldError("Input.Price"));
        var stored = await factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == productId));
        Assert.Equal(1.0, stored.NeedleLengthMm);
        Assert.Equal(15m, stored.Price);
    }

    [Fact]
    public async Task Shoppers_cannot_fix_a_listing()
    {
        var (productId, flagId) = await SeedAsync();
        var response = await factory.Client("shopper@shop.test").PostAsync($"/Admin/Flags/Details/{flagId}?handler=FixListing",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Hacked", ["Input.Kind"] = "roller", ["Input.Price"] = "1" }));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal("Home roller 1.0 mm", await factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync()));
    }
}
