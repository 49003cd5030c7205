using Shop.Core.Model;

namespace Shop.Web.Storefront;

/// <summary>One line of the safety panel: a heading and a plain-language explanation.</summary>
public sealed record SafetyNote(string Heading, string Text, string Tone = "info");

/// <summary>
/// Writes the product page's safety panel from the listing's facts and the shop's guidance (rules.md "Sources"):
/// at-home devices 0.1-0.3 mm for absorption, professional 0.5-3 mm; patches are one-time use; post-care with a
/// moisturiser and sunscreen; retinoids need a prescription.
/// </summary>
public static class SafetyPanel
{
    public const double HomeMaxMm = 0.30;
    public const double ProfessionalMinMm = 0.50;
    public const double DeepScarMinMm = 2.00;

    public static IReadOnlyList<SafetyNote> For(Product p)
    {
        var notes = new List<SafetyNote>();
        if (Catalog.IsNeedled(p.Kind))
        {
            notes.Add(NeedleLength(p));
            notes.Add(Use(p));
            notes.Add(SingleUse(p));
            notes.Add(Sterility(p));
            if (p.Kind == ProductKind.Patch)
                notes.Add(new("Patches are one-time use", "Use each patch once and throw it away. Reusing a patch can carry bacteria into the skin and cause an infection.", "warn"));
            if (p.Kind == ProductKind.Pen)
                notes.Add(new("Pens are professional devices", "No health regulator has authorised a motorised microneedling pen for use at home. Pens belong in trained hands, with sterile single-use cartridges.", "warn"));
            notes.Add(new("Aftercare", "After needling, apply a gentle, fragrance-free moisturiser, and use a broad-spectrum sunscreen (SPF 30 or higher) every day: freshly needled skin burns more easily."));
        }
        else if (p.Kind is ProductKind.Moisturiser or ProductKind.Serum)
        {
            notes.Add(new("For intact skin", "Use on unbroken skin. After a microneedling session, a plain moisturiser and sunscreen are the safest follow-up; wait until the skin has settled before active serums."));
            notes.Add(new("Sun protection", "Use a broad-spectrum sunscreen (SPF 30 or higher) in the morning, especially with vitamin C, acids or retinoids."));
        }
        notes.Add(new("Retinoids need a prescription", "Prescription retinoids such as tretinoin are for use under a doctor's care, and not on freshly needled skin."));
        return notes;
    }

    private static SafetyNote NeedleLength(Product p)
    {
        if (p.NeedleLengthMm is not { } mm)
            return new("Needle length not stated", "We do not know this product's needle length, so we cannot say how deep it reaches. Ask us before buying.", "warn");
        var length = Catalog.Mm(mm);
        if (mm <= HomeMaxMm)
            return new($"{length} needles: an at-home length",
                $"At-home devices use 0.1-0.3 mm needles. At {length} they stay in the skin's surface and open short-lived channels so serums and moisturisers absorb better. They are not long enough to treat scars.");
        if (mm < ProfessionalMinMm)
            return new($"{length} needles: longer than at-home devices",
                $"At-home devices use 0.1-0.3 mm needles; professional treatments start at 0.5 mm. {length} sits between them: go gently, and stop if the skin bleeds.", "warn");
        if (mm < DeepScarMinMm)
            return new($"{length} needles: a professional length",
                $"Professional treatments use 0.5-3 mm needles to trigger the skin's own repair (collagen induction); 0.5-1 mm for surface scars and fine lines. At {length} the needles reach living skin, so treatment belongs with a trained practitioner.", "warn");
        return new($"{length} needles: a deep professional length",
            $"2-3 mm needles are used by professionals for deep-rooted scars a few years old. At {length} treatment belongs in a clinic, never at home.", "warn");
    }

    private static SafetyNote Use(Product p) => p.IntendedUse switch
    {
        IntendedUse.Home when p.NeedleLengthMm > HomeMaxMm => new("Sold for home use, but longer than at-home devices",
            "At-home devices use 0.1-0.3 mm needles. Longer needles reach living skin and belong with a trained practitioner; do not use them on yourself.", "warn"),
        IntendedUse.Home => new("For use at home", "Sold for personal use at home, following the instructions that come with it."),
        IntendedUse.Professional => new("For professional use", "Sold for clinics and trained practitioners. It is not meant for treating yourself at home.", "warn"),
        IntendedUse.Both => new("For home or professional use", "Sold for both; at home, stay with at-home needle lengths (0.1-0.3 mm)."),
        _ => new("Intended use not stated", "The maker does not say whether this is for home or professional use.", "warn"),
    };

    private static SafetyNote SingleUse(Product p) => p.SingleUse switch
    {
        true => new("Single use", "Use it once, then discard it safely. Do not clean, store or reuse it: a used needle can carry bacteria into the skin."),
        false => new("Reusable", "Disinfect it before and after each use, let it dry in its case, and replace it when the maker says (for rollers usually after 10-15 uses) or sooner if the needles look bent."),
        _ => new("Single use or reusable: not stated", "The maker does not say; treat it as single use unless told otherwise.", "warn"),
    };

    private static SafetyNote Sterility(Product p) => p.Sterile switch
    {
        true => new("Sterile", "Supplied sterile in a sealed pack. Open it just before use, and do not use it if the pack is damaged or past its expiry date."),
        false => new("Not sterile", "Supplied clean but not sterile. Disinfect it before use; note that alcohol disinfects but does not sterilise."),
        _ => new("Sterility not stated", "The maker does not say whether it is sterile.", "warn"),
    };

    /// <summary>Info-level checker notes (rules.md severity "info") in shoppers' words; unknown rules say nothing.</summary>
    public static string? InfoNote(string rule) => rule switch
    {
        "budget-professional-roller" => "It is sold as a professional or medical-grade tool at a budget price. Professional rollers at this price are often of lower quality, so check the needles before use.",
        "plastic-needles" => "Its needles are plastic (polymer). Plastic needles are softer and blunt sooner than metal ones.",
        "deep-scar-needle-too-short" => "The maker mentions deep or old scars, but these usually need 2-3 mm needles applied by a professional; this product's needles are shorter.",
        _ => null,
    };
}
