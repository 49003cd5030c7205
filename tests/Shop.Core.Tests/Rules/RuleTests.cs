using Shop.Core.Checking;
using Shop.Core.Model;
using Shop.Core.Rules;

namespace Shop.Core.Tests.Rules;

public class RuleTests
{
    private static readonly RuleThresholds Defaults = new();

    private static IReadOnlyList<RuleHit> Run(PageBuilder page, Listing? listing = null, RuleThresholds? thresholds = null) =>
        RuleEngine.Evaluate(page.Build(), listing, thresholds ?? Defaults);

    private static RuleHit Single(IReadOnlyList<RuleHit> hits, string rule)
    {
        var hit = Assert.Single(hits, h => h.Rule == rule);
        Assert.NotEmpty(hit.Evidence);
        Assert.All(hit.Evidence, e => Assert.False(string.IsNullOrWhiteSpace(e.Text)));
        return hit;
    }

    private static void None(IReadOnlyList<RuleHit> hits, string rule) => Assert.DoesNotContain(hits, h => h.Rule == rule);

    // ---- home-use-needle-too-long
    [Fact]
    public void Home_roller_with_1mm_needles_is_flagged_as_error()
    {
        var hit = Single(Run(PageBuilder.Roller(1.0).Home()), "home-use-needle-too-long");
        Assert.Equal(Severity.Error, hit.Severity);
        Assert.Contains(hit.Evidence, e => e.Text == "Perfect for at-home use");
        Assert.Contains(hit.Evidence, e => e.From == EvidenceSource.Spec);
    }

    [Fact]
    public void Home_roller_between_home_max_and_professional_min_is_a_warning() =>
        Assert.Equal(Severity.Warning, Single(Run(PageBuilder.Roller(0.4).Home()), "home-use-needle-too-long").Severity);

    [Fact]
    public void Home_roller_at_exactly_the_home_maximum_is_not_flagged() => None(Run(PageBuilder.Roller(0.3).Home()), "home-use-needle-too-long");

    [Fact]
    public void Professional_roller_with_long_needles_is_not_flagged_for_home_use() => None(Run(PageBuilder.Roller(1.5).Professional()), "home-use-needle-too-long");

    [Fact]
    public void Home_length_rule_uses_the_longest_length_of_a_kit() =>
        Assert.Equal(Severity.Error, Single(Run(PageBuilder.Roller(0.25, 0.5, 1.0).Home()), "home-use-needle-too-long").Severity);

    [Fact]
    public void Home_threshold_comes_from_configuration() =>
        None(Run(PageBuilder.Roller(0.4).Home(), thresholds: new RuleThresholds { HomeMaxMm = 0.45 }), "home-use-needle-too-long");

    [Fact]
    public void Dissolving_patch_for_home_use_is_not_held_to_roller_lengths() =>
        None(Run(PageBuilder.Of(ProductKind.Patch, 0.5).Home().Material(NeedleMaterial.Dissolving)), "home-use-needle-too-long");

    // ---- short-needle-regeneration-claim
    [Fact]
    public void Short_roller_claiming_collagen_induction_is_flagged() =>
        Assert.Equal(Severity.Warning, Single(Run(PageBuilder.Roller(0.25).Claim(Claim.CollagenInduction, "Boosts collagen production")), "short-needle-regeneration-claim").Severity);

    [Fact]
    public void Short_roller_claiming_only_absorption_is_not_flagged() =>
        None(Run(PageBuilder.Roller(0.25).Claim(Claim.Absorption, "Helps serums absorb")), "short-needle-regeneration-claim");

    [Fact]
    public void Professional_length_roller_claiming_scar_treatment_is_not_flagged_as_short() =>
        None(Run(PageBuilder.Roller(0.5).Claim(Claim.ScarTreatment, "Fades acne scars")), "short-needle-regeneration-claim");

    // ---- deep-scar-needle-too-short
    [Fact]
    public void Deep_scar_claim_with_1mm_needles_is_info() =>
        Assert.Equal(Severity.Info, Single(Run(PageBuilder.Roller(1.0).Claim(Claim.DeepScarTreatment, "For deep ice-pick scars")), "deep-scar-needle-too-short").Severity);

