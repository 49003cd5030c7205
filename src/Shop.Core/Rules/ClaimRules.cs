using Shop.Core.Checking;
using Shop.Core.Model;
using static Shop.Core.Rules.RuleEngine;

namespace Shop.Core.Rules;

public static class ClaimRules
{
    // "For a microneedling product": needled kinds only ("FDA approved ingredients" on a serum is another question).
    // The extractor does not report negated wording ("not FDA approved") as a claim.
    public static RuleHit? FdaApprovedClaim(RuleContext c)
    {
        if (!c.IsNeedled || c.Page.FirstCue(CueKind.FdaApproved) is not { } cue) return null;
        return Hit("fda-approved-claim", Severity.Error,
            "Says \"FDA approved\"; microneedling devices are cleared or granted by the FDA, never approved", cue.ToEvidence());
    }

    // The rule's name says roller; stamps are the same device on a handle, so both count. Pens and cartridges are
    // left out: a $12 pack of professional cartridges is an ordinary price.
    public static RuleHit? BudgetProfessionalRoller(RuleContext c)
    {
        if (c.Kind is not (ProductKind.Roller or ProductKind.Stamp)) return null;
        if (c.Page.FirstCue(CueKind.ProfessionalMarketing) is not { } pro || c.Page.Product.Price is not { } price) return null;
        if (c.Thresholds.BudgetIn(c.Page.Product.Currency) is not { } budget || price >= budget) return null;
        var priceText = c.Page.FirstCue(CueKind.Price)?.ToEvidence()
            ?? new Evidence($"{price:0.00} {c.Page.Product.Currency}", EvidenceSource.Other);
        return Hit("budget-professional-roller", Severity.Info,
            FormattableString.Invariant($"Marketed as professional at {price:0.00} {c.Page.Product.Currency}, under {budget:0.##} {c.Page.Product.Currency}"),
            pro.ToEvidence(), priceText);
    }

    public static RuleHit? PlasticNeedles(RuleContext c)
    {
        if (c.Facts.NeedleMaterial != NeedleMaterial.Plastic) return null;
        var cue = c.Page.CuesOf(CueKind.Material).FirstOrDefault(q => q.Value == NeedleMaterial.Plastic.ToWord());
        return Hit("plastic-needles", Severity.Info, "The needles are plastic",
            cue?.ToEvidence() ?? new Evidence("needle material: plastic", EvidenceSource.Other));
    }

    public static RuleHit? TopicalForNeedling(RuleContext c)
    {
        if (c.Kind is not (ProductKind.Moisturiser or ProductKind.Serum) || c.Page.FirstCue(CueKind.TopicalForNeedling) is not { } cue) return null;
        return Hit("topical-for-needling", Severity.Warning,
            $"A {c.Kind!.Value.ToWord()} sold for use with microneedling; topicals pushed into the dermis are no longer cosmetics",
            cue.ToEvidence());
    }
}
