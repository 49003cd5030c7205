using Shop.Core.Model;

namespace Shop.Core.Rules;

/// <summary>One rule of rules.md as the UI lists it.</summary>
public sealed record RuleInfo(string Id, string Group, string SeverityWording, Severity HighestSeverity, string Description, string Source);

/// <summary>The rule catalogue of rules.md as data: ids, severities in words, what fires them, and the source each stands on.</summary>
public static class RuleCatalogue
{
    private const string ShopGuidance = "Shop guidance: \"What is Microneedling?\" (home 0.1-0.3 mm, professional 0.5-3 mm)";
    private const string FdaGuidance = "US FDA, Regulatory Considerations for Microneedling Products, final guidance, 10 Nov 2020";
    private const string SciRep = "Scientific Reports 2022, doi 10.1038/s41598-022-22481-w (home < 0.5 mm, clinical pens 0.5-3.5 mm)";
    private const string Cfr878 = "21 CFR 878.4430 special controls (needle length on the label, sterile patient-contacting parts, reprocessing of reusable parts)";
    private const string En556 = "EN 556-1 (STERILE only after a validated process; ISO 11135 EO, ISO 11137 radiation); ISO 15223-1 symbols";

    public static readonly IReadOnlyList<RuleInfo> All =
    [
        new("home-use-needle-too-long", "Needle length", "warning if max length > HomeMaxMm; error if >= ProfessionalMinMm", Severity.Error,
            "A needled product marketed for home, personal or self use has needles longer than home devices (0.1-0.3 mm).", ShopGuidance + "; " + SciRep),
        new("short-needle-regeneration-claim", "Needle length", "warning", Severity.Warning,
            "Needles shorter than professional length, yet the page claims collagen induction, scar or stretch-mark treatment, or cell regeneration.", ShopGuidance + "; " + FdaGuidance),
        new("deep-scar-needle-too-short", "Needle length", "info", Severity.Info,
            "Claims to treat deep, old, pitted or ice-pick scars with needles shorter than DeepScarMinMm.", ShopGuidance),
        new("needle-length-missing", "Needle length", "warning", Severity.Warning,
            "A roller, stamp, pen, cartridge or patch whose page states no needle length.", Cfr878),
        new("needle-length-inconsistent", "Needle length", "warning", Severity.Warning,
            "The page states different needle lengths in different places, and no kit, variant list or adjustable range explains them.", Cfr878),
        new("needle-length-implausible", "Needle length", "warning", Severity.Warning,
            "A needle length outside PlausibleMinMm..PlausibleMaxMm: probably a unit or reading error.", SciRep),
        new("home-use-pen", "Needle length", "error", Severity.Error,
            "A motorised microneedling pen marketed for home use; no regulator has authorised one for home use.", "Health Canada advisory, Dec 2021; " + FdaGuidance),
        new("single-use-with-reuse-instructions", "Single use", "error", Severity.Error,
            "Says single-use, disposable or do not reuse, and also tells how to clean, store or reuse it, or how long it lasts.", "ISO 15223-1 (do not re-use); ISO 23958-2:2022"),
        new("reusable-patch", "Single use", "error", Severity.Error,
            "A microneedle patch described as reusable, washable or for several uses; patches are one-time use to prevent infection.", ShopGuidance),
        new("reusable-penetrating-roller", "Single use", "warning", Severity.Warning,
            "A reusable roller or stamp with needles of professional length.", "ISO 23958-2:2022; " + Cfr878),
        new("sterile-but-sterilize-before-use", "Sterility", "error", Severity.Error,
            "Claims to be sterile, yet tells the user to sterilise or disinfect it before first use.", En556),
        new("sterile-claim-without-method", "Sterility", "warning", Severity.Warning,
            "Claims to be sterile but names no sterilisation method and no sealed-pack, lot or expiry statement.", En556 + "; EU MDR Annex I 23.2"),
        new("alcohol-called-sterilization", "Sterility", "warning", Severity.Warning,
            "Calls soaking in alcohol, boiling, UV or hot water \"sterilising\"; alcohol disinfects, it does not sterilise.", "CDC Guideline for Disinfection and Sterilization, 2008"),
        new("penetrating-device-not-sterile", "Sterility", "warning", Severity.Warning,
            "Professional-length or professionally marketed needles with a non-sterile statement or no sterility statement at all.", Cfr878 + "; " + ShopGuidance),
        new("fda-approved-claim", "Marketing claims", "error", Severity.Error,
            "\"FDA approved\" (or \"FDA registered\" used as approval) for a microneedling product; such devices are cleared or granted, never approved.", "21 CFR 807.39; " + FdaGuidance),
        new("budget-professional-roller", "Marketing claims", "info", Severity.Info,
            "Marketed as professional, medical grade or clinic at a price under BudgetProfessionalPrice.", ShopGuidance),
        new("plastic-needles", "Marketing claims", "info", Severity.Info,
            "The needles are plastic.", ShopGuidance),
        new("topical-for-needling", "Marketing claims", "warning", Severity.Warning,
            "A moisturiser or serum sold for use with a roller, during microneedling or \"into the dermis\".", "EU cosmetics borderline manual 3.3.11; 21 CFR 878.4430 (excludes transdermal delivery)"),
        new("catalogue-needle-length-mismatch", "Catalogue against supplier", "error", Severity.Error,
            "The shop's listing gives a needle length that is not among the supplier's lengths.", "Shop policy"),
        new("catalogue-use-mismatch", "Catalogue against supplier", "error", Severity.Error,
            "The listing markets home use while the supplier says professional use only, or its needles are professional length.", ShopGuidance),
        new("catalogue-single-use-mismatch", "Catalogue against supplier", "error", Severity.Error,
            "The listing and the supplier disagree on single use.", "ISO 15223-1 (do not re-use)"),
        new("catalogue-sterility-mismatch", "Catalogue against supplier", "error", Severity.Error,
            "The listing says sterile while the supplier says non-sterile or says nothing about sterility.", En556),
    ];

    public static RuleInfo? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