    [Fact]
    public void Deep_scar_claim_with_2mm_needles_is_not_flagged() =>
        None(Run(PageBuilder.Roller(2.0).Claim(Claim.DeepScarTreatment, "For deep ice-pick scars")), "deep-scar-needle-too-short");

    // ---- needle-length-missing
    [Fact]
    public void Roller_without_a_length_is_flagged_with_the_title_as_evidence()
    {
        var hit = Single(Run(PageBuilder.Roller()), "needle-length-missing");
        Assert.Equal(EvidenceSource.Title, hit.Evidence[0].From);
    }

    [Fact]
    public void Serum_without_a_length_is_not_flagged() => None(Run(PageBuilder.Of(ProductKind.Serum)), "needle-length-missing");

    [Fact]
    public void Cartridge_with_a_length_is_not_flagged_as_missing() => None(Run(PageBuilder.Of(ProductKind.Cartridge, 0.5)), "needle-length-missing");

    // ---- needle-length-inconsistent
    [Fact]
    public void Title_and_spec_giving_different_lengths_are_inconsistent()
    {
        var page = new PageBuilder().Kind(ProductKind.Roller)
            .Length(EvidenceSource.Title, LengthShape.Single, 0.25)
            .Length(EvidenceSource.Spec, LengthShape.Single, 0.5);
        var hit = Single(Run(page), "needle-length-inconsistent");
        Assert.Equal(2, hit.Evidence.Count);
    }

    [Fact]
    public void Lengths_explained_by_a_kit_are_consistent()
    {
        var page = new PageBuilder().Kind(ProductKind.Roller)
            .Length(EvidenceSource.Title, LengthShape.Set, 0.5, 1.0, 1.5)
            .Length(EvidenceSource.Spec, LengthShape.Single, 1.0)
            .Length(EvidenceSource.Description, LengthShape.Single, 1.5);
        None(Run(page), "needle-length-inconsistent");
    }

    [Fact]
    public void Lengths_inside_an_adjustable_range_are_consistent()
    {
        var page = new PageBuilder().Kind(ProductKind.Pen)
            .Length(EvidenceSource.Title, LengthShape.Range, 0.25, 2.5)
            .Length(EvidenceSource.Spec, LengthShape.Single, 1.0);
        None(Run(page), "needle-length-inconsistent");
    }

    [Fact]
    public void A_length_outside_the_pages_own_kit_is_inconsistent()
    {
        var page = new PageBuilder().Kind(ProductKind.Roller)
            .Length(EvidenceSource.Variants, LengthShape.Set, 0.5, 1.0)
            .Length(EvidenceSource.Spec, LengthShape.Single, 2.0);
        Single(Run(page), "needle-length-inconsistent");
    }

    [Fact]
    public void The_same_length_stated_everywhere_is_consistent()
    {
        var page = new PageBuilder().Kind(ProductKind.Roller)
            .Length(EvidenceSource.Title, LengthShape.Single, 0.5)
            .Length(EvidenceSource.JsonLd, LengthShape.Single, 0.5);
        None(Run(page), "needle-length-inconsistent");
    }

    // ---- needle-length-implausible
    [Fact]
    public void A_5mm_needle_is_implausible() => Single(Run(PageBuilder.Roller(5.0)), "needle-length-implausible");

    [Fact]
    public void A_003mm_needle_is_implausible() => Single(Run(PageBuilder.Roller(0.03)), "needle-length-implausible");

    [Fact]
    public void A_2_5mm_pen_range_is_plausible() => None(Run(PageBuilder.Of(ProductKind.Pen, 0.25, 2.5)), "needle-length-implausible");

    // ---- home-use-pen
    [Fact]
    public void Pen_marketed_for_home_is_an_error() => Assert.Equal(Severity.Error, Single(Run(PageBuilder.Of(ProductKind.Pen, 0.5).Home()), "home-use-pen").Severity);

    [Fact]
    public void Professional_pen_is_not_a_home_pen() => None(Run(PageBuilder.Of(ProductKind.Pen, 0.5).Professional()), "home-use-pen");

    [Fact]
    public void Home_roller_is_not_a_home_pen() => None(Run(PageBuilder.Roller(0.25).Home()), "home-use-pen");

