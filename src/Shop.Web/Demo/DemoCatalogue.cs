using System.Globalization;
using System.Text;
using Shop.Core.Model;

namespace Shop.Web.Demo;

/// <summary>How a supplier shop lays out its product page; each is a common e-commerce platform's markup.</summary>
public enum PageStyle { ShopifyJsonLd, WooCommerceTable, AmazonBullets, EbaySpecifics, AliExpressSpecs, Microdata }

/// <summary>What the demo supplier's page for one product says. Contradictions live in this text, not in code.</summary>
public sealed record SupplierPageContent(
    PageStyle Style,
    string Title,
    string Brand,
    decimal Price,
    string Sku,
    IReadOnlyList<string> Bullets,
    IReadOnlyList<(string Name, string Value)> Specs,
    IReadOnlyList<string> Description,
    string Availability = "InStock");

/// <summary>One demo product: the shop's listing and the demo supplier's page for it.</summary>
public sealed record DemoProduct(Product Listing, SupplierPageContent Page)
{
    public string Slug => Listing.Slug;
}

/// <summary>
/// The believable demo catalogue: at least 30 products of every kind, generated deterministically from brands,
/// ranges and the shop's own guidance, plus hand-written products whose supplier pages contradict their
/// marketing (rules.md) or whose listing contradicts the supplier (catalogue-* rules), so that the first scan
/// of a fresh install shows real flags.
/// </summary>
public static class DemoCatalogue
{
    // One name for the seeder and the scans' first-start hook that looks the demo supplier up.
    public const string SupplierName = Shop.Jobs.Scanning.ScanStartup.DemoSupplierName;
    public const int PerKind = 32;

    private static readonly Lazy<IReadOnlyList<DemoProduct>> all = new(Build);

    public static IReadOnlyList<DemoProduct> All => all.Value;

    public static DemoProduct? Find(string slug) => All.FirstOrDefault(p => p.Slug == slug);

