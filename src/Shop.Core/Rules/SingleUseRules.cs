using Shop.Core.Checking;
using Shop.Core.Model;
using static Shop.Core.Rules.RuleEngine;

namespace Shop.Core.Rules;

public static class SingleUseRules
{
    public static RuleHit? SingleUseWithReuseInstructions(RuleContext c)
    {
        if (c.Page.FirstCue(CueKind.SingleUse) is not { } single || c.Page.FirstCue(CueKind.ReuseInstructions) is not { } reuse) return null;
        return Hit("single-use-with-reuse-instructions", Severity.Error,
            "Sold as single-use, yet the page tells how to clean, store or reuse it", single.ToEvidence(), reuse.ToEvidence());
    }

    public static RuleHit? ReusablePatch(RuleContext c)
    {
        if (c.Kind != ProductKind.Patch) return null;
        var reuse = c.Page.FirstCue(CueKind.Reusable) ?? c.Page.FirstCue(CueKind.ReuseInstructions);
        if (reuse is null) return null;
        return Hit("reusable-patch", Severity.Error,
            "A microneedle patch described as reusable; patches are one-time use to prevent infection", reuse.ToEvidence(), c.KindEvidence);
    }

    public static RuleHit? ReusablePenetratingRoller(RuleContext c)
    {
        if (c.Kind is not (ProductKind.Roller or ProductKind.Stamp) || c.Facts.SingleUse != false) return null;
        if (c.MaxMm is not { } max || max < c.Thresholds.ProfessionalMinMm) return null;
        var reuse = c.Page.FirstCue(CueKind.Reusable) ?? c.Page.FirstCue(CueKind.ReuseInstructions);
        return Hit("reusable-penetrating-roller", Severity.Warning,
            $"A reusable {c.Kind!.Value.ToWord()} with {Mm(max)} needles, long enough to penetrate the skin",
            reuse?.ToEvidence(), c.LongestMention?.ToEvidence());
    }
}
