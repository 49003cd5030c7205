using System.Globalization;
using System.Text.RegularExpressions;
using Shop.Core.Model;

namespace Shop.Core.Catalogue;

/// <summary>A problem with one field of a listing; <see cref="Field"/> is the API's camelCase field name.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// A product listing as people and scripts type it: the admin form, a CSV row and an API body all become one of
/// these, so the same checks apply everywhere. Enum fields stay strings here so that an unknown word is a named
/// error rather than a binding failure.
/// </summary>
public sealed partial class ProductInput
{
    public const double MaxNeedleLengthMm = 5.0;
    public const decimal MaxPrice = 1_000_000m;

    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Kind { get; set; }
    public string? Brand { get; set; }
    public string? Description { get; set; }
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public double? NeedleLengthMm { get; set; }
    public int? NeedleCount { get; set; }
    public string? NeedleMaterial { get; set; }
    public string? IntendedUse { get; set; }
    public bool? SingleUse { get; set; }
    public bool? Sterile { get; set; }
    public List<string> Claims { get; set; } = [];
    public bool Published { get; set; }
    public int? SupplierId { get; set; }
    public string? SupplierUrl { get; set; }

    public static ProductInput From(Product p) => new()
    {
        Name = p.Name, Slug = p.Slug, Kind = p.Kind.ToWord(), Brand = p.Brand, Description = p.Description, Price = p.Price,
        Currency = p.Currency, NeedleLengthMm = p.NeedleLengthMm, NeedleCount = p.NeedleCount,
        NeedleMaterial = p.NeedleMaterial?.ToWord(), IntendedUse = p.IntendedUse?.ToWord(), SingleUse = p.SingleUse,
        Sterile = p.Sterile, Claims = p.Claims.Select(c => c.ToWord()).ToList(), Published = p.Published,
        SupplierId = p.SupplierId, SupplierUrl = p.SupplierUrl,
    };

    /// <summary>The checks that need no database; <see cref="ProductCatalogue"/> adds slug uniqueness and the supplier.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Error(string field, string message) => errors.Add(new FieldError(field, message));

        Name = Clean(Name);
        if (Name is null) Error("name", "Give the product a name.");
        else if (Name.Length > 200) Error("name", "The name must be at most 200 characters.");

        Slug = Clean(Slug)?.ToLowerInvariant() ?? (Name is null ? null : SlugFrom(Name));
        if (Slug is null || Slug.Length == 0) Error("slug", "Give the product a slug (lowercase letters, digits and hyphens).");
        else if (Slug.Length > 200 || !SlugPattern().IsMatch(Slug)) Error("slug", "The slug may hold only lowercase letters, digits and single hyphens, at most 200 characters.");

        Kind = Clean(Kind);
        if (Kind is null) Error("kind", $"Choose a kind: {string.Join(", ", Words.All<ProductKind>())}.");
        else if (!Words.TryParse<ProductKind>(Kind, out _)) Error("kind", $"Unknown kind '{Kind}': use one of {string.Join(", ", Words.All<ProductKind>())}.");

        Brand = Clean(Brand);
        if (Brand is { Length: > 100 }) Error("brand", "The brand must be at most 100 characters.");
        Description = Clean(Description);
        if (Description is { Length: > 4000 }) Error("description", "The description must be at most 4000 characters.");

        if (Price is null) Error("price", "Give a price.");
        else if (Price < 0) Error("price", "The price cannot be negative.");
        else if (Price > MaxPrice) Error("price", $"The price must be at most {MaxPrice:N0}.");
        else if (decimal.Round(Price.Value, 2) != Price) Error("price", "The price has at most two decimals.");

        Currency = Clean(Currency)?.ToUpperInvariant() ?? "USD";
        if (!CurrencyPattern().IsMatch(Currency)) Error("currency", "The currency is a three-letter ISO code such as USD or EUR.");

        if (NeedleLengthMm is { } mm && (double.IsNaN(mm) || mm <= 0 || mm > MaxNeedleLengthMm))
            Error("needleLengthMm", $"The needle length must be above 0 and at most {MaxNeedleLengthMm:0} mm.");
        if (NeedleCount is < 1 or > 10_000) Error("needleCount", "The needle count must be between 1 and 10,000.");