    // ---- single-use-with-reuse-instructions
    [Fact]
    public void Single_use_roller_with_cleaning_instructions_is_an_error()
    {
        var hit = Single(Run(PageBuilder.Roller(0.2).SingleUse().ReuseInstructions()), "single-use-with-reuse-instructions");
        Assert.Equal(Severity.Error, hit.Severity);
        Assert.Equal(2, hit.Evidence.Count);
    }

    [Fact]
    public void Single_use_roller_without_reuse_instructions_is_not_flagged() =>
        None(Run(PageBuilder.Roller(0.2).SingleUse()), "single-use-with-reuse-instructions");

    // ---- reusable-patch
    [Fact]
    public void Reusable_patch_is_an_error() => Assert.Equal(Severity.Error, Single(Run(PageBuilder.Of(ProductKind.Patch, 0.3).Reusable()), "reusable-patch").Severity);

    [Fact]
    public void Single_use_patch_is_not_flagged() => None(Run(PageBuilder.Of(ProductKind.Patch, 0.3).SingleUse()), "reusable-patch");

    [Fact]
    public void Reusable_roller_is_not_a_reusable_patch() => None(Run(PageBuilder.Roller(0.2).Reusable()), "reusable-patch");

    // ---- reusable-penetrating-roller
    [Fact]
    public void Reusable_roller_with_half_millimetre_needles_is_a_warning() =>
        Assert.Equal(Severity.Warning, Single(Run(PageBuilder.Roller(0.5).Reusable()), "reusable-penetrating-roller").Severity);

    [Fact]
    public void Reusable_stamp_with_1mm_needles_is_flagged() => Single(Run(PageBuilder.Of(ProductKind.Stamp, 1.0).ReuseInstructions()), "reusable-penetrating-roller");

    [Fact]
    public void Reusable_roller_with_short_needles_is_not_flagged() => None(Run(PageBuilder.Roller(0.25).Reusable()), "reusable-penetrating-roller");

    [Fact]
    public void Single_use_long_roller_is_not_flagged_as_reusable() => None(Run(PageBuilder.Roller(1.0).SingleUse()), "reusable-penetrating-roller");

    // ---- sterile-but-sterilize-before-use
    [Fact]
    public void Sterile_roller_to_be_disinfected_before_first_use_is_an_error() =>
        Assert.Equal(Severity.Error, Single(Run(PageBuilder.Roller(0.2).Sterile(SterilizationMethod.Gamma)
            .Cue(CueKind.SterilizeBeforeUse, "Before first use, disinfect the roller with alcohol")), "sterile-but-sterilize-before-use").Severity);

    [Fact]
    public void Sterile_roller_without_pre_use_instructions_is_not_flagged() =>
        None(Run(PageBuilder.Roller(0.2).Sterile(SterilizationMethod.Gamma)), "sterile-but-sterilize-before-use");

    // ---- sterile-claim-without-method
    [Fact]
    public void Sterile_claim_with_no_method_or_pack_is_a_warning() => Single(Run(PageBuilder.Roller(0.2).Sterile()), "sterile-claim-without-method");

    [Fact]
    public void Sterile_claim_with_a_method_is_not_flagged() => None(Run(PageBuilder.Roller(0.2).Sterile(SterilizationMethod.EthyleneOxide)), "sterile-claim-without-method");

    [Fact]
    public void Sterile_claim_with_a_sealed_pack_is_not_flagged() =>
        None(Run(PageBuilder.Roller(0.2).Sterile().Cue(CueKind.SterilePackaging, "Individually sealed blister pack")), "sterile-claim-without-method");

    // ---- alcohol-called-sterilization
    [Fact]
    public void Alcohol_called_sterilising_is_a_warning() =>
        Single(Run(PageBuilder.Roller(0.2).Cue(CueKind.AlcoholCalledSterilization, "Sterilize it in alcohol after each use")), "alcohol-called-sterilization");

    [Fact]
    public void Alcohol_cleaning_not_called_sterilising_is_not_flagged() => None(Run(PageBuilder.Roller(0.2).ReuseInstructions()), "alcohol-called-sterilization");

    // ---- penetrating-device-not-sterile
    [Fact]
    public void Long_roller_with_no_sterility_statement_is_flagged() => Single(Run(PageBuilder.Roller(1.0)), "penetrating-device-not-sterile");

