using System.IO.Compression;
using System.Text;
using Shop.Core.Checking;
using Shop.Core.Model;
using Shop.Jobs.Checking;

namespace Shop.Jobs.Tests.Checking;

/// <summary>One extraction path per test: structured data, visible markup, units and languages, main-product finding.</summary>
public class ExtractionTests
{
    private static readonly PageChecker Checker = PageChecker.Create();

    private static async Task<PageCheck> Check(string html, string? contentType = null, Encoding? encoding = null)
    {
        using var stream = new MemoryStream((encoding ?? Encoding.UTF8).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(html)).ToArray());
        var check = await Checker.CheckPageAsync("test.html", stream, contentType, null, CancellationToken.None);
        Assert.True(check.Result.Ok, check.Result.Error);
        return check;
    }

    private static async Task<CheckResult> Result(string html) => (await Check(html)).Result;

    private static string Page(string body, string head = "") => $"<!doctype html><html><head><title>Shop</title>{head}</head><body>{body}</body></html>";

    private static string JsonLd(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    // ---- negation that stands further back than the phrase it governs (seen on the demo supplier's stamp pages)
    [Theory]
    [InlineData("For use by trained professionals in a clinic. Not for sale to the public for self-treatment.", IntendedUse.Professional)]
    [InlineData("Not intended for home use or self treatment by consumers.", null)]
    [InlineData("Not suitable for sensitive skin, ideal for home use.", IntendedUse.Home)]
    public async Task A_negated_home_use_phrase_is_not_home_marketing_but_a_separate_clause_is(string text, IntendedUse? expected)
    {
        var r = await Result(Page($"<h1>Derma Stamp 140 Needles 1.0 mm</h1><p>{text}</p>"));
        Assert.Equal(expected, r.Facts!.IntendedUse);
        Assert.Equal(expected == IntendedUse.Home, r.Flags.Any(f => f.Rule == "home-use-needle-too-long"));
    }

    // ---- causes found by the blind pages (Fixtures/blind): each with the case that must still hold

    [Fact]
    public async Task A_heading_that_is_noise_by_its_marks_makes_its_section_noise()
    {
        var r = await Result(Page("<main><h1>Derma Roller 0.25 mm</h1><p>540 titanium needles, 0.25 mm, for home use.</p></main>" +
            "<section><h2 id=\"customer-reviews\">What people say</h2><ul><li>Used it at 1.0 mm on my face.</li></ul></section>" +
            "<section><h2 id=\"sp-carousel\">You may like</h2><ul><li>Derma Roller 1.5mm 540 needles</li></ul></section>"));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(r.Flags, f => f.Rule == "needle-length-inconsistent");
    }

    [Fact]
    public async Task Flatsome_product_footer_is_the_description_not_a_footer()
    {
        var r = await Result(Page("<h1>Titanium Derma Roller 0.5 mm</h1><div class=\"product-footer\"><div id=\"tab-description\">" +
            "<p>Stimulates collagen induction and softens acne scars.</p></div></div><footer class=\"site-footer\"><p>Reduces wrinkles!</p></footer>"));
        Assert.Contains(Claim.CollagenInduction, r.Facts!.Claims);
        Assert.Contains(Claim.ScarTreatment, r.Facts.Claims);
        Assert.DoesNotContain(Claim.Wrinkles, r.Facts.Claims);
    }

    [Theory]
    [InlineData("Clinic microneedling uses 0.5–1.5 mm steel needles to kick-start collagen.")]
    [InlineData("People are often surprised how short home rollers are – typically 0.2–0.3 mm.")]
    [InlineData("Nadellängen von 1,0 bis 2,5 mm sind ausschließlich ärztlichen Praxen vorbehalten.")]
    [InlineData("En général 0,5 à 1,5 mm selon la zone.")]
    public async Task Talk_about_needle_lengths_in_general_is_no_length_of_the_product(string guide)
    {
        var r = await Result(Page($"<h1>Microneedle Patch 0.25 mm</h1><p>Each patch carries dissolving needles of 0.25 mm.</p><h3>Good to know</h3><p>{guide}</p>"));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(Claim.CollagenInduction, r.Facts.Claims);
    }

    [Fact]
    public async Task General_talk_is_still_read_when_nothing_else_states_a_length()
    {
        var r = await Result(Page("<h1>Derma Roller</h1><p>Home rollers are typically 0.25 mm, like this one.</p>"));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task An_adjustable_ranges_settings_are_not_lengths_but_its_ends_are()
    {
        var r = await Result(Page("<h1>N8 Microneedling Pen</h1><p>Needle depth adjustable 0.25–2.5 mm. At 2.0–2.5 mm it reaches deep scars.</p>" +
            "<table><tr><th>0.5mm</th><td>Fine lines</td></tr><tr><th>1.5mm</th><td>Stretch marks</td></tr></table>"));
        Assert.Equal([0.25, 2.5], r.Facts!.NeedleLengthsMm);
    }

    [Theory]
    [InlineData("Longueur du stylo: 155 mm", null)]
    [InlineData("Diámetro de la aguja: 0,25 mm", null)]
    [InlineData("Needle length: 15 mm", 15.0)]
    public async Task A_big_or_non_needle_figure_in_a_spec_row_is_no_needle_length_unless_it_names_the_needles(string row, double? expected)
    {
        var r = await Result(Page($"<h1>Derma Pen</h1><table><tr><td>{row.Split(':')[0]}</td><td>{row.Split(':')[1]}</td></tr></table>"));
        Assert.Equal(expected is { } v ? [v] : [], r.Facts!.NeedleLengthsMm);
    }

    [Theory]
    [InlineData("Are the patches reusable? No – each patch is for one use only.", true)]
    [InlineData("Reusable up to 30 times – one set replaces 120 single-use patches.", false)]
    [InlineData("Unlike disposable patches, ours can be used again and again.", false)]
    [InlineData("Single-use: do not reuse.", true)]
    public async Task Questions_and_comparisons_with_other_products_state_nothing_about_this_one(string text, bool singleUse)
    {
        var r = await Result(Page($"<h1>Microneedle Eye Patches 0.25 mm</h1><p>{text}</p>"));
        Assert.Equal(singleUse, r.Facts!.SingleUse);
        Assert.Equal(!singleUse, r.Flags.Any(f => f.Rule == "reusable-patch"));
    }

    [Theory]
    [InlineData("Es de uso profesional: No", IntendedUse.Home)]
    [InlineData("Es de uso profesional: Sí", IntendedUse.Both)]
    public async Task A_spec_row_answered_no_states_the_opposite(string row, IntendedUse expected)
    {
        var r = await Result(Page($"<h1>Rodillo Dermaroller 0,25 mm</h1><p>Ideal para usar en casa.</p><ul><li>{row}</li></ul>"));
        Assert.Equal(expected, r.Facts!.IntendedUse);
    }

    [Theory]
    [InlineData("Sterile single-use 16-pin cartridges. Do not re-use or re-sterilize. The handpiece itself is reusable.", false)]
    [InlineData("This disposable pen is for one use only.", true)]
    public async Task A_pens_single_use_lines_are_its_cartridges_unless_they_name_the_pen(string text, bool singleUse)
    {
        var r = await Result(Page($"<h1>ProGlide Microneedling Pen</h1><p>Depth 0.25-1.5 mm. {text}</p>"));
        Assert.Equal(singleUse, r.Facts!.SingleUse);
    }

    [Theory]
    [InlineData("Made in an FDA-registered, CGMP and ISO 22716 certified facility.", false)]
    [InlineData("FDA registered microneedling pen.", true)]
    public async Task An_FDA_registered_facility_is_no_approval_claim(string text, bool flagged)
    {
        var r = await Result(Page($"<h1>Microneedling Pen 0.25-2.5 mm</h1><p>{text}</p>"));
        Assert.Equal(flagged, r.Flags.Any(f => f.Rule == "fda-approved-claim"));
    }

    [Theory]
    [InlineData("Hinweis: Dieser Roller ist nicht zur Behandlung von Narben, Falten oder Dehnungsstreifen gedacht.", 0)]
    [InlineData("Formulated with no exfoliating acids.", 0)]
    [InlineData("Reduces acne scars, wrinkles and stretch marks.", 3)]
    public async Task Disclaimers_and_negated_claims_are_no_claims(string text, int claims)
    {
        var r = await Result(Page($"<h1>Derma Roller 0.25 mm</h1><p>{text}</p>"));
        Assert.Equal(claims, r.Facts!.Claims.Count);
    }

    [Theory]
    [InlineData("Nach jeder Anwendung mit warmem Wasser abspülen und in der mitgelieferten Box aufbewahren.")]
    [InlineData("Después de cada uso, esterilizá el rodillo y guardalo en su estuche.")]
    [InlineData("Nettoyez le corps du rouleau à l'alcool après chaque séance.")]
    public async Task Reuse_instructions_in_german_spanish_and_french_make_it_reusable(string text)
    {
        var r = await Result(Page($"<h1>Derma Roller 1.0 mm</h1><p>{text}</p>"));
        Assert.False(r.Facts!.SingleUse);
        Assert.Contains(r.Flags, f => f.Rule == "reusable-penetrating-roller");
    }

    [Theory]
    [InlineData("Brand: Unbranded", null)]
    [InlineData("MPN: Does not apply", null)]
    [InlineData("Brand: Vivaderm", "Vivaderm")]
    public async Task Marketplace_placeholders_are_no_brand_or_sku(string row, string? value)
    {
        var r = await Result(Page($"<h1>Derma Stamp 0.5 mm</h1><div class=\"ux-labels-values\"><div class=\"ux-labels-values__labels\"><span>{row.Split(':')[0]}:</span></div>" +
            $"<div class=\"ux-labels-values__values\"><span>{row.Split(':')[1]}</span></div></div>"));
        Assert.Equal(value, row.StartsWith("Brand") ? r.Product!.Brand : r.Product!.Sku);
    }

    // ---- causes found by the second blind set (Fixtures/blind2)

    [Fact]
    public async Task A_depth_guide_is_no_claim_and_no_length_of_a_one_length_roller()
    {
        var r = await Result(Page("<h1>DRS 192 Derma Roller 1.0mm</h1><ul class=\"spec\"><li>Needle length: 1.0mm</li></ul>" +
            "<p>Suggested: 0.2-0.3mm: absorption, daily; 0.5mm: fine lines, weekly; 1.5-2.0mm: deep scars, stretch marks, by professional.</p>"));
        Assert.Equal([1.0], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(Claim.DeepScarTreatment, r.Facts.Claims);
        Assert.DoesNotContain(r.Flags, f => f.Rule == "deep-scar-needle-too-short");
    }

    [Fact]
    public async Task A_label_and_a_value_as_two_children_of_a_spec_row_are_a_pair()
    {
        var r = await Result(Page("<h1>Derma Roller 1.0mm</h1><div class=\"attribute-list\"><div class=\"attribute-item\"><div class=\"left\">Brand Name</div>" +
            "<div class=\"right\"><span>DRS</span></div></div><div class=\"attribute-item\"><div class=\"left\">Model Number</div><div class=\"right\"><span>DRS192-T</span></div></div></div>"));
        Assert.Equal("DRS", r.Product!.Brand);
        Assert.Equal("DRS192-T", r.Product.Sku);
    }

    [Theory]
    [InlineData("<span class=\"price\">$1.20 500 pieces</span>", "1.20")]
    [InlineData("<span class=\"price\">1 299,00 €</span>", "1299.00")]
    public async Task A_space_separates_thousands_only(string markup, string price)
    {
        var r = await Result(Page($"<h1>Derma Pen 0.25-2.5 mm</h1>{markup}"));
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), r.Product!.Price);
    }

    [Fact]
    public async Task A_price_standing_alone_beside_the_name_is_the_price_of_a_page_without_price_markup()
    {
        var r = await Result("<html><head><title>Kit Dermaroller 3 en 1 - 0,5 / 1,0 / 1,5 mm - Estética Directa</title></head><body><table><tr><td>Carrito: 0,00€</td></tr>" +
            "<tr><td class=\"pageHeading\"><font size=\"3\"><b>Kit Dermaroller 3 en 1 - 0,5 / 1,0 / 1,5 mm</b></font><br><span class=\"smallText\">[BD-540-K3]</span></td>" +
            "<td class=\"pageHeading\" align=\"right\"><font size=\"4\"><b>9,95€</b></font><br><span class=\"smallText\">IVA incluido</span></td></tr></table></body></html>");
        Assert.Equal("Kit Dermaroller 3 en 1 - 0,5 / 1,0 / 1,5 mm", r.Product!.Name);
        Assert.Equal(9.95m, r.Product.Price);
        Assert.Equal("EUR", r.Product.Currency);
    }

    [Theory]
    [InlineData("Use 1-2 times a week.", true)]
    [InlineData("Unlike derma rollers, which have to be cleaned and stored after each use, there is nothing to clean here.", true)]
    [InlineData("Reuse up to 10 times.", false)]
    public async Task Usage_frequency_and_other_products_care_are_no_reuse_instructions(string text, bool singleUse)
    {
        var r = await Result(Page($"<h1>Microneedle Patches 0.25 mm</h1><p>For single use only. {text}</p>"));
        Assert.Equal(!singleUse, r.Flags.Any(f => f.Rule == "single-use-with-reuse-instructions"));
    }

    [Theory]
    [InlineData("Conçu spécialement pour être utilisé avec un dermaroller.")]
    [InlineData("À appliquer pendant la séance de microneedling.")]
    [InlineData("Il pénètre jusque dans le derme.")]
    [InlineData("Formulé pour être appliqué pendant et après le microneedling : les peptides pénètrent jusqu'au derme.")]
    public async Task A_serum_for_needling_is_found_in_french(string text)
    {
        var r = await Result(Page($"<h1>Sérum Booster 30 ml</h1><p>{text}</p>"));
        Assert.Contains(r.Flags, f => f.Rule == "topical-for-needling");
    }

    [Theory]
    [InlineData("Each patch carries 1,180 dissolving hyaluronic acid microneedles.", 1180)]
    [InlineData("450 flexible polycarbonate microneedles per patch.", 450)]
    [InlineData("Covered with 330 soluble hyaluronic acid micro-cones.", 330)]
    [InlineData("24 Dots Dissolving Micro Darts.", null)]
    [InlineData("42G gauge needles, replace after 10 uses the needles dull.", null)]
    public async Task A_needle_count_may_carry_a_few_describing_words_but_not_a_pack_size_or_gauge(string text, int? count)
    {
        var r = await Result(Page($"<h1>Microneedle Patch 0.25 mm</h1><p>{text}</p>"));
        Assert.Equal(count, r.Facts!.NeedleCount);
    }

    // ---- causes found by the third blind set (Fixtures/blind3)

    [Fact]
    public async Task A_depth_guide_over_the_products_own_variants_is_about_the_product()
    {
        var r = await Result(Page("<h1>35 Pins Derma Stamp 0.5mm 1.0mm 1.5mm 2.0mm</h1><p>How to choose: 0.5mm: for face, improve absorption of serum; " +
            "1.0mm: for acne scars, beard growth; 1.5mm: for body, stretch marks; 2.0mm: for deep acne scars.</p>"));
        Assert.Equal([0.5, 1.0, 1.5, 2.0], r.Facts!.NeedleLengthsMm);
        Assert.Contains(Claim.StretchMarks, r.Facts.Claims);
        Assert.Contains(Claim.Absorption, r.Facts.Claims);
    }

    [Theory]
    [InlineData("It won’t treat scars or stretch marks.", 0)]
    [InlineData("Does it help with scars? No, and anyone selling you a patch for scars is overselling.", 0)]
    [InlineData("It treats acne scars and stretch marks.", 2)]
    public async Task Denials_with_typographic_apostrophes_and_a_bare_no_are_no_claims(string text, int claims)
    {
        var r = await Result(Page($"<h1>Everyday Roller 0.2 mm</h1><p>{text}</p>"));
        Assert.Equal(claims, r.Facts!.Claims.Count);
    }

    [Fact]
    public async Task A_heading_wrapped_with_its_intro_line_makes_the_whole_section_noise()
    {
        var r = await Result(Page("<h1>Dart Patch 0.25 mm</h1><p>Dissolving microdarts of 0.25 mm, one use only.</p><section><div><h2>How Dart Patch compares</h2>" +
            "<p>We bought the other stuff.</p></div><div class=\"compare_table\"><div>Other patches: 0.5 mm, reusable, washable</div></div></section>"));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(r.Flags, f => f.Rule == "reusable-patch");
    }

    [Theory]
    [InlineData("<h1>Steriler Einweg-Derma-Stamp 0,35 mm</h1>", null)]
    [InlineData("<h1>Derma Stamp 0.35 mm</h1><p>Symbol: STERILE R</p>", SterilizationMethod.Gamma)]
    public async Task German_steriler_is_not_the_iso_symbol_sterile_r(string body, SterilizationMethod? method)
    {
        var r = await Result(Page(body));
        Assert.Equal(method, r.Facts!.SterilizationMethod);
    }

    [Theory]
    [InlineData("<h1>LUMIVÉE Patchs Micro-Aiguilles Réutilisables</h1><p>Micro-aiguilles en plastique (PP).</p>", ProductKind.Patch, NeedleMaterial.Plastic)]
    [InlineData("<h1>Einweg Derma Stamp 0,35 mm – 140 Titan-Nadeln</h1>", ProductKind.Stamp, NeedleMaterial.Titanium)]
    public async Task French_patches_and_german_hyphenated_needles_are_read(string body, ProductKind kind, NeedleMaterial material)
    {
        var r = await Result(Page(body));
        Assert.Equal(kind, r.Product!.Kind);
        Assert.Equal(material, r.Facts!.NeedleMaterial);
    }

    [Fact]
    public async Task A_german_b2b_pen_for_trade_only_is_professional_and_its_modules_are_its_single_use_parts()
    {
        var r = await Result(Page("<h1>DermaPro X5 Microneedling Pen</h1><p>Nur für Fachhändler. Abgabe ausschließlich an Kosmetikinstitute. Nicht für die Heimanwendung.</p>" +
            "<p>Sterile Nadelmodule für den Einmalgebrauch. Handstück: nach jeder Behandlung Wischdesinfektion.</p><p>2× sterile Nadelmodule (16-Pin)</p>"));
        Assert.Equal(IntendedUse.Professional, r.Facts!.IntendedUse);
        Assert.NotEqual(true, r.Facts.SingleUse);
        Assert.Equal(16, r.Facts.NeedleCount);
    }

    // ---- causes found by the fourth blind set (Fixtures/blind4)

    [Fact]
    public async Task A_closed_tab_is_read_though_hidden_but_a_hidden_element_is_not()
    {
        var r = await Result(Page("<h1>ProDerm Derma Stamp 1.5mm</h1><div role=\"tabpanel\" aria-hidden=\"true\"><dl><dt>Needle Length:</dt><dd>2.0 mm</dd></dl></div>" +
            "<div aria-hidden=\"true\"><p>Derma Stamp 3.0mm</p></div>"));
        Assert.Equal([1.5, 2.0], r.Facts!.NeedleLengthsMm);
    }

    [Theory]
    [InlineData("Supplied non-sterile. Rinse with sterile saline and store with the cap on.", Sterility.NonSterile, false)]
    [InlineData("Soak it in 70% isopropyl alcohol (alcohol disinfects – it does not sterilize).", Sterility.Unknown, false)]
    [InlineData("Sterilize it by soaking in 70% alcohol.", Sterility.Unknown, true)]
    public async Task Sterile_saline_and_a_correct_alcohol_remark_are_no_sterility_claims(string text, Sterility sterility, bool alcoholFlag)
    {
        var r = await Result(Page($"<h1>Derma Stamp 1.5mm</h1><p>{text}</p>"));
        Assert.Equal(sterility, r.Facts!.Sterility);
        Assert.DoesNotContain(r.Flags, f => f.Rule == "sterile-but-sterilize-before-use");
        Assert.Equal(alcoholFlag, r.Flags.Any(f => f.Rule == "alcohol-called-sterilization"));
    }

    [Fact]
    public async Task A_length_asked_about_in_an_faq_is_no_length_of_the_product()
    {
        var r = await Result(Page("<h1>LED Roller 0.25 mm</h1><p>0.25 mm titanium needles.</p><h3>FAQ</h3><p>Can I buy a longer 0.5 mm or 1.0 mm head? Not yet.</p>"));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task A_guide_table_over_other_lengths_is_neither_length_nor_claim()
    {
        var r = await Result(Page("<h1>MediRoll SU-192 Derma Roller 1.0mm</h1><p>Sterile single-use roller, 1.0mm.</p><table>" +
            "<tr><td>0.25mm: product absorption</td><td>Home / clinic</td></tr><tr><td>0.5mm: fine lines</td><td>Clinic</td></tr>" +
            "<tr><td>1.0mm: acne scarring</td><td>Clinic</td></tr><tr><td>1.5mm - 2.0mm: deep, atrophic scarring</td><td>Medical practitioner</td></tr></table>"));
        Assert.Equal([1.0], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(Claim.DeepScarTreatment, r.Facts.Claims);
    }

    [Fact]
    public async Task Magento_1_tabs_laid_out_as_a_definition_list_still_hide_their_reviews()
    {
        var r = await Result(Page("<h1>Sterile Derma Roller 1.0mm</h1><dl class=\"collateral-tabs\"><dt>Description</dt><dd><div><p>192 needles of 1.0mm.</p></div></dd>" +
            "<dt>Reviews</dt><dd><div class=\"box-reviews\"><p>The 1.5mm version is good for body work too.</p></div></dd></dl>"));
        Assert.Equal([1.0], r.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task Lines_broken_by_the_page_are_sentences_of_their_own()
    {
        var r = await Result(Page("<h1>Dermapen Inalámbrico 0.25-2.5mm + 10 Cartuchos</h1><p>✔ Profundidad ajustable de 0.25 mm a 2.5 mm<br>" +
            "✔ 6 velocidades<br>✔ Aprobado por la FDA y certificado CE</p>"));
        Assert.Equal(ProductKind.Pen, r.Product!.Kind);
        Assert.Contains(r.Flags, f => f.Rule == "fda-approved-claim");
    }

    [Fact]
    public async Task Spanish_patches_that_dissolve_are_dissolving()
    {
        var r = await Result(Page("<h1>Parches de Microagujas de Ácido Hialurónico</h1><p>350 microagujas por parche que se disuelven en la piel. Los activos penetran mejor.</p>"));
        Assert.Equal(NeedleMaterial.Dissolving, r.Facts!.NeedleMaterial);
        Assert.Contains(Claim.Absorption, r.Facts.Claims);
    }

    [Theory]
    [InlineData("<h1>Derma Roller 1.5mm</h1><p>Please allow 1-3mm measuring deviation due to manual measurement.</p>", new[] { 1.5 })]
    [InlineData("<h1>Derma Roller 1.5mm</h1><p>Ratgeber: ab 0,5 mm spricht man von Kollageninduktion, 2,0 mm gehört in die Praxis.</p>", new[] { 1.5 })]
    [InlineData("<h1>Derma Roller</h1><p>Our roller has 0.5 mm titanium needles.</p>", new[] { 0.5 })]
    [InlineData("<h1>Derma Roller 1.0mm</h1><ul class=\"spec\"><li>Needle length: 1.5mm</li></ul>", new[] { 1.0, 1.5 })]
    public async Task Lengths_come_from_the_title_spec_and_structured_data_before_running_text(string body, double[] lengths)
    {
        var r = await Result(Page(body));
        Assert.Equal(lengths, r.Facts!.NeedleLengthsMm);
    }

    // ---- causes found by the sixth blind set (Fixtures/blind6)

    [Theory]
    [InlineData("As a general guide, 0.2-0.3mm is used at home; 1.0-1.5mm for acne scars; 2.0mm and above for deep scarring.")]
    [InlineData("À titre indicatif : 0,25 mm pour les actifs, 1,5 à 2 mm pour les cicatrices profondes.")]
    [InlineData("Rollers use metal needles of 0.25mm to 1.5mm and are rolled over the whole face.")]
    public async Task Guides_and_other_devices_needles_are_no_lengths_or_claims(string text)
    {
        var r = await Result(Page($"<h1>Derma Stamp 1.5 mm</h1><p>Needle length: 1.5 mm.</p><p>{text}</p>"));
        Assert.Equal([1.5], r.Facts!.NeedleLengthsMm);
        Assert.DoesNotContain(Claim.DeepScarTreatment, r.Facts.Claims);
    }

    [Theory]
    [InlineData("Viene esterilizado y sellado.")]
    [InlineData("Steril, einzeln versiegelt.")]
    public async Task A_sealed_pack_in_spanish_or_german_backs_a_sterile_claim(string text)
    {
        var r = await Result(Page($"<h1>Derma Roller 0.5 mm</h1><p>{text}</p>"));
        Assert.DoesNotContain(r.Flags, f => f.Rule == "sterile-claim-without-method");
    }

    // ---- JSON-LD
    [Fact]
    public async Task Json_ld_product_gives_identity_with_schema_org_availability()
    {
        var r = await Result(Page("<h1>X</h1>", JsonLd("""{"@context":"https://schema.org","@type":"Product","name":"Derma Roller 0.25mm","brand":{"@type":"Brand","name":"BCN"},"sku":"A1","gtin13":"4006381333931","offers":{"@type":"Offer","price":"14.50","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}""")));
        Assert.Equal("Derma Roller 0.25mm", r.Product!.Name);
        Assert.Equal("BCN", r.Product.Brand);
        Assert.Equal("A1", r.Product.Sku);
        Assert.Equal("4006381333931", r.Product.Gtin);
        Assert.Equal(14.50m, r.Product.Price);
        Assert.Equal("GBP", r.Product.Currency);
        Assert.Equal("InStock", r.Product.Availability);
        Assert.Equal(ProductKind.Roller, r.Product.Kind);
    }

    [Fact]
    public async Task Json_ld_array_with_graph_and_bare_type_names_finds_the_product()
    {
        var r = await Result(Page("", JsonLd("""[{"@type":"Organization","name":"Shop"},{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["Product","Thing"],"name":"Derma Stamp 0.5mm","offers":[{"@type":"Offer","price":24,"priceCurrency":"USD","availability":"OutOfStock"}]}]}]""")));
        Assert.Equal("Derma Stamp 0.5mm", r.Product!.Name);
        Assert.Equal(24m, r.Product.Price);
        Assert.Equal("OutOfStock", r.Product.Availability);
        Assert.Equal(ProductKind.Stamp, r.Product.Kind);
    }

    [Fact]
    public async Task Json_ld_product_group_variants_give_every_length_as_a_set()
    {
        var check = await Check(Page("", JsonLd("""{"@type":"ProductGroup","name":"Titanium Derma Roller","hasVariant":[{"@type":"Product","name":"Roller - 0.25mm","offers":{"price":"10.00","priceCurrency":"EUR"}},{"@type":"Product","name":"Roller - 1.0mm"}]}""")));
        Assert.Equal([0.25, 1.0], check.Result.Facts!.NeedleLengthsMm);
        Assert.Equal(10.00m, check.Result.Product!.Price);
        var mention = Assert.Single(check.Page!.Lengths);
        Assert.Equal(LengthShape.Set, mention.Shape);
        Assert.Equal(EvidenceSource.Variants, mention.From);
    }

    [Fact]
    public async Task Json_ld_aggregate_offer_gives_the_low_price()
    {
        var r = await Result(Page("", JsonLd("""{"@type":"http://schema.org/Product","name":"Microneedling Pen","offers":{"@type":"AggregateOffer","lowPrice":"199.00","highPrice":"249.00","priceCurrency":"USD","availability":"http://schema.org/PreOrder"}}""")));
        Assert.Equal(199.00m, r.Product!.Price);
        Assert.Equal("PreOrder", r.Product.Availability);
    }

    [Fact]
    public async Task Json_ld_html_escaped_strings_are_decoded()
    {
        var r = await Result(Page("", JsonLd("""{"@type":"Product","name":"Roller 0.3mm &amp; Serum","brand":"Glow &amp; Co","description":"&lt;p&gt;For home use&lt;/p&gt;"}""")));
        Assert.Equal("Roller 0.3mm & Serum", r.Product!.Name);
        Assert.Equal("Glow & Co", r.Product.Brand);
        Assert.Equal(IntendedUse.Home, r.Facts!.IntendedUse);
    }

    [Fact]
    public async Task Json_ld_with_raw_newlines_in_strings_is_still_read()
    {
        var r = await Result(Page("", JsonLd("{\"@type\":\"Product\",\"name\":\"Derma Roller\n0.5mm\",\"offers\":{\"price\":\"9.00\",\"priceCurrency\":\"USD\"}}")));
        Assert.Equal(9.00m, r.Product!.Price);
    }

    [Fact]
    public async Task Json_ld_of_a_related_product_does_not_replace_the_main_one()
    {
        var r = await Result(Page("<h1>Gentle Roller 0.25mm</h1>",
            JsonLd("""{"@type":"Product","name":"Pro Roller 1.5mm","offers":{"price":"30","priceCurrency":"USD"}}""") +
            JsonLd("""{"@type":"Product","name":"Gentle Roller 0.25mm","offers":{"price":"15","priceCurrency":"USD"}}""")));
        Assert.Equal(15m, r.Product!.Price);
    }

    // ---- microdata and meta
    [Fact]
    public async Task Microdata_gives_identity_and_ignores_nested_related_products()
    {
        var r = await Result(Page("""
            <div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Derma Stamp 0.25mm</h1>
            <span itemprop="brand">StampIt</span><span itemprop="sku">ST-1</span>
            <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="13.50">13,50 €</span>
            <link itemprop="availability" href="https://schema.org/InStock"></div>
            <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Other 2.0mm</span><span itemprop="price" content="99"></span></div></div>
            """));
        Assert.Equal("Derma Stamp 0.25mm", r.Product!.Name);
        Assert.Equal("StampIt", r.Product.Brand);
        Assert.Equal(13.50m, r.Product.Price);
        Assert.Equal("EUR", r.Product.Currency);
        Assert.Equal("InStock", r.Product.Availability);
    }

    [Fact]
    public async Task Open_graph_product_meta_gives_price_and_availability()
    {
        var r = await Result(Page("<h1>Derma Roller 0.2mm</h1>",
            """<meta property="og:title" content="Derma Roller 0.2mm"><meta property="product:price:amount" content="12.00"><meta property="product:price:currency" content="CAD"><meta property="product:availability" content="instock"><meta property="product:brand" content="North">"""));
        Assert.Equal(12.00m, r.Product!.Price);
        Assert.Equal("CAD", r.Product.Currency);
        Assert.Equal("InStock", r.Product.Availability);
        Assert.Equal("North", r.Product.Brand);
    }

    // ---- visible markup
    [Fact]
    public async Task Spec_table_rows_are_label_value_pairs_with_spec_as_source()
    {
        var check = await Check(Page("<h1>Roller</h1><table><tr><th>Needle length</th><td>0.75 mm</td></tr><tr><th>Needle material</th><td>Titanium</td></tr><tr><td>Number of needles</td><td>192</td></tr></table>"));
        Assert.Equal([0.75], check.Result.Facts!.NeedleLengthsMm);
        Assert.Equal(NeedleMaterial.Titanium, check.Result.Facts.NeedleMaterial);
        Assert.Equal(192, check.Result.Facts.NeedleCount);
        Assert.Equal(EvidenceSource.Spec, check.Page!.Lengths[0].From);
        Assert.Equal("Needle length: 0.75 mm", check.Page.Lengths[0].Text);
    }

    [Fact]
    public async Task Definition_lists_are_label_value_pairs()
    {
        var r = await Result(Page("<h1>Derma Roller</h1><dl><dt>Needle length</dt><dd>1.0 mm</dd><div><dt>Sterility</dt><dd>Sterile (EO)</dd></div></dl>"));
        Assert.Equal([1.0], r.Facts!.NeedleLengthsMm);
        Assert.Equal(Sterility.Sterile, r.Facts.Sterility);
        Assert.Equal(SterilizationMethod.EthyleneOxide, r.Facts.SterilizationMethod);
    }

    [Fact]
    public async Task Bullets_are_cited_as_bullets()
    {
        var r = await Result(Page("<h1>Derma Roller 0.5mm</h1><ul><li>Perfect for at-home use</li></ul>"));
        var flag = Assert.Single(r.Flags, f => f.Rule == "home-use-needle-too-long");
        Assert.Contains(flag.Evidence, e => e.From == EvidenceSource.Bullets && e.Text == "Perfect for at-home use");
        Assert.Contains(flag.Evidence, e => e.From == EvidenceSource.Title);
    }

    [Fact]
    public async Task Variant_selector_gives_a_set_of_lengths()
    {
        var check = await Check(Page("<h1>Derma Roller</h1><select name=\"size\"><option>Choose an option</option><option>0.5mm</option><option>1.0mm</option><option>1.5mm</option></select>"));
        Assert.Equal([0.5, 1.0, 1.5], check.Result.Facts!.NeedleLengthsMm);
        Assert.Equal(EvidenceSource.Variants, Assert.Single(check.Page!.Lengths).From);
    }

    [Fact]
    public async Task Title_element_names_a_page_without_h1_or_structured_data()
    {
        var r = await Result("<html><head><title>Dermaroller 0,5 mm | Beauty Shop</title></head><body><p>Gut.</p></body></html>");
        Assert.Equal("Dermaroller 0,5 mm", r.Product!.Name);
        Assert.Equal([0.5], r.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task Woocommerce_sale_price_is_the_price_paid_now()
    {
        var r = await Result(Page("<h1>Roller</h1><p class=\"price\"><del><span class=\"amount\">£30.00</span></del> <ins><span class=\"amount\">£24.00</span></ins></p>"));
        Assert.Equal(24.00m, r.Product!.Price);
        Assert.Equal("GBP", r.Product.Currency);
    }

    [Fact]
    public async Task Amazon_title_byline_price_and_bullets_are_read()
    {
        var r = await Result(Page("""
            <span id="productTitle"> Derma Roller 0.3mm </span><a id="bylineInfo">Visit the Beauty7 Store</a>
            <div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">$12.99</span></span></div>
            <div id="feature-bullets"><ul><li><span class="a-list-item">540 titanium micro needles</span></li></ul></div>
            <div id="availability"><span>Currently unavailable.</span></div>
            """));
        Assert.Equal("Derma Roller 0.3mm", r.Product!.Name);
        Assert.Equal("Beauty7", r.Product.Brand);
        Assert.Equal(12.99m, r.Product.Price);
        Assert.Equal("$", r.Product.Currency);
        Assert.Equal("OutOfStock", r.Product.Availability);
        Assert.Equal(540, r.Facts!.NeedleCount);
    }

    [Fact]
    public async Task Ebay_item_specifics_are_label_value_pairs()
    {
        var r = await Result(Page("""
            <h1 class="x-item-title__mainTitle"><span>Derma Stamp Titanium</span></h1><div class="x-price-primary"><span>US $18.95</span></div>
            <div class="ux-labels-values"><div class="ux-labels-values__labels"><span>Needle Length</span></div><div class="ux-labels-values__values"><span>1.0 mm</span></div></div>
            <div class="ux-labels-values"><div class="ux-labels-values__labels"><span>Brand</span></div><div class="ux-labels-values__values"><span>DermaTech</span></div></div>
            """));
        Assert.Equal([1.0], r.Facts!.NeedleLengthsMm);
        Assert.Equal("DermaTech", r.Product!.Brand);
        Assert.Equal("USD", r.Product.Currency);
    }

    [Fact]
    public async Task Aliexpress_price_tiers_give_the_single_piece_price()
    {
        var r = await Result(Page("""<h1 data-pl="product-title">DRS Derma Roller 0.5mm</h1><div class="product-price-current"><span>US $2.85 - 3.40</span></div>"""));
        Assert.Equal(2.85m, r.Product!.Price);
    }

    // ---- units, numbers and languages
    [Theory]
    [InlineData("Needle length: 0.5mm", new[] { 0.5 })]
    [InlineData("Needle length: .25mm", new[] { 0.25 })]
    [InlineData("Nadellänge: 0,25 mm", new[] { 0.25 })]
    [InlineData("250 microns", new[] { 0.25 })]
    [InlineData("Needle length 500 µm", new[] { 0.5 })]
    [InlineData("needles of 300um", new[] { 0.3 })]
    [InlineData("1.5 millimeters long", new[] { 1.5 })]
    [InlineData("Kit: 0.5/1.0/1.5 mm", new[] { 0.5, 1.0, 1.5 })]
    [InlineData("0.5mm, 1.0mm and 1.5mm heads", new[] { 0.5, 1.0, 1.5 })]
    [InlineData("Adjustable 0.2-3.0mm", new[] { 0.2, 3.0 })]
    [InlineData("Depth 0 - 2.5 mm adjustable", new[] { 2.5 })]
    [InlineData("Profondeur réglable de 0,25 à 2,5 mm", new[] { 0.25, 2.5 })]
    [InlineData("Needle diameter 0.25 mm, needle length 1.0 mm", new[] { 1.0 })]
    [InlineData("Ultra-fine 42G needles, 0.3mm", new[] { 0.3 })]
    [InlineData("Roller head width 20 mm, needle length 0.5 mm", new[] { 0.5 })]
    [InlineData("Handle length 130 mm", new double[0])]
    [InlineData("Package: 15 x 5 mm", new double[0])]
    [InlineData("Needles 0.25 mm in diameter", new double[0])]
    public async Task Needle_lengths_are_read_in_the_units_and_forms_shops_use(string text, double[] expected)
    {
        var r = await Result(Page($"<h1>Derma Roller</h1><p>{text}</p>"));
        Assert.Equal(expected, r.Facts!.NeedleLengthsMm);
    }

    [Theory]
    [InlineData("$12.99", "12.99", "$")]
    [InlineData("US $12.99", "12.99", "USD")]
    [InlineData("1.299,00 €", "1299.00", "EUR")]
    [InlineData("€1,299.00", "1299.00", "EUR")]
    [InlineData("£14.50", "14.50", "GBP")]
    [InlineData("24,95 EUR", "24.95", "EUR")]
    [InlineData("CHF 39.90", "39.90", "CHF")]
    [InlineData("¥2,980", "2980", "¥")]
    public async Task Visible_prices_are_read_as_the_page_means_them(string text, string price, string currency)
    {
        var r = await Result(Page($"<h1>Derma Roller</h1><span class=\"price\">{text}</span>"));
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), r.Product!.Price);
        Assert.Equal(currency, r.Product.Currency);
    }

    [Theory]
    [InlineData("Für die Anwendung zu Hause. Steril verpackt, Gammastrahlen. Einweg.", IntendedUse.Home, Sterility.Sterile, true)]
    [InlineData("Usage à domicile. Stérile, stérilisé à l'oxyde d'éthylène. Usage unique.", IntendedUse.Home, Sterility.Sterile, true)]
    [InlineData("Uso profesional. No estéril. Reutilizable.", IntendedUse.Professional, Sterility.NonSterile, false)]
    [InlineData("For salon use. Supplied non-sterile. Reusable.", IntendedUse.Professional, Sterility.NonSterile, false)]
    public async Task German_French_and_Spanish_phrasings_give_the_same_facts(string text, IntendedUse use, Sterility sterility, bool singleUse)
    {
        var r = await Result(Page($"<h1>Dermaroller 0,25 mm</h1><p>{text}</p>"));
        Assert.Equal(use, r.Facts!.IntendedUse);
        Assert.Equal(sterility, r.Facts.Sterility);
        Assert.Equal(singleUse, r.Facts.SingleUse);
    }

    [Fact]
    public async Task Non_sterile_is_never_read_as_sterile()
    {
        var r = await Result(Page("<h1>Derma Roller 1.0mm</h1><p>This roller is non-sterile.</p>"));
        Assert.Equal(Sterility.NonSterile, r.Facts!.Sterility);
    }

    [Theory]
    [InlineData("Rose Quartz Face Roller", "Cooling massage, no needles.", ProductKind.Other)]
    [InlineData("Jade Roller", "Depuffs and relaxes.", ProductKind.Other)]
    [InlineData("Facial Roller", "540 titanium needles, 0.25 mm.", ProductKind.Roller)]
    [InlineData("Dr. Pen M8 Microneedling Pen", "", ProductKind.Pen)]
    [InlineData("Needle Cartridges for Dr. Pen", "", ProductKind.Cartridge)]
    [InlineData("Microneedle Acne Patches", "", ProductKind.Patch)]
    [InlineData("Hyaluronic Acid Serum for Derma Roller", "", ProductKind.Serum)]
    [InlineData("Derma Roller Kit with Serum", "", ProductKind.Roller)]
    [InlineData("Barrier Repair Moisturiser", "", ProductKind.Moisturiser)]
    public async Task Product_kind_comes_from_the_head_of_the_name(string name, string text, ProductKind kind)
    {
        var r = await Result(Page($"<h1>{name}</h1><p>{text}</p>"));
        Assert.Equal(kind, r.Product!.Kind);
    }

    [Fact]
    public async Task Serum_page_mentioning_roller_lengths_has_no_needle_lengths()
    {
        var r = await Result(Page("<h1>Peptide Serum</h1><p>Use after rolling with a 0.5 mm derma roller.</p>"));
        Assert.Empty(r.Facts!.NeedleLengthsMm);
        Assert.Contains(r.Flags, f => f.Rule == "topical-for-needling");
    }

    // ---- main product against the rest of the page
    [Fact]
    public async Task Navigation_related_products_reviews_and_footer_are_not_the_product()
    {
        var r = await Result(Page("""
            <header><nav><a>Derma Roller 2.0mm</a></nav></header>
            <main><h1>Gentle Roller 0.25mm</h1><p>For home use.</p>
            <section class="related-products"><h2>Related products</h2><div>Pro Roller 1.5mm, FDA approved</div></section>
            <section><h2>Customer reviews</h2><p>I sterilize mine in alcohol. The 1.0mm works better.</p></section>
            <div id="reviews"><p>Great for deep scars</p></div></main>
            <aside>Bestseller: Derma Pen 2.5mm</aside>
            <footer>FDA approved · sterile · 3.0mm</footer>
            """));
        Assert.Equal([0.25], r.Facts!.NeedleLengthsMm);
        Assert.Empty(r.Facts.Claims);
        Assert.Empty(r.Flags);
    }

    [Fact]
    public async Task A_product_inside_a_sidebar_classed_layout_is_still_read()
    {
        var r = await Result(Page("<div class=\"page with-sidebar\"><h1>Derma Roller 0.5mm</h1><p>For home use.</p></div>"));
        Assert.Equal([0.5], r.Facts!.NeedleLengthsMm);
    }

    // ---- charsets and encodings
    [Fact]
    public async Task Windows_1252_declared_in_meta_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><h1>Rouleau à micro-aiguilles 0,25 mm – stérile</h1></body></html>";
        using var stream = new MemoryStream(Encoding.GetEncoding(1252).GetBytes(html));
        var r = await Checker.CheckAsync("cp1252", stream, null, null, CancellationToken.None);
        Assert.Equal("Rouleau à micro-aiguilles 0,25 mm – stérile", r.Product!.Name);
    }

    [Fact]
    public async Task Charset_from_the_content_type_header_is_used()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><body><h1>Dermaroller für zu Hause 0,5 mm</h1></body></html>";
        using var stream = new MemoryStream(Encoding.GetEncoding("iso-8859-1").GetBytes(html));
        var r = await Checker.CheckAsync("latin1", stream, "text/html; charset=iso-8859-1", null, CancellationToken.None);
        Assert.Equal("Dermaroller für zu Hause 0,5 mm", r.Product!.Name);
    }

    [Fact]
    public async Task Utf16_with_a_byte_order_mark_is_decoded()
    {
        var r = (await Check("<html><body><h1>Smooth Roller 0.25mm – ø</h1></body></html>", encoding: Encoding.Unicode)).Result;
        Assert.Equal("Smooth Roller 0.25mm – ø", r.Product!.Name);
    }

    [Fact]
    public async Task Gzip_compressed_pages_are_inflated()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page("<h1>Derma Roller 0.2mm</h1>")));
        }
        compressed.Position = 0;
        var r = await Checker.CheckAsync("page.html.gz", compressed, null, null, CancellationToken.None);
        Assert.Equal([0.2], r.Facts!.NeedleLengthsMm);
    }

    [Fact]
    public async Task Stored_extraction_gives_the_same_result_when_the_rules_run_again()
    {
        var check = await Check(Page("<h1>Derma Roller 1.0mm</h1><p>For home use. Sterile.</p>"));
        var stored = check.Page!.ToJson();
        var listing = new Listing { NeedleLengthMm = 0.5 };
        var again = Checker.Evaluate("again", ExtractedPage.FromJson(stored), listing);
        Assert.Contains(again.Flags, f => f.Rule == "catalogue-needle-length-mismatch");
        Assert.Equal(check.Result.Flags.Select(f => f.Rule), again.Flags.Select(f => f.Rule).Where(r => !r.StartsWith("catalogue-", StringComparison.Ordinal)));
    }
}