        NeedleMaterial = Clean(NeedleMaterial);
        if (NeedleMaterial is not null && !Words.TryParse<NeedleMaterial>(NeedleMaterial, out _))
            Error("needleMaterial", $"Unknown needle material '{NeedleMaterial}': use one of {string.Join(", ", Words.All<NeedleMaterial>())}.");
        IntendedUse = Clean(IntendedUse);
        if (IntendedUse is not null && !Words.TryParse<IntendedUse>(IntendedUse, out _))
            Error("intendedUse", $"Unknown intended use '{IntendedUse}': use one of {string.Join(", ", Words.All<IntendedUse>())}.");

        Claims = Claims.Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var claim in Claims.Where(c => !Words.TryParse<Claim>(c, out _)))
            Error("claims", $"Unknown claim '{claim}': use any of {string.Join(", ", Words.All<Claim>())}.");

        SupplierUrl = Clean(SupplierUrl);
        if (SupplierUrl is not null)
        {
            if (SupplierUrl.Length > 2000) Error("supplierUrl", "The supplier URL must be at most 2000 characters.");
            else if (!IsHttpUrl(SupplierUrl)) Error("supplierUrl", "The supplier URL must be an absolute http:// or https:// address.");
        }
        return errors;
    }

    /// <summary>Copies a validated input onto the entity.</summary>
    public void ApplyTo(Product product)
    {
        product.Name = Name!;
        product.Slug = Slug!;
        product.Kind = Words.Parse<ProductKind>(Kind!);
        product.Brand = Brand;
        product.Description = Description;
        product.Price = Price!.Value;
        product.Currency = Currency ?? "USD";
        product.NeedleLengthMm = NeedleLengthMm;
        product.NeedleCount = NeedleCount;
        product.NeedleMaterial = NeedleMaterial is null ? null : Words.Parse<NeedleMaterial>(NeedleMaterial);
        product.IntendedUse = IntendedUse is null ? null : Words.Parse<IntendedUse>(IntendedUse);
        product.SingleUse = SingleUse;
        product.Sterile = Sterile;
        product.Claims = Claims.Select(Words.Parse<Claim>).ToList();
        product.Published = Published;
        product.SupplierId = SupplierId;
        product.SupplierUrl = SupplierUrl;
    }

    /// <summary>The listing as field name and text, in a stable order: the audit log's before/after and the CSV columns.</summary>
    public IReadOnlyList<(string Field, string? Value)> Describe() =>
    [
        ("name", Name), ("slug", Slug), ("kind", Kind), ("brand", Brand), ("description", Description),
        ("price", Price?.ToString("0.00", CultureInfo.InvariantCulture)), ("currency", Currency),
        ("needleLengthMm", NeedleLengthMm?.ToString("0.###", CultureInfo.InvariantCulture)),
        ("needleCount", NeedleCount?.ToString(CultureInfo.InvariantCulture)), ("needleMaterial", NeedleMaterial),
        ("intendedUse", IntendedUse), ("singleUse", Bool(SingleUse)), ("sterile", Bool(Sterile)),
        ("claims", Claims.Count == 0 ? null : string.Join(";", Claims)), ("published", Bool(Published)),
        ("supplierId", SupplierId?.ToString(CultureInfo.InvariantCulture)), ("supplierUrl", SupplierUrl),
    ];

    /// <summary>"price: 10.00 → 12.00; sterile: yes → no"; empty when nothing changed.</summary>
    public static string Changes(ProductInput before, ProductInput after)
    {
        var old = before.Describe().ToDictionary(f => f.Field, f => f.Value);
        return string.Join("; ", after.Describe()
            .Where(f => old[f.Field] != f.Value)
            .Select(f => f.Field == "description" ? "description changed" : $"{f.Field}: {old[f.Field] ?? "—"} → {f.Value ?? "—"}"));
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static string SlugFrom(string name) => SlugJunk().Replace(name.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug
        ? slug[..Math.Min(slug.Length, 200)].TrimEnd('-') : "";

    private static string? Bool(bool? value) => value switch { true => "yes", false => "no", null => null };
    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugJunk();
}
