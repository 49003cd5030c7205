using System.Globalization;
using Shop.Core.Model;

namespace Shop.Web.Storefront;

/// <summary>A product as a storefront card shows it; projected so list queries read only these columns.</summary>
public sealed record ProductCard(int Id, string Name, string Slug, ProductKind Kind, string? Brand, decimal Price, string Currency,
    double? NeedleLengthMm, IntendedUse? IntendedUse, bool? SingleUse);

/// <summary>The storefront's departments, each one or more kinds.</summary>
public sealed record Department(string Title, string Blurb, string Icon, ProductKind[] Kinds);

/// <summary>Shopper-facing words for kinds, uses and prices.</summary>
public static class Catalog
{
    public static readonly IReadOnlyList<Department> Departments =
    [
        new("Derma rollers", "Rolling heads of fine needles, from gentle at-home 0.2 mm to clinic lengths.", "roller", [ProductKind.Roller]),
        new("Derma stamps", "Small stamping heads for precise work on small areas.", "stamp", [ProductKind.Stamp]),
        new("Pens and cartridges", "Motorised professional pens and their sterile single-use cartridges.", "pen", [ProductKind.Pen, ProductKind.Cartridge]),
        new("Microneedle patches", "Dissolving patches, one use each, for targeted overnight care.", "patch", [ProductKind.Patch]),
        new("Moisturisers and serums", "Post-care and everyday skincare for calm, protected skin.", "bottle", [ProductKind.Moisturiser, ProductKind.Serum]),
    ];

    public static string KindName(ProductKind kind) => kind switch
    {
        ProductKind.Roller => "Derma roller",
        ProductKind.Stamp => "Derma stamp",
        ProductKind.Pen => "Microneedling pen",
        ProductKind.Cartridge => "Pen cartridge",
        ProductKind.Patch => "Microneedle patch",
        ProductKind.Moisturiser => "Moisturiser",
        ProductKind.Serum => "Serum",
        _ => "Other",
    };

    public static string KindPlural(ProductKind kind) => kind switch
    {
        ProductKind.Roller => "Derma rollers",
        ProductKind.Stamp => "Derma stamps",
        ProductKind.Pen => "Microneedling pens",
        ProductKind.Cartridge => "Pen cartridges",
        ProductKind.Patch => "Microneedle patches",
        ProductKind.Moisturiser => "Moisturisers",
        ProductKind.Serum => "Serums",
        _ => "Other",
    };

    public static string Icon(ProductKind kind) => kind switch
    {
        ProductKind.Roller => "roller",
        ProductKind.Stamp => "stamp",
        ProductKind.Pen or ProductKind.Cartridge => "pen",
        ProductKind.Patch => "patch",
        _ => "bottle",
    };

    public static string UseName(IntendedUse? use) => use switch
    {
        IntendedUse.Home => "Home use",
        IntendedUse.Professional => "Professional use",
        IntendedUse.Both => "Home or professional",
        _ => "Use not stated",
    };

    public static string Money(decimal price, string currency) => currency == "USD"
        ? "$" + price.ToString("0.00", CultureInfo.InvariantCulture)
        : price.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    public static string Mm(double mm) => mm.ToString("0.0#", CultureInfo.InvariantCulture) + " mm";

    public static bool IsNeedled(ProductKind kind) => kind is ProductKind.Roller or ProductKind.Stamp or ProductKind.Pen or ProductKind.Cartridge or ProductKind.Patch;
}
