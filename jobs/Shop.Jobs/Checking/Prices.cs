using System.Globalization;

namespace Shop.Jobs.Checking;

/// <summary>Reads prices the way the page means them: "1.299,00 EUR" is 1299.00, "$12.99" is 12.99.</summary>
internal static class Prices
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR", ["£"] = "GBP", ["₹"] = "INR", ["zł"] = "PLN", ["R$"] = "BRL", ["C$"] = "CAD", ["CA$"] = "CAD",
        ["A$"] = "AUD", ["AU$"] = "AUD", ["NZ$"] = "NZD", ["HK$"] = "HKD", ["S$"] = "SGD", ["US$"] = "USD", ["Kč"] = "CZK",
        ["RMB"] = "CNY",
    };

    private static readonly HashSet<string> CommaDecimalCurrencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "EUR", "PLN", "BRL", "CZK", "SEK", "NOK", "DKK", "CHF", "kr", "TRY",
    };

    /// <summary>An ISO 4217 code where the symbol tells it, else the symbol as found ("$", "¥", "kr").</summary>
    public static string? Currency(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var compact = raw.Replace(" ", "").Trim();
        if (Symbols.TryGetValue(compact, out var code)) return code;
        if (compact.Length == 3 && compact.All(char.IsAsciiLetter)) return compact.ToUpperInvariant();
        return compact;
    }

    public static decimal? Parse(string? raw, string? currency = null)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = new string(raw.Where(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray());
        if (s.Length == 0 || !s.Any(char.IsAsciiDigit)) return null;
        s = s.Trim('.', ',');
        int lastDot = s.LastIndexOf('.'), lastComma = s.LastIndexOf(',');
        string normal;
        if (lastDot >= 0 && lastComma >= 0)
        {
            normal = lastComma > lastDot ? s.Replace(".", "").Replace(',', '.') : s.Replace(",", "");
        }
        else if (lastComma >= 0)
        {
            var decimals = s.Length - lastComma - 1;
            var commas = s.Count(c => c == ',');
            normal = commas == 1 && decimals != 3 ? s.Replace(',', '.') : s.Replace(",", "");
        }
        else if (lastDot >= 0)
        {
            var decimals = s.Length - lastDot - 1;
            var dots = s.Count(c => c == '.');
            var thousands = dots > 1 || (decimals == 3 && currency is not null && CommaDecimalCurrencies.Contains(currency));
            normal = thousands ? s.Replace(".", "") : s;
        }
        else
        {
            normal = s;
        }
        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value < 10_000_000m
            ? value
            : null;
    }

    private static readonly string[] AvailabilityNames =
    [
        "InStock", "OutOfStock", "PreOrder", "BackOrder", "Discontinued", "InStoreOnly", "LimitedAvailability",
        "OnlineOnly", "PreSale", "SoldOut", "Reserved", "MadeToOrder",
    ];

    /// <summary>schema.org availability name from a URL ("https://schema.org/InStock"), a bare name, or Open Graph words.</summary>
    public static string? Availability(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim();
        var slash = value.LastIndexOfAny(['/', '#', ':']);
        if (slash >= 0) value = value[(slash + 1)..];
        var key = new string(value.Where(char.IsAsciiLetter).ToArray());
        foreach (var name in AvailabilityNames)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return name;
        }
        if (Vocabulary.OutOfStock().IsMatch(raw)) return "OutOfStock";
        if (Vocabulary.PreOrder().IsMatch(raw)) return "PreOrder";
        if (Vocabulary.InStock().IsMatch(raw) || key.Equals("available", StringComparison.OrdinalIgnoreCase)) return "InStock";
        return null;
    }

    public static string? Gtin(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is 8 or 12 or 13 or 14 ? digits : null;
    }
}
