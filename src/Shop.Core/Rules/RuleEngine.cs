using System.Globalization;
using Shop.Core.Checking;
using Shop.Core.Model;

namespace Shop.Core.Rules;

/// <summary>What every rule sees: the page's extraction, the shop's listing when known, the thresholds.</summary>
public sealed record RuleContext(ExtractedPage Page, Listing? Listing, RuleThresholds Thresholds)
{
    public PageFacts Facts => Page.Facts;
    public ProductKind? Kind => Page.Product.Kind;
    public double? MaxMm => Page.Facts.MaxNeedleLengthMm;

    public bool IsNeedled => Kind is ProductKind.Roller or ProductKind.Stamp or ProductKind.Pen or ProductKind.Cartridge or ProductKind.Patch;

    /// <summary>The mention that states the longest length (the evidence for rules that use the maximum).</summary>
    public LengthMention? LongestMention => MaxMm is { } max
        ? Page.Lengths.FirstOrDefault(m => m.Mm.Any(v => Math.Abs(v - max) < 0.0001))
        : null;

    public Evidence KindEvidence =>
        Page.FirstCue(CueKind.Kind)?.ToEvidence() ?? new Evidence(Page.Product.Name ?? Kind?.ToWord() ?? "product", EvidenceSource.Title);
}

/// <summary>Runs the rule catalogue over one extracted page. Pure: same input, same hits.</summary>
public static class RuleEngine
{
    private static readonly (string Id, Func<RuleContext, RuleHit?> Rule)[] Rules =
    [
        ("home-use-needle-too-long", NeedleLengthRules.HomeUseNeedleTooLong),
        ("short-needle-regeneration-claim", NeedleLengthRules.ShortNeedleRegenerationClaim),
        ("deep-scar-needle-too-short", NeedleLengthRules.DeepScarNeedleTooShort),
        ("needle-length-missing", NeedleLengthRules.NeedleLengthMissing),
        ("needle-length-inconsistent", NeedleLengthRules.NeedleLengthInconsistent),
        ("needle-length-implausible", NeedleLengthRules.NeedleLengthImplausible),
        ("home-use-pen", NeedleLengthRules.HomeUsePen),
        ("single-use-with-reuse-instructions", SingleUseRules.SingleUseWithReuseInstructions),
        ("reusable-patch", SingleUseRules.ReusablePatch),
        ("reusable-penetrating-roller", SingleUseRules.ReusablePenetratingRoller),
        ("sterile-but-sterilize-before-use", SterilityRules.SterileButSterilizeBeforeUse),
        ("sterile-claim-without-method", SterilityRules.SterileClaimWithoutMethod),
        ("alcohol-called-sterilization", SterilityRules.AlcoholCalledSterilization),
        ("penetrating-device-not-sterile", SterilityRules.PenetratingDeviceNotSterile),
        ("fda-approved-claim", ClaimRules.FdaApprovedClaim),
        ("budget-professional-roller", ClaimRules.BudgetProfessionalRoller),
        ("plastic-needles", ClaimRules.PlasticNeedles),
        ("topical-for-needling", ClaimRules.TopicalForNeedling),
        ("catalogue-needle-length-mismatch", CatalogueRules.NeedleLengthMismatch),
        ("catalogue-use-mismatch", CatalogueRules.UseMismatch),
        ("catalogue-single-use-mismatch", CatalogueRules.SingleUseMismatch),
        ("catalogue-sterility-mismatch", CatalogueRules.SterilityMismatch),
    ];

    public static IReadOnlyList<string> RuleIds => Rules.Select(r => r.Id).ToArray();

    public static IReadOnlyList<RuleHit> Evaluate(ExtractedPage page, Listing? listing, RuleThresholds thresholds)
    {
        var context = new RuleContext(page, listing, thresholds);
        var hits = new List<RuleHit>();
        foreach (var (_, rule) in Rules)
        {
            if (rule(context) is { } hit) hits.Add(hit);
        }
        return hits;
    }

    internal static string Mm(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture) + " mm";

    internal static RuleHit Hit(string id, Severity severity, string message, params IEnumerable<Evidence?> evidence)
    {
        var list = evidence.OfType<Evidence>().Distinct().ToList();
        if (list.Count == 0) throw new InvalidOperationException($"rule {id} fired without evidence");
        return new RuleHit(id, severity, message, list);
    }
}
