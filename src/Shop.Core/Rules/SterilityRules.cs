using Shop.Core.Checking;
using Shop.Core.Model;
using static Shop.Core.Rules.RuleEngine;

namespace Shop.Core.Rules;

public static class SterilityRules
{
    public static RuleHit? SterileButSterilizeBeforeUse(RuleContext c)
    {
        if (c.Page.FirstCue(CueKind.Sterile) is not { } sterile || c.Page.FirstCue(CueKind.SterilizeBeforeUse) is not { } before) return null;
        return Hit("sterile-but-sterilize-before-use", Severity.Error,
            "Claims to be sterile, yet tells the user to sterilise or disinfect it before first use", sterile.ToEvidence(), before.ToEvidence());
    }

    public static RuleHit? SterileClaimWithoutMethod(RuleContext c)
    {
        if (c.Facts.Sterility != Sterility.Sterile || c.Facts.SterilizationMethod is not null) return null;
        if (c.Page.Has(CueKind.SterilePackaging) || c.Page.FirstCue(CueKind.Sterile) is not { } sterile) return null;
        return Hit("sterile-claim-without-method", Severity.Warning,
            "Claims to be sterile but names no sterilisation method and no sealed pack, lot or expiry", sterile.ToEvidence());
    }

    public static RuleHit? AlcoholCalledSterilization(RuleContext c)
    {
        if (c.Page.FirstCue(CueKind.AlcoholCalledSterilization) is not { } cue) return null;
        return Hit("alcohol-called-sterilization", Severity.Warning,
            "Calls alcohol, boiling, UV or hot water \"sterilising\"; these disinfect, they do not sterilise", cue.ToEvidence());
    }

    public static RuleHit? PenetratingDeviceNotSterile(RuleContext c)
    {
        if (!c.IsNeedled || c.Facts.Sterility == Sterility.Sterile) return null;
        // Dissolving patches are sterile-or-not as a drug product; the rule is about needles that reach living skin.
        if (c.Kind == ProductKind.Patch && c.Facts.NeedleMaterial == NeedleMaterial.Dissolving) return null;
        var longEnough = c.MaxMm is { } max && max >= c.Thresholds.ProfessionalMinMm;
        var professional = c.Page.FirstCue(CueKind.ProfessionalUse) ?? c.Page.FirstCue(CueKind.ProfessionalMarketing);
        if (!longEnough && professional is null) return null;
        var statement = c.Page.FirstCue(CueKind.NonSterile);
        var why = longEnough ? c.LongestMention?.ToEvidence() : professional!.ToEvidence();
        var message = statement is null
            ? "Needles that penetrate the skin, with no sterility statement at all"
            : "Needles that penetrate the skin, sold non-sterile";
        return Hit("penetrating-device-not-sterile", Severity.Warning, message, why, statement?.ToEvidence(), longEnough ? null : c.KindEvidence);
    }
}
