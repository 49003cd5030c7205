namespace Shop.Core.Rules;

/// <summary>The thresholds of rules.md (configuration section "Rules"); the defaults are the spec's.</summary>
public sealed class RuleThresholds
{
    public double HomeMaxMm { get; set; } = 0.30;
    public double ProfessionalMinMm { get; set; } = 0.50;
    public double DeepScarMinMm { get; set; } = 2.00;
    public double PlausibleMinMm { get; set; } = 0.05;
    public double PlausibleMaxMm { get; set; } = 3.5;
    public decimal BudgetProfessionalPrice { get; set; } = 15m;
    public string BudgetProfessionalCurrency { get; set; } = "USD";

    /// <summary>Rough value of one unit of a currency in USD, to compare prices with BudgetProfessionalPrice
    /// ("or the same in the page's currency, roughly"). A currency missing here is not compared.</summary>
    public Dictionary<string, decimal> UsdPerUnit { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 1m, ["EUR"] = 1.08m, ["GBP"] = 1.27m, ["CAD"] = 0.73m, ["AUD"] = 0.66m, ["NZD"] = 0.60m,
        ["CHF"] = 1.13m, ["SEK"] = 0.095m, ["NOK"] = 0.093m, ["DKK"] = 0.145m, ["PLN"] = 0.25m, ["CZK"] = 0.043m,
        ["JPY"] = 0.0066m, ["CNY"] = 0.14m, ["INR"] = 0.012m, ["BRL"] = 0.18m, ["MXN"] = 0.055m, ["KRW"] = 0.00073m,
        // A bare "$" is mostly USD and otherwise CAD/AUD/NZD (0.6-0.75): close enough for an info-level signal.
        ["$"] = 1m,
        ["SGD"] = 0.74m, ["HKD"] = 0.128m, ["AED"] = 0.27m, ["ZAR"] = 0.054m, ["TRY"] = 0.03m,
    };

    /// <summary>The budget threshold in another currency, or null when the currency cannot be told.</summary>
    public decimal? BudgetIn(string? currency)
    {
        if (currency is null || !UsdPerUnit.TryGetValue(currency, out var rate) || rate <= 0) return null;
        if (!UsdPerUnit.TryGetValue(BudgetProfessionalCurrency, out var baseRate)) return null;
        return BudgetProfessionalPrice * baseRate / rate;
    }
}
