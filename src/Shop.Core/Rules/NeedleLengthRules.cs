using Shop.Core.Checking;
using Shop.Core.Model;
using static Shop.Core.Rules.RuleEngine;

namespace Shop.Core.Rules;

public static class NeedleLengthRules
{
    private static readonly Claim[] RegenerationClaims =
        [Claim.CollagenInduction, Claim.ScarTreatment, Claim.DeepScarTreatment, Claim.StretchMarks, Claim.CellRegeneration];

    // Dissolving microneedle patches are left out: the home-length policy of the shop guidance is about rollers,
    // stamps and pens, and a dissolving patch's needles are the product it delivers, not a device that re-punctures.
    private static bool HomeLengthApplies(RuleContext c) =>
        c.IsNeedled && !(c.Kind == ProductKind.Patch && c.Facts.NeedleMaterial == NeedleMaterial.Dissolving);

    public static RuleHit? HomeUseNeedleTooLong(RuleContext c)
    {
        if (!HomeLengthApplies(c) || c.MaxMm is not { } max || c.Page.FirstCue(CueKind.HomeUse) is not { } home) return null;
        var t = c.Thresholds;
        if (max <= t.HomeMaxMm) return null;
        var severity = max >= t.ProfessionalMinMm ? Severity.Error : Severity.Warning;
        return Hit("home-use-needle-too-long", severity,
            FormattableString.Invariant($"Marketed for home use with {Mm(max)} needles; home devices are 0.1-{t.HomeMaxMm:0.0#} mm"),
            home.ToEvidence(), c.LongestMention?.ToEvidence());
    }

    public static RuleHit? ShortNeedleRegenerationClaim(RuleContext c)
    {
        if (!c.IsNeedled || c.MaxMm is not { } max || max >= c.Thresholds.ProfessionalMinMm) return null;
        var claim = c.Page.CuesOf(CueKind.Claim).FirstOrDefault(q => RegenerationClaims.Any(r => r.ToWord() == q.Value));
        if (claim is null) return null;
        return Hit("short-needle-regeneration-claim", Severity.Warning,
            $"Claims {claim.Value} with {Mm(max)} needles; that takes at least {Mm(c.Thresholds.ProfessionalMinMm)}",
            claim.ToEvidence(), c.LongestMention?.ToEvidence());
    }

    public static RuleHit? DeepScarNeedleTooShort(RuleContext c)
    {
        if (!c.IsNeedled || c.MaxMm is not { } max || max >= c.Thresholds.DeepScarMinMm) return null;
        var claim = c.Page.CuesOf(CueKind.Claim).FirstOrDefault(q => q.Value == Claim.DeepScarTreatment.ToWord());
        if (claim is null) return null;
        return Hit("deep-scar-needle-too-short", Severity.Info,
            $"Claims to treat deep scars with {Mm(max)} needles; deep scars take {Mm(c.Thresholds.DeepScarMinMm)} or more",
            claim.ToEvidence(), c.LongestMention?.ToEvidence());
    }

    public static RuleHit? NeedleLengthMissing(RuleContext c)
    {
        if (!c.IsNeedled || c.Facts.NeedleLengthsMm.Count > 0) return null;
        return Hit("needle-length-missing", Severity.Warning,
            $"A {c.Kind!.Value.ToWord()} with no stated needle length", c.KindEvidence);
    }

    // "Different places" is read as different parts of the page (title, spec, structured data...): two different
    // single lengths in one description are too often "also available in 1.0 mm" to call a contradiction.
    public static RuleHit? NeedleLengthInconsistent(RuleContext c)
    {
        if (!c.IsNeedled) return null;
        var sets = c.Page.Lengths.Where(m => m.Shape != LengthShape.Single).ToList();
        var unexplained = c.Page.Lengths
            .Where(m => m.Shape == LengthShape.Single && !sets.Any(s => Explains(s, m.Mm[0])))
            .ToList();
        foreach (var a in unexplained)
        {
            var b = unexplained.FirstOrDefault(o => o.From != a.From && Math.Abs(o.Mm[0] - a.Mm[0]) > 0.001);
            if (b is not null)
            {
                return Hit("needle-length-inconsistent", Severity.Warning,
                    $"The page gives {Mm(a.Mm[0])} in one place and {Mm(b.Mm[0])} in another",
                    a.ToEvidence(), b.ToEvidence());
            }
        }
        // A single length that none of the page's own kits or ranges offers also contradicts them.
        if (sets.Count > 0)
        {
            var stray = unexplained.FirstOrDefault();
            if (stray is not null)
            {
                return Hit("needle-length-inconsistent", Severity.Warning,
                    $"The page gives {Mm(stray.Mm[0])}, which is not among the lengths it offers",
                    stray.ToEvidence(), sets[0].ToEvidence());
            }
        }
        return null;
    }

    internal static bool Explains(LengthMention set, double mm) => set.Shape switch
    {
        LengthShape.Range => mm >= set.Mm.Min() - 0.001 && mm <= set.Mm.Max() + 0.001,
        _ => set.Mm.Any(v => Math.Abs(v - mm) < 0.001),
    };

    public static RuleHit? NeedleLengthImplausible(RuleContext c)
    {
        var t = c.Thresholds;
        foreach (var mention in c.Page.Lengths)
        {
            var bad = mention.Mm.FirstOrDefault(v => v < t.PlausibleMinMm || v > t.PlausibleMaxMm, double.NaN);
            if (!double.IsNaN(bad))
            {
                return Hit("needle-length-implausible", Severity.Warning,
                    FormattableString.Invariant($"A needle length of {Mm(bad)} is outside {t.PlausibleMinMm:0.0#}-{t.PlausibleMaxMm:0.0#} mm; likely a unit or reading error"),
                    mention.ToEvidence());
            }
        }
        return null;
    }

    public static RuleHit? HomeUsePen(RuleContext c)
    {
        if (c.Kind != ProductKind.Pen || c.Page.FirstCue(CueKind.HomeUse) is not { } home) return null;
        return Hit("home-use-pen", Severity.Error,
            "A motorised microneedling pen marketed for home use; no regulator has authorised one for home use",
            home.ToEvidence(), c.KindEvidence);
    }
}
