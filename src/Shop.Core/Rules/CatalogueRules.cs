using Shop.Core.Checking;
using Shop.Core.Model;
using static Shop.Core.Rules.RuleEngine;

namespace Shop.Core.Rules;

public static class CatalogueRules
{
    public static RuleHit? NeedleLengthMismatch(RuleContext c)
    {
        // A supplier page with no length cannot contradict the listing's length (needle-length-missing covers it).
        if (c.Listing?.NeedleLengthMm is not { } listed || c.Facts.NeedleLengthsMm.Count == 0) return null;
        // A length inside a supplier's adjustable range is among its lengths.
        if (c.Facts.NeedleLengthsMm.Any(v => Math.Abs(v - listed) < 0.001) ||
            c.Page.Lengths.Any(m => m.Shape == LengthShape.Range && NeedleLengthRules.Explains(m, listed))) return null;
        var supplier = string.Join(", ", c.Facts.NeedleLengthsMm.Select(Mm));
        return Hit("catalogue-needle-length-mismatch", Severity.Error,
            $"The listing says {Mm(listed)}; the supplier offers {supplier}",
            new Evidence($"needleLengthMm: {listed.ToString(System.Globalization.CultureInfo.InvariantCulture)}", EvidenceSource.Listing),
            c.Page.Lengths.FirstOrDefault()?.ToEvidence());
    }

    public static RuleHit? UseMismatch(RuleContext c)
    {
        // A listing for "both" home and professional use still markets home use.
        if (c.Listing?.IntendedUse is not (IntendedUse.Home or IntendedUse.Both)) return null;
        var listingEvidence = new Evidence($"intendedUse: {c.Listing.IntendedUse.Value.ToWord()}", EvidenceSource.Listing);
        if (c.Facts.IntendedUse == IntendedUse.Professional && c.Page.FirstCue(CueKind.ProfessionalUse) is { } pro)
        {
            return Hit("catalogue-use-mismatch", Severity.Error,
                "The listing markets home use; the supplier says professional use", listingEvidence, pro.ToEvidence());
        }
        if (c.IsNeedled && c.MaxMm is { } max && max >= c.Thresholds.ProfessionalMinMm)
        {
            return Hit("catalogue-use-mismatch", Severity.Error,
                $"The listing markets home use; the supplier's needles are {Mm(max)}, professional length",
                listingEvidence, c.LongestMention?.ToEvidence());
        }
        return null;
    }

    public static RuleHit? SingleUseMismatch(RuleContext c)
    {
        if (c.Listing?.SingleUse is not { } listed || c.Facts.SingleUse is not { } supplier || listed == supplier) return null;
        var cue = supplier ? c.Page.FirstCue(CueKind.SingleUse)
            : c.Page.FirstCue(CueKind.Reusable) ?? c.Page.FirstCue(CueKind.ReuseInstructions);
        return Hit("catalogue-single-use-mismatch", Severity.Error,
            listed ? "The listing says single-use; the supplier describes it as reusable"
                   : "The listing says reusable; the supplier says single-use",
            new Evidence($"singleUse: {(listed ? "true" : "false")}", EvidenceSource.Listing), cue?.ToEvidence());
    }

    public static RuleHit? SterilityMismatch(RuleContext c)
    {
        if (c.Listing?.Sterile != true || c.Facts.Sterility == Sterility.Sterile) return null;
        var statement = c.Page.FirstCue(CueKind.NonSterile) ?? c.Page.FirstCue(CueKind.SterilizeBeforeUse);
        return Hit("catalogue-sterility-mismatch", Severity.Error,
            statement is null ? "The listing says sterile; the supplier says nothing about sterility"
                              : "The listing says sterile; the supplier says non-sterile",
            new Evidence("sterile: true", EvidenceSource.Listing), statement?.ToEvidence());
    }
}
