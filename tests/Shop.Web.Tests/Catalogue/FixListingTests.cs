using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Checking;
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

    /// <summary>The supplier's stored extraction: a sterile home roller with 0.25 mm needles.</summary>
    private async Task StorePageAsync(int productId)
    {
        var page = new ExtractedPage
        {
            Product = new CheckedProduct { Name = "Derma roller 0.25 mm", Kind = ProductKind.Roller },
            Facts = new PageFacts { NeedleLengthsMm = [0.25], IntendedUse = IntendedUse.Home, Sterility = Sterility.Sterile, SingleUse = false },
            Lengths = [new LengthMention([0.25], "Needle length: 0.25 mm", EvidenceSource.Spec)],
            Cues =
            [
                new Cue(CueKind.Kind, "Derma roller", EvidenceSource.Title, "roller"),
                new Cue(CueKind.HomeUse, "For gentle home use", EvidenceSource.Description),
                new Cue(CueKind.Sterile, "Sterilised by gamma irradiation", EvidenceSource.Description),
                new Cue(CueKind.SterilizationMethod, "gamma irradiation", EvidenceSource.Description, "gamma"),
            ],
        };
        await factory.WithDbAsync(async db =>
        {
            db.SupplierPages.Add(new SupplierPage
            {
                ProductId = productId, Url = "https://supplier.example/roller", FactsJson = page.ToJson(),
                LastOutcome = "ok", LastCheckedUtc = DateTime.UtcNow.AddMinutes(-5),
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Fixing_the_needle_length_reruns_the_rules_and_resolves_the_catalogue_flag()
    {
        var (productId, flagId) = await SeedAsync();
        await StorePageAsync(productId);
        var client = factory.Client(Merch);
        var url = $"/Admin/Flags/Details/{flagId}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), ".fix-listing form", new Dictionary<string, string?> { ["Input.NeedleLengthMm"] = "0.25" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("1 flag(s) resolved", after.QuerySelector("[role=status]")!.TextContent);

        var flag = await factory.WithDbAsync(db => db.Flags.AsNoTracking().SingleAsync(f => f.Id == flagId));
        Assert.Equal(FlagStatus.Resolved, flag.Status);
        var product = await factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == productId));
        Assert.Equal(await factory.WithDbAsync(db => db.Flags.CountAsync(f => f.ProductId == productId && f.Status == FlagStatus.Open)), product.OpenFlagCount);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProductId == productId && a.Action == "flag.resolve")));
    }

    [Fact]
    public async Task Editing_a_listing_to_contradict_the_supplier_opens_the_catalogue_flag_at_once()
    {
        var (productId, flagId) = await SeedAsync();
        await StorePageAsync(productId);
        await factory.WithDbAsync(db => db.Flags.Where(f => f.Id == flagId).ExecuteDeleteAsync());
        var client = factory.Client(Merch);
        var url = $"/Admin/Products/Edit/{productId}";
        var response = await client.SubmitAsync(await client.GetPageAsync(url), "form.product-form",
            new Dictionary<string, string?> { ["Input.NeedleLengthMm"] = "0.25", ["Input.Sterile"] = "true" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Flags.AnyAsync(f => f.ProductId == productId && f.Rule.StartsWith("catalogue-") && f.Status == FlagStatus.Open)));

        response = await client.SubmitAsync(await client.GetPageAsync(url), "form.product-form",
            new Dictionary<string, string?> { ["Input.NeedleLengthMm"] = "1.5" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("opened", (await client.GetPageAsync(url)).QuerySelector("[role=status]")!.TextContent);
        var opened = await factory.WithDbAsync(db => db.Flags.AsNoTracking().SingleAsync(f => f.ProductId == productId && f.Rule == "catalogue-needle-length-mismatch"));
        Assert.Equal(FlagStatus.Open, opened.Status);
        Assert.Contains(opened.Evidence, e => e.From == EvidenceSource.Listing && e.Text.Contains("1.5"));
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