    [Fact]
    public void Long_roller_sold_non_sterile_cites_the_statement()
    {
        var hit = Single(Run(PageBuilder.Roller(1.5).NonSterile()), "penetrating-device-not-sterile");
        Assert.Contains(hit.Evidence, e => e.Text == "Supplied non-sterile");
    }

    [Fact]
    public void Professionally_marketed_short_roller_without_sterility_is_flagged() => Single(Run(PageBuilder.Roller(0.2).ProMarketing()), "penetrating-device-not-sterile");

    [Fact]
    public void Sterile_long_roller_is_not_flagged() => None(Run(PageBuilder.Roller(1.5).Sterile(SterilizationMethod.Gamma)), "penetrating-device-not-sterile");

    [Fact]
    public void Short_home_roller_without_sterility_is_not_flagged() => None(Run(PageBuilder.Roller(0.25).Home()), "penetrating-device-not-sterile");

    // ---- fda-approved-claim
    [Fact]
    public void FDA_approved_pen_is_an_error() =>
        Assert.Equal(Severity.Error, Single(Run(PageBuilder.Of(ProductKind.Pen, 1.0).Cue(CueKind.FdaApproved, "FDA approved microneedling pen")), "fda-approved-claim").Severity);

    [Fact]
    public void FDA_wording_on_a_moisturiser_is_not_a_device_claim() =>
        None(Run(PageBuilder.Of(ProductKind.Moisturiser).Cue(CueKind.FdaApproved, "FDA approved ingredients")), "fda-approved-claim");

    // ---- budget-professional-roller
    [Fact]
    public void Professional_roller_at_9_dollars_is_info() =>
        Assert.Equal(Severity.Info, Single(Run(PageBuilder.Roller(0.5).ProMarketing().Price(9.99m, "USD")), "budget-professional-roller").Severity);

    [Fact]
    public void Professional_roller_at_8_pounds_is_under_the_budget_in_dollars() => Single(Run(PageBuilder.Roller(0.5).ProMarketing().Price(7.99m, "GBP")), "budget-professional-roller");

    [Fact]
    public void Professional_roller_at_25_dollars_is_not_budget() => None(Run(PageBuilder.Roller(0.5).ProMarketing().Price(25m, "USD")), "budget-professional-roller");

    [Fact]
    public void Cheap_roller_without_professional_marketing_is_not_flagged() => None(Run(PageBuilder.Roller(0.5).Price(5m, "USD")), "budget-professional-roller");

    [Fact]
    public void Price_in_an_unknown_currency_is_not_compared() => None(Run(PageBuilder.Roller(0.5).ProMarketing().Price(5m, "XYZ")), "budget-professional-roller");

    // ---- plastic-needles
    [Fact]
    public void Plastic_needles_are_info() => Assert.Equal(Severity.Info, Single(Run(PageBuilder.Roller(0.2).Material(NeedleMaterial.Plastic)), "plastic-needles").Severity);

    [Fact]
    public void Titanium_needles_are_not_flagged() => None(Run(PageBuilder.Roller(0.2).Material(NeedleMaterial.Titanium)), "plastic-needles");

    // ---- topical-for-needling
    [Fact]
    public void Serum_sold_for_use_with_a_roller_is_a_warning() =>
        Single(Run(PageBuilder.Of(ProductKind.Serum).Cue(CueKind.TopicalForNeedling, "For use with a derma roller")), "topical-for-needling");

    [Fact]
    public void Roller_page_recommending_a_serum_is_not_a_topical_flag() =>
        None(Run(PageBuilder.Roller(0.25).Cue(CueKind.TopicalForNeedling, "For use with derma roller serums")), "topical-for-needling");

    // ---- catalogue rules
    [Fact]
    public void Listing_length_missing_from_supplier_lengths_is_an_error()
    {
        var hit = Single(Run(PageBuilder.Roller(1.0), new Listing { NeedleLengthMm = 0.5 }), "catalogue-needle-length-mismatch");
        Assert.Contains(hit.Evidence, e => e.From == EvidenceSource.Listing);
    }

    [Fact]
    public void Listing_length_among_a_kits_lengths_is_fine() => None(Run(PageBuilder.Roller(0.5, 1.0), new Listing { NeedleLengthMm = 1.0 }), "catalogue-needle-length-mismatch");