    public static string Slugify(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    private static string Mm(double mm) => mm.ToString("0.0#", CultureInfo.InvariantCulture) + " mm";

    private static IReadOnlyList<DemoProduct> Build()
    {
        var products = new List<DemoProduct>();
        products.AddRange(Contradictions());
        var taken = products.Select(p => p.Slug).ToHashSet();
        foreach (var kind in new[] { ProductKind.Roller, ProductKind.Stamp, ProductKind.Pen, ProductKind.Cartridge, ProductKind.Patch, ProductKind.Moisturiser, ProductKind.Serum })
        {
            var count = products.Count(p => p.Listing.Kind == kind);
            var i = 0;
            while (count < PerKind)
            {
                if (i > 10_000) throw new InvalidOperationException($"The demo generator cannot make {PerKind} distinct {kind} products.");
                var product = Generate(kind, i++);
                if (!taken.Add(product.Slug)) continue;
                products.Add(product);
                count++;
            }
        }
        return products;
    }

    private static readonly string[] RollerBrands = ["Dermaclear", "Lumiskin", "Nordic Derma", "Zenaderm", "Velvetine", "Arcadia Skin", "MTS Lab", "Purelle"];
    private static readonly string[] StampBrands = ["Dermaclear", "Stampwell", "Nordic Derma", "Arcadia Skin", "Purelle", "Skinpoint"];
    private static readonly string[] PenBrands = ["Dr. Pen", "Dermaclear", "Nuvela", "Skinpoint", "Arcadia Skin", "MTS Lab"];
    private static readonly string[] PatchBrands = ["Hydradots", "Microfill", "Lumiskin", "Kaiso Beauty", "Purelle", "Dotlift"];
    private static readonly string[] CareBrands = ["Aqua Barrier", "Lumiskin", "Purelle", "Kaiso Beauty", "Arcadia Skin", "Calmera", "Nordic Derma"];
    private static readonly PageStyle[] Styles = Enum.GetValues<PageStyle>();

    private static DemoProduct Generate(ProductKind kind, int i) => kind switch
    {
        ProductKind.Roller or ProductKind.Stamp => Needled(kind, i),
        ProductKind.Pen => Pen(i),
        ProductKind.Cartridge => Cartridge(i),
        ProductKind.Patch => Patch(i),
        _ => Care(kind, i),
    };

    private static Product Listing(string name, ProductKind kind, string brand, decimal price, string description) => new()
    {
        Name = name, Slug = Slugify(name), Kind = kind, Brand = brand, Price = price, Currency = "USD", Description = description,
        Published = true,
    };

    private static DemoProduct Needled(ProductKind kind, int i)
    {
        double[] lengths = [0.2, 0.25, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0];
        var length = lengths[i % lengths.Length];
        var brands = kind == ProductKind.Roller ? RollerBrands : StampBrands;
        var brand = brands[(i / lengths.Length + i) % brands.Length];
        var titanium = i % 3 != 0;
        var material = titanium ? NeedleMaterial.Titanium : NeedleMaterial.StainlessSteel;
        int[] rollerCounts = [192, 540, 1200];
        int[] stampCounts = [12, 35, 42, 140];
        var needles = kind == ProductKind.Roller ? rollerCounts[i % 3] : stampCounts[i % 4];
        var home = length <= 0.3;
        var noun = kind == ProductKind.Roller ? "Derma Roller" : "Derma Stamp";
        string[] homeLines = ["Glow", "Daily Infuse", "Serum Boost", "Soft Touch"];
        string[] proLines = ["Clinical", "Pro", "Collagen Pro", "Regen"];
        var line = home ? homeLines[i % homeLines.Length] : proLines[i % proLines.Length];
        var name = $"{brand} {line} {needles} {(titanium ? "Titanium" : "Stainless")} {noun} {Mm(length)}";
        var price = home ? 14m + i % 7 * 3 + 0.99m : 24m + i % 9 * 5 + 0.95m;
        var sku = $"{brand[..2].ToUpperInvariant()}-{(kind == ProductKind.Roller ? "R" : "S")}{needles}-{length * 100:000}";
        var materialWord = titanium ? "titanium" : "surgical stainless steel";

        Product listing;
        SupplierPageContent page;
        if (home)
        {
            listing = Listing(name, kind, brand, price,
                $"A gentle {materialWord} {noun.ToLowerInvariant()} with {needles} {Mm(length)} needles for at-home use. " +
                "Used before applying your serum, the fine needles open tiny channels so hyaluronic acid and peptides absorb better. " +
                "Reusable: disinfect before and after each use and replace after 10-15 uses.");
            listing.NeedleLengthMm = length; listing.NeedleCount = needles; listing.NeedleMaterial = material;
            listing.IntendedUse = IntendedUse.Home; listing.SingleUse = false; listing.Sterile = false; listing.Claims = [Claim.Absorption];
            page = new SupplierPageContent(Styles[i % Styles.Length], $"{line} {needles} {noun} {Mm(length)}", brand, price, sku,
                [
                    $"{Mm(length)} {materialWord} needles, {needles} per {(kind == ProductKind.Roller ? "roller head" : "stamp head")}",
                    "For home use: helps your serums and moisturisers absorb",
                    "Reusable: rinse, disinfect with 70% isopropyl alcohol and store in its case after each use",
                    "Replace after 10-15 uses or when the needles look bent",
                    "Supplied clean in a protective case (non-sterile)",
                ],
                [
                    ("Needle length", Mm(length)), ("Number of needles", needles.ToString(CultureInfo.InvariantCulture)),
                    ("Needle material", titanium ? "Titanium" : "Stainless steel"), ("Intended use", "Home use"),
                    ("Reusable", "Yes, up to 15 uses"), ("Sterility", "Non-sterile"),
                ],
                [
                    $"Our {line} {noun.ToLowerInvariant()} is made for a gentle at-home routine. Its {Mm(length)} needles stay in the outer " +
                    "layer of the skin and open short-lived channels so your favourite serum absorbs better.",
                    "Use two to three times a week on clean skin, then apply a soothing moisturiser and, in the morning, sunscreen.",
                ]);
        }
        else
        {
            var claims = new List<Claim> { Claim.CollagenInduction };
            if (length >= 1.0) claims.Add(Claim.ScarTreatment);
            if (length >= 1.5) claims.Add(Claim.StretchMarks);
            listing = Listing(name, kind, brand, price,
                $"A sterile, single-use {materialWord} {noun.ToLowerInvariant()} with {needles} {Mm(length)} needles for professional " +
                "collagen-induction therapy. Ethylene-oxide sterilised in a sealed blister with lot number and expiry date.");
            listing.NeedleLengthMm = length; listing.NeedleCount = needles; listing.NeedleMaterial = material;
            listing.IntendedUse = IntendedUse.Professional; listing.SingleUse = true; listing.Sterile = true; listing.Claims = claims;
            page = new SupplierPageContent(Styles[(i + 2) % Styles.Length], $"{brand} {line} {noun} {needles} Needles {Mm(length)} - Sterile, Single Use",
                brand, price, sku,
                [
                    $"Needle length {Mm(length)}, {needles} {materialWord} needles",
                    "For professional use only, by trained practitioners in a clinic",
                    "Sterile: ethylene oxide (EO) sterilised, sealed blister, lot number and expiry date on every pack",
                    "Single use only. Do not reuse, do not resterilise; discard in a sharps container",
                    length >= 1.0 ? "Supports collagen induction for surface scars and fine lines" : "Supports collagen induction therapy",
                ],
                [
                    ("Needle length", Mm(length)), ("Needle count", needles.ToString(CultureInfo.InvariantCulture)),
                    ("Material", titanium ? "Titanium" : "Medical stainless steel"), ("Use", "Professional use only"),
                    ("Single use", "Yes, do not reuse"), ("Sterilisation", "Ethylene oxide (EO), STERILE EO"),
                ],
                [
                    $"Clinic-grade {noun.ToLowerInvariant()} for collagen induction therapy. Each unit is sterilised with ethylene oxide and packed " +
                    "in a sealed blister; check the lot number and expiry date before opening.",
                    "For professional use only. Not for sale to the public for self-treatment.",
                ]);
        }
        return new DemoProduct(listing, page);
    }

    private static DemoProduct Pen(int i)
    {
        string[] models = ["M8", "A6", "X5", "Ultima A7", "N2", "Pro 9", "E30", "Q7"];
        var brand = PenBrands[i % PenBrands.Length];
        var model = models[(i + i / PenBrands.Length) % models.Length];
        var wireless = i % 2 == 0;
        var name = $"{brand} {model} {(wireless ? "Wireless" : "Corded")} Microneedling Pen";
        var price = 139m + i % 10 * 30 + 0.0m;
        var listing = Listing(name, ProductKind.Pen, brand, price,
            $"A professional motorised microneedling pen with adjustable needle depth from 0.25 to 2.5 mm, {(wireless ? "a rechargeable battery" : "a mains cable")} " +
            "and five speed settings. For trained practitioners only; use with sterile single-use cartridges.");
        listing.NeedleLengthMm = 2.5; listing.IntendedUse = IntendedUse.Professional; listing.SingleUse = false;
        listing.Claims = [Claim.CollagenInduction, Claim.ScarTreatment];
        var page = new SupplierPageContent(Styles[(i + 1) % Styles.Length], $"{brand} {model} Professional Microneedling Pen, Adjustable 0.25-2.5 mm", brand, price,
            $"PEN-{model.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}-{(wireless ? "W" : "C")}",
            [
                "Adjustable needle depth 0.25-2.5 mm in 0.25 mm steps",
                "Professional use only: for licensed practitioners in a clinic",
                "Use only with sterile single-use cartridges (EO sterilised, sold separately)",
                $"{(wireless ? "Wireless, 2 rechargeable batteries" : "Corded, stable speed")}, 5 speeds from 6,000 to 18,000 rpm",
                "Pen body: wipe with a disinfectant wipe after each treatment",
            ],
            [("Needle depth", "0.25-2.5 mm adjustable"), ("Power", wireless ? "Rechargeable battery" : "Mains adapter"), ("Intended use", "Professional"),
             ("Cartridges", "Sterile, single use, ethylene oxide"), ("Speed", "5 levels")],
            ["A quiet, balanced microneedling pen for collagen induction therapy in the clinic. The depth ring locks the needle length so it cannot drift during treatment."]);
        return new DemoProduct(listing, page);
    }

    private static DemoProduct Cartridge(int i)
    {
        string[] pins = ["12-pin", "16-pin", "24-pin", "36-pin", "42-pin", "Nano"];
        var pin = pins[i % pins.Length];
        var brand = PenBrands[(i / pins.Length + i) % PenBrands.Length];
        var pack = i % 3 == 0 ? 5 : i % 3 == 1 ? 10 : 20;
        var name = $"{brand} {pin} Microneedling Cartridges, Pack of {pack}";
        var price = 12m + pack * 1.5m + i % 4 * 2 + 0.99m;
        var maxLength = pin == "Nano" ? 0.5 : 2.5;
        var listing = Listing(name, ProductKind.Cartridge, brand, price,
            $"Sterile single-use {pin.ToLowerInvariant()} cartridges for professional microneedling pens, with a safety membrane against backflow. " +
            $"Needle depth set on the pen up to {Mm(maxLength)}. EO sterilised, individually sealed.");
        listing.NeedleLengthMm = maxLength; listing.NeedleCount = pin == "Nano" ? null : int.Parse(pin[..2], CultureInfo.InvariantCulture);
        listing.NeedleMaterial = NeedleMaterial.StainlessSteel; listing.IntendedUse = IntendedUse.Professional; listing.SingleUse = true; listing.Sterile = true;
        listing.Claims = [Claim.CollagenInduction];
        var page = new SupplierPageContent(Styles[(i + 3) % Styles.Length], $"{brand} {pin} Cartridges x{pack} - Sterile, Single Use, Max {Mm(maxLength)}", brand, price,
            $"CT-{pin.Replace("-pin", "", StringComparison.Ordinal).ToUpperInvariant()}-{pack}",
            [
                $"{pin} stainless-steel needles, depth up to {Mm(maxLength)} (set on the pen)",
                "Individually sealed, sterile (ethylene oxide), lot and expiry on each pouch",
                "Single use: do not reuse, discard after one treatment",
                "Silicone membrane prevents backflow into the pen",
                "For professional use only",
            ],
            [("Needle configuration", pin), ("Maximum needle length", Mm(maxLength)), ("Sterilisation", "EO"), ("Single use", "Yes"), ("Pack size", pack.ToString(CultureInfo.InvariantCulture))],
            ["Replacement cartridges for professional microneedling pens. Open each pouch just before treatment and discard the cartridge afterwards."]);
        return new DemoProduct(listing, page);
    }

    private static DemoProduct Patch(int i)
    {
        string[] targets = ["Eye Contour", "Smile Line", "Forehead", "Blemish", "Under-Eye Brightening", "Lip Line"];
        string[] actives = ["Hyaluronic Acid", "Peptide", "Niacinamide", "Vitamin C", "Centella"];
        var target = targets[i % targets.Length];
        var active = actives[(i / targets.Length + i) % actives.Length];
        var brand = PatchBrands[(i + i / targets.Length) % PatchBrands.Length];
        var length = i % 2 == 0 ? 0.25 : 0.3;
        var pairs = i % 3 == 0 ? 4 : i % 3 == 1 ? 6 : 8;
        var name = $"{brand} {active} {target} Microneedle Patches ({pairs} pairs)";
        var price = 14m + pairs * 2 + i % 5 + 0.5m;
        var listing = Listing(name, ProductKind.Patch, brand, price,
            $"Dissolving microneedle patches with {Mm(length)} {active.ToLowerInvariant()} microcones. Apply overnight on clean, dry skin; " +
            "each patch is for one use only and dissolves into the skin.");
        listing.NeedleLengthMm = length; listing.NeedleMaterial = NeedleMaterial.Dissolving; listing.IntendedUse = IntendedUse.Home;
        listing.SingleUse = true; listing.Claims = [Claim.Absorption, Claim.Wrinkles];
        var page = new SupplierPageContent(Styles[(i + 4) % Styles.Length], $"{active} Microneedle Patch - {target} ({pairs} pairs)", brand, price,
            $"MP-{brand[..3].ToUpperInvariant()}-{i:00}",
            [
                $"{Mm(length)} dissolving {active.ToLowerInvariant()} microcones",
                "Home use: apply at night, peel off in the morning",
                "One-time use only: each patch is used once and then discarded",
                "Individually packed pairs to keep them clean and dry",
            ],
            [("Microneedle length", Mm(length)), ("Needle type", "Dissolving"), ("Use", "Home"), ("Single use", "Yes"), ("Contents", $"{pairs} pairs")],
            [$"Each patch carries hundreds of dissolving microcones loaded with {active.ToLowerInvariant()}. They soften into the skin overnight; remove the film in the morning and discard it."]);
        return new DemoProduct(listing, page);
    }

    private static DemoProduct Care(ProductKind kind, int i)
    {
        string[] moisturisers = ["Ceramide Barrier Cream", "Post-Treatment Recovery Balm", "Squalane Day Moisturiser", "Panthenol Calming Gel-Cream",
            "Peptide Night Cream", "Oat Repair Lotion", "SPF 50 Mineral Moisturiser", "Cica Soothing Cream"];
        string[] serums = ["Hyaluronic Acid 2% Serum", "Niacinamide 10% Serum", "Copper Peptide Serum", "Vitamin C 15% Serum",
            "Centella Recovery Serum", "Polyglutamic Acid Serum", "Growth-Factor Peptide Serum", "Azelaic Acid 10% Serum"];
        var names = kind == ProductKind.Moisturiser ? moisturisers : serums;
        var item = names[i % names.Length];
        var brand = CareBrands[(i / names.Length + i) % CareBrands.Length];
        var size = kind == ProductKind.Moisturiser ? (i % 2 == 0 ? "50 ml" : "75 ml") : (i % 2 == 0 ? "30 ml" : "15 ml");
        var name = $"{brand} {item} {size}";
        var price = (kind == ProductKind.Moisturiser ? 18m : 22m) + i % 8 * 4 + 0.9m;
        var description = kind == ProductKind.Moisturiser
            ? $"{item} for sensitised skin. Fragrance-free, for daily use and as post-care after a microneedling session, followed by sunscreen in the morning."
            : $"{item} in a lightweight base for daily use on intact skin. Apply after cleansing, then moisturise; use sunscreen in the morning.";
        var listing = Listing(name, kind, brand, price, description);
        listing.IntendedUse = IntendedUse.Home;
        var page = new SupplierPageContent(Styles[(i + 5) % Styles.Length], $"{item} {size}", brand, price, $"{(kind == ProductKind.Moisturiser ? "MO" : "SE")}-{brand[..2].ToUpperInvariant()}-{i:000}",
            [$"{size}, fragrance-free", "Dermatologically tested on sensitive skin", "For daily use on clean skin", "Vegan formula, recyclable packaging"],
            [("Size", size), ("Skin type", "All, including sensitive"), ("Fragrance", "None")],
            [description]);
        return new DemoProduct(listing, page);
    }

    /// <summary>Hand-written products whose supplier pages contradict themselves or the shop's listing.</summary>
    private static IEnumerable<DemoProduct> Contradictions()
    {
        static DemoProduct Make(string name, ProductKind kind, string brand, decimal price, string description, Action<Product> facts, SupplierPageContent page)
        {
            var listing = Listing(name, kind, brand, price, description);
            facts(listing);
            return new DemoProduct(listing, page);
        }

        // home-use-needle-too-long (error): marketed for home use with 1.0 mm needles.
        yield return Make("GlowHome Titanium Derma Roller 1.0 mm", ProductKind.Roller, "GlowHome", 24.99m,
            "A titanium derma roller for your at-home skincare routine, with 540 needles of 1.0 mm.",
            p => { p.NeedleLengthMm = 1.0; p.NeedleCount = 540; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Home; p.SingleUse = false; p.Claims = [Claim.CollagenInduction, Claim.ScarTreatment]; },
            new SupplierPageContent(PageStyle.ShopifyJsonLd, "GlowHome Titanium Derma Roller 1.0mm - At-Home Collagen Booster", "GlowHome", 24.99m, "GH-R540-100",
                ["Salon results in the comfort of your home", "540 titanium needles, 1.0mm length", "Boosts collagen and fades acne scars", "Reusable: replace every 3 months"],
                [("Needle length", "1.0mm"), ("Needles", "540"), ("Material", "Titanium"), ("Suitable for", "Home use")],
                ["Perfect for at-home use! Roll gently over clean skin two to three times a week for visibly smoother skin.", "Rinse with warm water after each use and store in the case."]));

        // single-use-with-reuse-instructions (error): "single use" and cleaning/storage/lifetime instructions.
        yield return Make("PureMed Single-Use Derma Roller 0.5 mm", ProductKind.Roller, "PureMed", 19.90m,
            "A sterile, single-use 0.5 mm roller for professional collagen-induction treatments.",
            p => { p.NeedleLengthMm = 0.5; p.NeedleCount = 192; p.NeedleMaterial = NeedleMaterial.StainlessSteel; p.IntendedUse = IntendedUse.Professional; p.SingleUse = true; p.Sterile = true; p.Claims = [Claim.CollagenInduction]; },
            new SupplierPageContent(PageStyle.WooCommerceTable, "PureMed Disposable Derma Roller 0.5 mm (Single Use)", "PureMed", 19.90m, "PM-DR-050",
                ["Single use disposable roller", "192 stainless-steel needles, 0.5 mm", "Sterilised by gamma irradiation, sealed pack"],
                [("Needle length", "0.5 mm"), ("Needle count", "192"), ("Single use", "Yes, disposable"), ("Sterilisation", "Gamma irradiation"), ("Use", "Professional")],
                ["Care instructions: after each use, clean the roller under warm running water, disinfect it and store it dry in the case.", "With proper care the roller lasts up to 3 months."]));

        // sterile-but-sterilize-before-use (error) and alcohol-called-sterilization (warning).
        yield return Make("Sterilux Sterile Derma Roller 0.75 mm", ProductKind.Roller, "Sterilux", 29.00m,
            "Sterile 0.75 mm titanium roller for professional treatments.",
            p => { p.NeedleLengthMm = 0.75; p.NeedleCount = 540; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Professional; p.SingleUse = true; p.Sterile = true; p.Claims = [Claim.CollagenInduction]; },
            new SupplierPageContent(PageStyle.AmazonBullets, "Sterilux STERILE Derma Roller 0.75mm, 540 Titanium Needles, Professional", "Sterilux", 29.00m, "SX-540-075",
                ["STERILE: every roller is sterile in its sealed pack", "0.75mm titanium needles, 540 count", "For professional use",
                 "BEFORE FIRST USE: sterilise the roller by soaking it in 70% isopropyl alcohol for 10 minutes", "Single use: do not reuse"],
                [("Needle length", "0.75 mm"), ("Sterile", "Yes"), ("Material", "Titanium")],
                ["Our rollers are sterile out of the box. For extra safety, sterilize the head in alcohol before use."]));

        // reusable-patch (error).
        yield return Make("Hydradots Reusable Hyaluronic Microneedle Patch", ProductKind.Patch, "Hydradots", 21.50m,
            "Hyaluronic acid microneedle patches for fine lines around the eyes.",
            p => { p.NeedleLengthMm = 0.25; p.NeedleMaterial = NeedleMaterial.Dissolving; p.IntendedUse = IntendedUse.Home; p.SingleUse = true; p.Claims = [Claim.Wrinkles]; },
            new SupplierPageContent(PageStyle.EbaySpecifics, "Hydradots Hyaluronic Microneedle Eye Patches - Reusable, Washable", "Hydradots", 21.50m, "HD-EYE-6",
                ["0.25 mm hyaluronic microneedles", "Reusable up to 5 times: rinse the patch and let it dry on its liner", "Home use"],
                [("Needle length", "0.25 mm"), ("Reusable", "Yes, washable, 5 uses"), ("Use", "Home")],
                ["Eco-friendly: wash the patch gently after use and reuse it for several applications."]));

        // fda-approved-claim (error).
        yield return Make("CollagenPro Derma Pen X9", ProductKind.Pen, "CollagenPro", 249.00m,
            "Professional microneedling pen with adjustable depth 0.25-2.5 mm.",
            p => { p.NeedleLengthMm = 2.5; p.IntendedUse = IntendedUse.Professional; p.SingleUse = false; p.Claims = [Claim.CollagenInduction, Claim.ScarTreatment]; },
            new SupplierPageContent(PageStyle.AliExpressSpecs, "CollagenPro X9 Derma Pen FDA Approved Professional Microneedling Pen 0.25-2.5mm", "CollagenPro", 249.00m, "CP-X9",
                ["FDA Approved microneedling device", "Needle depth 0.25-2.5mm adjustable", "Professional use, sterile cartridges (EO)"],
                [("Certification", "FDA approved, CE"), ("Needle length", "0.25-2.5mm"), ("Use", "Professional")],
                ["The only FDA approved pen in its class."]));

        // home-use-pen (error): a motorised pen marketed for home use.
        yield return Make("SilkGlow Home Microneedling Pen", ProductKind.Pen, "SilkGlow", 139.00m,
            "A cordless microneedling pen with adjustable depth.",
            p => { p.NeedleLengthMm = 2.0; p.IntendedUse = IntendedUse.Professional; p.SingleUse = false; p.Claims = [Claim.CollagenInduction]; },
            new SupplierPageContent(PageStyle.Microdata, "SilkGlow Cordless Microneedling Pen for Home Use, 0.25-2.0 mm", "SilkGlow", 139.00m, "SG-PEN-HOME",
                ["Clinic results at home: use it yourself in 10 minutes", "Adjustable needle depth 0.25-2.0 mm", "Uses sterile single-use cartridges (EO sterilised)"],
                [("Needle length", "0.25-2.0 mm"), ("Intended use", "Home / personal use")],
                ["Designed for personal use at home: no appointment needed."]));

        // catalogue-needle-length-mismatch (error): the listing says 0.5 mm, the supplier 1.5 mm.
        yield return Make("Nordic Derma Stamp 140 0.5 mm", ProductKind.Stamp, "Nordic Derma", 34.95m,
            "A sterile single-use stamp with 140 needles of 0.5 mm for precise professional treatment of small areas.",
            p => { p.NeedleLengthMm = 0.5; p.NeedleCount = 140; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Professional; p.SingleUse = true; p.Sterile = true; p.Claims = [Claim.CollagenInduction]; },
            new SupplierPageContent(PageStyle.ShopifyJsonLd, "Nordic Derma Stamp 140 Needles 1.5 mm", "Nordic Derma", 34.95m, "ND-S140-150",
                ["140 titanium needles, 1.5 mm", "Professional use only", "Sterile (EO), single use, do not reuse"],
                [("Needle length", "1.5 mm"), ("Needles", "140"), ("Sterilisation", "Ethylene oxide"), ("Single use", "Yes")],
                ["A precise stamp for scars on small areas. Ethylene-oxide sterilised; lot and expiry on the blister."]));

        // catalogue-sterility-mismatch (error): the listing says sterile, the supplier says nothing about sterility.
        yield return Make("Velvetine Soft Touch Derma Roller 0.25 mm", ProductKind.Roller, "Velvetine", 17.99m,
            "A sterile 0.25 mm roller for at-home serum absorption.",
            p => { p.NeedleLengthMm = 0.25; p.NeedleCount = 540; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Home; p.SingleUse = false; p.Sterile = true; p.Claims = [Claim.Absorption]; },
            new SupplierPageContent(PageStyle.WooCommerceTable, "Velvetine Soft Touch Roller 0.25 mm", "Velvetine", 17.99m, "VV-ST-025",
                ["540 titanium needles, 0.25 mm", "Home use for better serum absorption", "Reusable: replace every 10-15 uses"],
                [("Needle length", "0.25 mm"), ("Use", "Home"), ("Reusable", "Yes")],
                ["A light roller for the daily routine. Disinfect with alcohol before and after each use."]));

        // catalogue-single-use-mismatch (error): the listing says single use, the supplier says reusable.
        yield return Make("Zenaderm Daily 540 Roller 0.3 mm", ProductKind.Roller, "Zenaderm", 15.49m,
            "A single-use 0.3 mm roller for at-home serum absorption.",
            p => { p.NeedleLengthMm = 0.3; p.NeedleCount = 540; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Home; p.SingleUse = true; p.Claims = [Claim.Absorption]; },
            new SupplierPageContent(PageStyle.AmazonBullets, "Zenaderm Daily Roller 540 Needles 0.3mm - Reusable", "Zenaderm", 15.49m, "ZD-540-030",
                ["0.3mm titanium needles, 540 count", "Home use: helps serums absorb", "Reusable: lasts up to 3 months with proper care", "Non-sterile: disinfect before each use"],
                [("Needle length", "0.3 mm"), ("Reusable", "Yes")],
                ["Clean after each use and store in the case."]));

        // catalogue-use-mismatch (error): the listing markets home use, the supplier says professional use only.
        yield return Make("Lumiskin Glow Stamp 0.25 mm", ProductKind.Stamp, "Lumiskin", 22.00m,
            "A small 0.25 mm stamp for at-home use on the nose and around the mouth.",
            p => { p.NeedleLengthMm = 0.25; p.NeedleCount = 35; p.NeedleMaterial = NeedleMaterial.Titanium; p.IntendedUse = IntendedUse.Home; p.SingleUse = true; p.Sterile = true; p.Claims = [Claim.Absorption]; },
            new SupplierPageContent(PageStyle.EbaySpecifics, "Lumiskin Glow Stamp 35 Needles 0.25mm - Professional Use Only", "Lumiskin", 22.00m, "LS-GS-025",
                ["35 titanium needles 0.25mm", "For professional use only", "Sterile EO, single use"],
                [("Needle length", "0.25 mm"), ("Intended use", "Professional use only"), ("Sterilisation", "EO")],
                ["Sold to clinics and licensed practitioners only."]));

        // topical-for-needling (warning): a serum sold for use during microneedling.
        yield return Make("NeedleGlow Booster Serum 30 ml", ProductKind.Serum, "NeedleGlow", 34.00m,
            "A hyaluronic and peptide serum for daily use.",
            p => { p.IntendedUse = IntendedUse.Home; },
            new SupplierPageContent(PageStyle.ShopifyJsonLd, "NeedleGlow Booster Serum - For Use With Your Derma Roller", "NeedleGlow", 34.00m, "NG-BS-30",
                ["Apply during microneedling for deeper penetration", "Delivers peptides into the dermis", "30 ml"],
                [("Size", "30 ml")],
                ["Pair it with your derma roller: apply the serum, then roll it into the dermis."]));

        // budget-professional-roller (info): "medical grade" at a budget price.
        yield return Make("ProStar Medical Grade Roller 1.0 mm", ProductKind.Roller, "ProStar", 9.49m,
            "A sterile single-use 1.0 mm roller for professional use.",
            p => { p.NeedleLengthMm = 1.0; p.NeedleCount = 192; p.NeedleMaterial = NeedleMaterial.StainlessSteel; p.IntendedUse = IntendedUse.Professional; p.SingleUse = true; p.Sterile = true; p.Claims = [Claim.CollagenInduction, Claim.ScarTreatment]; },
            new SupplierPageContent(PageStyle.AliExpressSpecs, "ProStar Medical Grade Professional Derma Roller 1.0mm 192 Needles", "ProStar", 9.49m, "PS-MG-100",
                ["Medical grade, clinic quality", "1.0mm stainless-steel needles, 192 count", "Sterile: gamma irradiated, sealed, lot and expiry printed", "Single use, do not reuse", "Professional use only"],
                [("Needle length", "1.0mm"), ("Sterilisation", "Gamma"), ("Single use", "Yes")],
                ["Clinic quality at a wholesale price."]));

        // plastic-needles (info).
        yield return Make("SoftTouch Polymer Needle Roller 0.2 mm", ProductKind.Roller, "SoftTouch", 12.99m,
            "A gentle roller with 0.2 mm polymer needles for serum absorption at home.",
            p => { p.NeedleLengthMm = 0.2; p.NeedleCount = 300; p.NeedleMaterial = NeedleMaterial.Plastic; p.IntendedUse = IntendedUse.Home; p.SingleUse = false; p.Sterile = false; p.Claims = [Claim.Absorption]; },
            new SupplierPageContent(PageStyle.Microdata, "SoftTouch Roller with Polymer Needles 0.2 mm", "SoftTouch", 12.99m, "ST-PN-020",
                ["300 plastic (polymer) needles, 0.2 mm", "Home use: for serum absorption", "Reusable, replace every 10-15 uses", "Non-sterile"],
                [("Needle length", "0.2 mm"), ("Needle material", "Plastic"), ("Use", "Home")],
                ["Soft polymer needles for a gentle feel."]));
    }
}
