using Shop.Core.Catalogue;
using Shop.Core.Model;

namespace Shop.Core.Tests.Catalogue;

public class ProductInputTests
{
    private static ProductInput Valid() => new() { Name = "Titanium Roller 0.25 mm", Kind = "roller", Price = 19.90m, NeedleLengthMm = 0.25 };

    [Fact]
    public void A_valid_listing_has_no_errors_and_gets_a_slug_and_currency()
    {
        var input = Valid();
        Assert.Empty(input.Validate());
        Assert.Equal("titanium-roller-0-25-mm", input.Slug);
        Assert.Equal("USD", input.Currency);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(5.01)]
    [InlineData(double.NaN)]
    public void Needle_lengths_of_zero_or_above_5_mm_are_refused(double mm)
    {
        var input = Valid();
        input.NeedleLengthMm = mm;
        Assert.Equal("needleLengthMm", Assert.Single(input.Validate()).Field);
    }

    [Fact]
    public void Five_mm_exactly_is_allowed()
    {
        var input = Valid();
        input.NeedleLengthMm = 5.0;
        Assert.Empty(input.Validate());
    }

    [Theory]
    [InlineData("price", null)]
    [InlineData("price", "-0.01")]
    [InlineData("price", "1.005")]
    public void Prices_must_be_given_not_negative_and_in_cents(string field, string? price)
    {
        var input = Valid();
        input.Price = price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(field, Assert.Single(input.Validate()).Field);
    }

    [Theory]
    [InlineData("ftp://supplier.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/page")]
    [InlineData("file:///etc/passwd")]
    public void Supplier_urls_must_be_absolute_http_or_https(string url)
    {
        var input = Valid();
        input.SupplierUrl = url;
        Assert.Equal("supplierUrl", Assert.Single(input.Validate()).Field);
    }

    [Fact]
    public void Unknown_words_are_named_with_the_accepted_ones()
    {
        var input = Valid();
        input.Kind = "wand";
        input.NeedleMaterial = "gold";
        input.IntendedUse = "spa";
        input.Claims = ["absorption", "miracle"];
        var errors = input.Validate();
        Assert.Equal(["kind", "needleMaterial", "intendedUse", "claims"], errors.Select(e => e.Field));
        Assert.Contains("roller, stamp, pen", errors[0].Message);
        Assert.Contains("'miracle'", errors[3].Message);
    }

    [Theory]
    [InlineData("Bad Slug")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void Slugs_are_lowercase_words_joined_by_single_hyphens(string slug)
    {
        var input = Valid();
        input.Slug = slug;
        Assert.Equal("slug", Assert.Single(input.Validate()).Field);
    }

    [Fact]
    public void Changes_lists_only_the_fields_that_differ()
    {
        var before = ProductInput.From(new Product { Name = "Roller", Slug = "roller", Kind = ProductKind.Roller, Price = 10m, Sterile = true });
        var after = ProductInput.From(new Product { Name = "Roller", Slug = "roller", Kind = ProductKind.Roller, Price = 12.5m, Sterile = false });
        Assert.Equal("price: 10.00 → 12.50; sterile: yes → no", ProductInput.Changes(before, after));
        Assert.Equal("", ProductInput.Changes(before, before));
    }
}