    [Fact]
    public void Listing_length_inside_a_pens_range_is_fine()
    {
        var page = new PageBuilder().Kind(ProductKind.Pen).Length(EvidenceSource.Spec, LengthShape.Range, 0.25, 2.5);
        None(Run(page, new Listing { NeedleLengthMm = 1.0 }), "catalogue-needle-length-mismatch");
    }

    [Fact]
    public void No_catalogue_flags_without_a_listing() =>
        Assert.DoesNotContain(Run(PageBuilder.Roller(1.0).Professional().NonSterile()), h => h.Rule.StartsWith("catalogue-", StringComparison.Ordinal));

    [Fact]
    public void Home_listing_of_a_professional_only_product_is_an_error() =>
        Single(Run(PageBuilder.Roller(0.25).Professional(), new Listing { IntendedUse = IntendedUse.Home }), "catalogue-use-mismatch");

    [Fact]
    public void Home_listing_of_a_professional_length_product_is_an_error() =>
        Single(Run(PageBuilder.Roller(0.5), new Listing { IntendedUse = IntendedUse.Home }), "catalogue-use-mismatch");

    [Fact]
    public void Professional_listing_of_a_professional_product_is_fine() =>
        None(Run(PageBuilder.Roller(1.0).Professional(), new Listing { IntendedUse = IntendedUse.Professional }), "catalogue-use-mismatch");

    [Fact]
    public void Listing_and_supplier_disagreeing_on_single_use_is_an_error() =>
        Single(Run(PageBuilder.Roller(0.2).Reusable(), new Listing { SingleUse = true }), "catalogue-single-use-mismatch");

    [Fact]
    public void Single_use_unknown_at_the_supplier_is_no_mismatch() => None(Run(PageBuilder.Roller(0.2), new Listing { SingleUse = true }), "catalogue-single-use-mismatch");

    [Fact]
    public void Sterile_listing_of_a_page_silent_on_sterility_is_an_error() =>
        Assert.Contains("nothing", Single(Run(PageBuilder.Roller(0.2), new Listing { Sterile = true }), "catalogue-sterility-mismatch").Message);

    [Fact]
    public void Sterile_listing_of_a_non_sterile_product_is_an_error() => Single(Run(PageBuilder.Roller(0.2).NonSterile(), new Listing { Sterile = true }), "catalogue-sterility-mismatch");

    [Fact]
    public void Sterile_listing_of_a_sterile_product_is_fine() =>
        None(Run(PageBuilder.Roller(0.2).Sterile(SterilizationMethod.Gamma), new Listing { Sterile = true }), "catalogue-sterility-mismatch");

    // ---- the engine and catalogue
    [Fact]
    public void Every_rule_of_the_engine_is_in_the_catalogue_with_a_source()
    {
        Assert.Equal(RuleCatalogue.All.Select(r => r.Id).Order(), RuleEngine.RuleIds.Order());
        Assert.Equal(22, RuleCatalogue.All.Count);
        Assert.All(RuleCatalogue.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.False(string.IsNullOrWhiteSpace(r.Description));
        });
    }

    [Fact]
    public void A_clean_sterile_home_roller_raises_nothing() =>
        Assert.Empty(Run(PageBuilder.Roller(0.25).Home().SingleUse().Sterile(SterilizationMethod.Gamma).Material(NeedleMaterial.Titanium)));

    [Fact]
    public void Extracted_page_round_trips_through_json_and_gives_the_same_flags()
    {
        var page = PageBuilder.Roller(0.5, 1.0).Home().Reusable().NonSterile().Claim(Claim.ScarTreatment, "Fades scars").Price(12.5m, "EUR").Build();
        var copy = ExtractedPage.FromJson(page.ToJson());
        Assert.Equal(page.ToJson(), copy.ToJson());
        var listing = new Listing { NeedleLengthMm = 0.25, Sterile = true };
        Assert.Equal(RuleEngine.Evaluate(page, listing, Defaults).Select(h => h.Rule), RuleEngine.Evaluate(copy, listing, Defaults).Select(h => h.Rule));
        Assert.Contains("\"from\":\"spec\"", page.ToJson());
    }
}
