using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shop.Core.Model;

namespace Shop.Core.Checking;

// The output contract of ../shared/spec/check-cli.md. Property names serialise (camelCase, Words.Json) to
// exactly the field names of that spec; absent knowledge is null.

public sealed record Evidence(string Text, EvidenceSource From);

public sealed class CheckedProduct
{
    public string? Name { get; set; }
    public string? Brand { get; set; }
    public string? Sku { get; set; }
    public string? Gtin { get; set; }

    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string? Availability { get; set; }
    public ProductKind? Kind { get; set; }
}

public sealed class PageFacts
{
    public List<double> NeedleLengthsMm { get; set; } = [];
    public int? NeedleCount { get; set; }
    public NeedleMaterial? NeedleMaterial { get; set; }
    public IntendedUse? IntendedUse { get; set; }
    public bool? SingleUse { get; set; }
    public Sterility Sterility { get; set; } = Sterility.Unknown;
    public SterilizationMethod? SterilizationMethod { get; set; }
    public List<Claim> Claims { get; set; } = [];

    [JsonIgnore]
    public double? MaxNeedleLengthMm => NeedleLengthsMm.Count == 0 ? null : NeedleLengthsMm.Max();
}

/// <summary>A rule that fired on one page, with the evidence it rests on (never empty).</summary>
public sealed record RuleHit(string Rule, Severity Severity, string Message, IReadOnlyList<Evidence> Evidence);

public sealed class CheckResult
{
    public required string Source { get; set; }
    public bool Ok { get; set; }
    public string? Error { get; set; }
    public CheckedProduct? Product { get; set; }
    public PageFacts? Facts { get; set; }
    public List<RuleHit> Flags { get; set; } = [];

    public static CheckResult Failed(string source, string error) => new() { Source = source, Ok = false, Error = error };
}

/// <summary>The shop's catalogue listing of the product, for the catalogue-* rules (check --listing, or the product row).</summary>
public sealed class Listing
{
    public string? Name { get; set; }
    public ProductKind? Kind { get; set; }
    public double? NeedleLengthMm { get; set; }
    public IntendedUse? IntendedUse { get; set; }
    public bool? SingleUse { get; set; }
    public bool? Sterile { get; set; }

    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Price { get; set; }
    public string? Currency { get; set; }

    public static Listing From(Product product) => new()
    {
        Name = product.Name,
        Kind = product.Kind,
        NeedleLengthMm = product.NeedleLengthMm,
        IntendedUse = product.IntendedUse,
        SingleUse = product.SingleUse,
        Sterile = product.Sterile,
        Price = product.Price,
        Currency = product.Currency,
    };
}

/// <summary>Writes decimals as invariant strings ("14.50"); reads strings or numbers.</summary>
public sealed class DecimalStringConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new JsonException("price must be a decimal string such as \"14.50\""),
    };

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.Value.ToString("0.00##", CultureInfo.InvariantCulture));
    }
}
