"""Writes the supplier-page fixture corpus (../pages/*.html + *.expected.json). The expected facts and flags are
written by hand per page from rules.md, not produced by the checker. Run: python3 make_fixtures.py"""
import gzip, json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from platforms import PLATFORMS, E

OUT = os.path.join(os.path.dirname(__file__), "..", "pages")
CASES = []


def case(name, platform, title, price, *, brand=None, sku=None, gtin=None, avail="InStock", intro=(), bullets=(), paragraphs=(),
         specs=(), variants=(), was=None, jsonld=True, facts=None, flags=(), listing=None, product=None, extra=None, encoding=None, **more):
    extra = dict(extra or {}, **more)
    CASES.append(dict(name=name, platform=platform, title=title, price=price, brand=brand, sku=sku, gtin=gtin, avail=avail,
                      intro=list(intro), bullets=list(bullets), paragraphs=list(paragraphs), specs=list(specs), variants=list(variants),
                      was=was, jsonld=jsonld, facts=facts or {}, flags=list(flags), listing=listing, product=product or {},
                      extra=extra or {}, encoding=encoding))


def F(kind, lengths=(), count=None, material=None, use=None, single=None, sterility="unknown", method=None, claims=()):
    return dict(kind=kind, needleLengthsMm=list(lengths), needleCount=count, needleMaterial=material, intendedUse=use,
                singleUse=single, sterility=sterility, sterilizationMethod=method, claims=sorted(claims, key=CLAIM_ORDER.index))


CLAIM_ORDER = ["collagen-induction", "scar-treatment", "deep-scar-treatment", "stretch-marks", "wrinkles", "hair-growth",
               "cell-regeneration", "absorption", "exfoliation"]

# ---------------------------------------------------------------------------------------------------------------
# Shopify (JSON-LD Product + Offer, Open Graph)
case("shopify-bcn-meso-roller-home-05", "shopify", "BCN Meso Facial Roller", ("£14.50", "14.50", "GBP"), brand="BCN", sku="A123",
     bullets=["Perfect for at-home use", "Needle length: 0.5mm", "540 titanium needles", "Gamma sterilized and sealed in a blister pack",
              "Boosts your skin's natural collagen production"],
     paragraphs=["After each use, rinse the roller under hot water, spray it with alcohol and store it in the case."],
     facts=F("roller", [0.5], 540, "titanium", "home", False, "sterile", "gamma", ["collagen-induction"]),
     flags=["home-use-needle-too-long:error", "reusable-penetrating-roller:warning"])

case("shopify-glowtool-roller-025-clean", "shopify", "GlowTool 0.25 mm Microneedle Face Roller", ("$24.00", "24.00", "USD"), brand="GlowTool", sku="GT-025", gtin="0850012345671",
     intro=["Our everyday roller for home skincare routines. Use it 2-3 times a week before your serum to help it absorb."],
     bullets=["0.25 mm titanium microneedles", "540 needles", "Sterile: ethylene oxide (EO) sterilised, individually sealed", "Replace the roller every 10-15 uses"],
     paragraphs=["Gently exfoliates and leaves skin looking smoother and brighter."],
     facts=F("roller", [0.25], 540, "titanium", "home", False, "sterile", "ethylene-oxide", ["absorption", "exfoliation"]))

case("shopify-variants-productgroup-roller", "shopify", "Titanium Derma Roller", ("$16.00", "16.00", "USD"), brand="Skinova", sku="SK-DR",
     variants=["0.25mm", "0.5mm", "1.0mm"],
     intro=["Choose the needle size that fits your routine. Designed for at-home microneedling."],
     bullets=["192 titanium micro-needles", "Ergonomic non-slip handle", "Comes in a protective storage case"],
     jsonld={"@context": "https://schema.org", "@type": "ProductGroup", "name": "Titanium Derma Roller", "brand": {"@type": "Brand", "name": "Skinova"},
             "productGroupID": "SK-DR", "sku": "SK-DR", "variesBy": "https://schema.org/size",
             "hasVariant": [{"@type": "Product", "name": "Titanium Derma Roller - 0.25mm", "sku": "SK-DR-025", "offers": {"@type": "Offer", "price": 16.00, "priceCurrency": "USD", "availability": "https://schema.org/InStock"}},
                            {"@type": "Product", "name": "Titanium Derma Roller - 0.5mm", "sku": "SK-DR-05", "offers": {"@type": "Offer", "price": 16.00, "priceCurrency": "USD", "availability": "https://schema.org/InStock"}},
                            {"@type": "Product", "name": "Titanium Derma Roller - 1.0mm", "sku": "SK-DR-10", "offers": {"@type": "Offer", "price": 18.00, "priceCurrency": "USD", "availability": "https://schema.org/OutOfStock"}}]},
     facts=F("roller", [0.25, 0.5, 1.0], 192, "titanium", "home", None, "unknown", None, []),
     flags=["home-use-needle-too-long:error", "penetrating-device-not-sterile:warning"])

case("shopify-sale-offers-array-025", "shopify", "Daily Glow Roller 0.25mm", ("$19.50", "19.50", "USD"), brand="Lumiere", sku="LM-025", was="$26.00",
     intro=["A gentle roller for beginners and daily skincare at home."],
     bullets=["Needle length 0.25 mm", "Surgical stainless steel needles", "Sterilized with gamma irradiation, sealed pouch"],
     paragraphs=["Helps your serums absorb better and gives a radiant, glowing look."],
     jsonld={"@context": "http://schema.org/", "@type": "Product", "name": "Daily Glow Roller 0.25mm", "sku": "LM-025", "brand": "Lumiere",
             "offers": [{"@type": "Offer", "price": "19.50", "priceCurrency": "USD", "availability": "http://schema.org/InStock", "url": "/products/daily-glow?variant=1"}]},
     facts=F("roller", [0.25], None, "stainless-steel", "home", None, "sterile", "gamma", ["absorption"]))

case("shopify-hair-roller-05", "shopify", "Hair & Beard Growth Roller 0.5mm", ("$21.00", "21.00", "USD"), brand="ManeFix",
     intro=["Wake up sleepy follicles and support beard growth and hair regrowth from home."],
     bullets=["0.5mm titanium needles", "Use 1-2 times per week on dry scalp", "Lasts up to 3 months with proper care"],
     facts=F("roller", [0.5], None, "titanium", "home", False, "unknown", None, ["hair-growth"]),
     flags=["home-use-needle-too-long:error", "reusable-penetrating-roller:warning", "penetrating-device-not-sterile:warning"])

case("shopify-serum-for-roller", "shopify", "Hyaluronic Acid Serum for Derma Roller", ("$29.00", "29.00", "USD"), brand="Hydra Lab",
     intro=["Our lightweight hyaluronic serum is made for use with a derma roller: apply right after rolling so it penetrates into the dermis."],
     bullets=["3 molecular weights of hyaluronic acid", "Reduces the look of fine lines and wrinkles", "Works with 0.25mm to 1.0mm rollers"],
     facts=F("serum", [], None, None, None, None, "unknown", None, ["wrinkles"]),
     flags=["topical-for-needling:warning"])

case("shopify-jade-roller-no-needles", "shopify", "Rose Quartz Face Roller", ("$18.00", "18.00", "USD"), brand="Stone & Dew",
     intro=["A cooling facial massage roller carved from natural rose quartz. No needles - just soothing, depuffing massage."],
     bullets=["Roller width: 4 cm", "Handle length 12 cm", "Keep it in the fridge for an extra cooling effect"],
     facts=F("other", [], None, None, None, None, "unknown", None, []))

case("shopify-pen-home-adjustable", "shopify", "Dr.pen A6 Microneedling Pen", ("$89.99", "89.99", "USD"), brand="Dr.pen", was="$129.99",
     intro=["Professional results at home: the electric A6 pen with 5 speed levels for home and salon use."],
     bullets=["Adjustable needle depth 0.25-2.5mm", "Includes 2 sterile, single-use 12-pin cartridges, individually sealed", "Clean the pen body after each use"],
     facts=F("pen", [0.25, 2.5], 12, None, "both", False, "sterile", None, []),
     flags=["home-use-needle-too-long:error", "home-use-pen:error"])

# ---------------------------------------------------------------------------------------------------------------
# WooCommerce
case("woo-pro-roller-15-nonsterile", "woocommerce", "Professional Derma Roller 1.5mm – 192 Needles", ("£24.00", "24.00", "GBP"), sku="PDR-15", was="£30.00", jsonld=False,
     intro=["For professional use only by trained aestheticians."],
     bullets=["1.5mm stainless steel needles", "192 needles in 8 rows", "Single use only – discard after treatment"],
     paragraphs=["Supplied non-sterile. Sterilise before first use."],
     specs=[("Needle length", "1.5 mm"), ("Needle material", "Stainless steel"), ("Number of needles", "192")],
     facts=F("roller", [1.5], 192, "stainless-steel", "professional", True, "non-sterile", None, []),
     flags=["penetrating-device-not-sterile:warning"])

case("woo-disposable-with-cleaning", "woocommerce", "Disposable Micro Roller 0.2mm", ("£9.99", "9.99", "GBP"), sku="DMR-02", jsonld=False,
     intro=["Disposable, single-use roller for your home routine."],
     bullets=["0.2mm needles", "Sterile"],
     paragraphs=["After each use, clean it with 70% alcohol and store it in its box until next time."],
     specs=[("Needle length", "0.2mm"), ("Material", "Titanium alloy")],
     facts=F("roller", [0.2], None, "titanium", "home", True, "sterile", None, []),
     flags=["single-use-with-reuse-instructions:error", "sterile-claim-without-method:warning"])

case("woo-jsonld-stamp-pro", "woocommerce", "Derma Stamp 35 Pins 1.0mm", ("$32.00", "32.00", "USD"), brand="DermaTech", sku="DS-35-10",
     intro=["Precise stamping for small areas like acne scars and the upper lip. For licensed practitioners only."],
     bullets=["35 titanium pins, 1.0mm", "EO sterilized, sterile pack", "Do not reuse"],
     specs=[("Pins", "35"), ("Needle length", "1.0 mm"), ("Sterilisation", "Ethylene oxide")],
     facts=F("stamp", [1.0], 35, "titanium", "professional", True, "sterile", "ethylene-oxide", ["scar-treatment"]))

case("woo-cartridges-12pin", "woocommerce", "Needle Cartridges 12 Pin for Dr. Pen M8 (10 pcs)", ("$15.90", "15.90", "USD"), brand="Dr.pen", sku="M8-12P-10",
     intro=["Replacement needle cartridges compatible with Dr. Pen M8."],
     bullets=["12-pin cartridges, needle length adjustable up to 2.5 mm", "Sterilized by EO gas, individually packed", "Disposable: single use only"],
     paragraphs=["Wipe the pen with a disinfectant wipe after each use; never reuse a cartridge."],
     facts=F("cartridge", [2.5], 12, None, None, True, "sterile", "ethylene-oxide", []))

case("woo-catalogue-mismatch", "woocommerce", "Clinic Roller 1.0mm Sterile", ("$28.00", "28.00", "USD"), sku="CR-10",
     intro=["For professional use in clinics."],
     bullets=["1.0 mm titanium needles", "Gamma sterilized, sealed blister", "Single use, do not reuse"],
     facts=F("roller", [1.0], None, "titanium", "professional", True, "sterile", "gamma", []),
     listing={"name": "Clinic Roller", "kind": "roller", "needleLengthMm": 0.5, "intendedUse": "home", "singleUse": False, "sterile": True, "price": "39.00", "currency": "USD"},
     flags=["catalogue-needle-length-mismatch:error", "catalogue-use-mismatch:error", "catalogue-single-use-mismatch:error"])

case("woo-catalogue-sterility-mismatch", "woocommerce", "Home Roller 0.25mm", ("$12.00", "12.00", "USD"), sku="HR-025", jsonld=False,
     intro=["Easy at-home microneedling for brighter skin."],
     bullets=["0.25mm needles", "540 needles"],
     facts=F("roller", [0.25], 540, None, "home", None, "unknown", None, []),
     listing={"kind": "roller", "needleLengthMm": 0.25, "intendedUse": "home", "sterile": True},
     flags=["catalogue-sterility-mismatch:error"])

case("woo-catalogue-consistent", "woocommerce", "Home Roller 0.2mm Sterile", ("$14.00", "14.00", "USD"), sku="HR-02",
     intro=["For home use."],
     bullets=["0.2mm titanium needles", "Sterile (gamma), sealed pouch", "Single use"],
     facts=F("roller", [0.2], None, "titanium", "home", True, "sterile", "gamma", []),
     listing={"kind": "roller", "needleLengthMm": 0.2, "intendedUse": "home", "singleUse": True, "sterile": True})

case("woo-alcohol-sterilizing", "woocommerce", "Derma Roller 0.25mm Starter", ("$11.00", "11.00", "USD"), sku="DRS-025", jsonld=False,
     intro=["The easiest way to start microneedling at home."],
     bullets=["0.25mm needles", "Titanium"],
     paragraphs=["Sterilize your roller by soaking it in 70% isopropyl alcohol for 10 minutes after each use."],
     facts=F("roller", [0.25], None, "titanium", "home", False, "unknown", None, []),
     flags=["alcohol-called-sterilization:warning"])

# ---------------------------------------------------------------------------------------------------------------
# Magento (microdata)
case("magento-sale-roller-03", "magento", "Home Care Micro Roller 0.3 mm", ("€12.90", "12.90", "EUR"), sku="HCR-03", was="€19.90", jsonld=False,
     intro=["Gentle micro roller for home care."],
     bullets=["0.3 mm stainless steel needles", "Sterile EO", "Do not reuse: discard after use"],
     specs=[("Needle length", "0.3 mm"), ("Needle material", "Stainless steel 316L")],
     facts=F("roller", [0.3], None, "stainless-steel", "home", True, "sterile", "ethylene-oxide", []))

case("magento-body-roller-1200", "magento", "Body Roller 1200 Needles 1.0mm", ("€39.00", "39.00", "EUR"), sku="BR-1200", jsonld=False,
     intro=["Large roller for stretch marks on body areas, used in professional salons."],
     bullets=["Gamma sterilized", "Single use, individually sealed"],
     specs=[("Number of needles", "1200"), ("Needle length", "1.0 mm"), ("Roller head width", "6 cm")],
     facts=F("roller", [1.0], 1200, None, "professional", True, "sterile", "gamma", ["stretch-marks"]))

case("magento-inconsistent-lengths", "magento", "Derma Roller 0.25mm Anti-Aging", ("€15.00", "15.00", "EUR"), sku="DR-AA", jsonld=False,
     intro=["Anti-aging roller for at-home use."],
     specs=[("Needle length", "0.5 mm"), ("Needles", "540")],
     facts=F("roller", [0.25, 0.5], 540, None, "home", None, "unknown", None, ["wrinkles"]),
     flags=["home-use-needle-too-long:error", "needle-length-inconsistent:warning", "penetrating-device-not-sterile:warning"])

case("magento-implausible-length", "magento", "Clinical Roller", ("€45.00", "45.00", "EUR"), sku="CLR", jsonld=False,
     intro=["For clinic use only."],
     bullets=["Gamma sterilized, sealed blister"],
     specs=[("Needle length", "5 mm"), ("Needle material", "Titanium")],
     facts=F("roller", [5.0], None, "titanium", "professional", None, "sterile", "gamma", []),
     flags=["needle-length-implausible:warning"])

# ---------------------------------------------------------------------------------------------------------------
# Amazon-like
case("amazon-kit-3in1-fda", "amazon", "3 in 1 Derma Roller Kit 0.5mm 1.0mm 1.5mm, Professional Microneedle Roller for Face & Body", ("$12.99", "12.99", "$"), brand="Beauty7",
     bullets=["3 IN 1 KIT: 0.5/1.0/1.5 mm heads for face, scars and body", "540 titanium micro needles", "FDA APPROVED and CE certified materials",
              "EASY TO USE AT HOME: soak in alcohol to sterilize after each use, then store in the case",
              "Stimulates collagen and reduces acne scars"],
     specs=[("Item model number", "B7-3IN1"), ("Material", "Titanium"), ("UPC", "745604123452")],
     facts=F("roller", [0.5, 1.0, 1.5], 540, "titanium", "home", False, "unknown", None, ["collagen-induction", "scar-treatment"]),
     product={"sku": "B7-3IN1", "gtin": "745604123452"},
     flags=["home-use-needle-too-long:error", "reusable-penetrating-roller:warning", "alcohol-called-sterilization:warning",
            "penetrating-device-not-sterile:warning", "fda-approved-claim:error", "budget-professional-roller:info"])

case("amazon-pen-wireless-nonsterile", "amazon", "Wireless Microneedling Pen Professional, 6 Speeds, 0.25-2.5mm", ("$45.99", "45.99", "$"), brand="Nuvia",
     bullets=["PROFESSIONAL GRADE: designed for estheticians", "ADJUSTABLE DEPTH: 0.25mm to 2.5mm", "Cartridges are supplied non-sterile"],
     specs=[("Item model number", "NV-W6"), ("Power Source", "Battery Powered"), ("Battery life", "120 minutes")],
     facts=F("pen", [0.25, 2.5], None, None, "professional", None, "non-sterile", None, []),
     product={"sku": "NV-W6"},
     flags=["penetrating-device-not-sterile:warning"])

case("amazon-stretch-mark-roller-15", "amazon", "Body Derma Roller 1.5mm for Stretch Marks and Cellulite", ("$17.49", "17.49", "$"), brand="SilkBody",
     bullets=["DESIGNED FOR HOME USE on thighs, belly and arms", "1.5mm titanium needles, 1080 needles", "STERILE: gamma ray sterilized",
              "Rinse with warm water after each use, let it dry and store it in its case"],
     facts=F("roller", [1.5], 1080, "titanium", "home", False, "sterile", "gamma", ["stretch-marks"]),
     flags=["home-use-needle-too-long:error", "reusable-penetrating-roller:warning"])

case("amazon-budget-pro-roller", "amazon", "Professional Medical Grade Derma Roller 0.2mm", ("$8.99", "8.99", "$"), brand="Dermabeauty",
     bullets=["MEDICAL GRADE stainless steel needles, 0.2mm", "Gentle enough for sensitive skin"],
     facts=F("roller", [0.2], None, "stainless-steel", None, None, "unknown", None, []),
     flags=["budget-professional-roller:info", "penetrating-device-not-sterile:warning"])

case("amazon-patch-acne-dissolving", "amazon", "Microneedle Acne Pimple Patch, 24 Dots Dissolving Micro Darts", ("$13.99", "13.99", "$"), brand="ZitPatch",
     bullets=["SELF-DISSOLVING MICRO DARTS made of hyaluronic acid, 0.25mm", "ONE-TIME USE: apply overnight, then discard", "For home use on early-stage blemishes"],
     facts=F("patch", [0.25], None, "dissolving", "home", True, "unknown", None, []))

case("amazon-plastic-needle-roller", "amazon", "Beginner Face Roller 0.2mm with Plastic Needles", ("$7.99", "7.99", "$"), brand="SoftRoll",
     bullets=["Soft PP plastic needles, 0.2mm - gentle exfoliation", "Great for beginners at home"],
     facts=F("roller", [0.2], None, "plastic", "home", None, "unknown", None, ["exfoliation"]),
     flags=["plastic-needles:info"])

# ---------------------------------------------------------------------------------------------------------------
# eBay item specifics
case("ebay-stamp-pro-10", "ebay", "Derma Stamp 35 Pins Titanium 1.0mm Salon Microneedling", ("US $18.95", "18.95", "USD"),
     specs=[("Brand", "Unbranded"), ("Type", "Derma Stamp"), ("Needle Length", "1.0 mm"), ("Needle Material", "Titanium"), ("MPN", "DS35-10"), ("EAN", "6971234567893")],
     intro=["Salon quality derma stamp for professional use."],
     bullets=["Replaceable stamp head", "Sterilized by ethylene oxide", "Disinfect after every use"],
     jsonld=None,
     facts=F("stamp", [1.0], 35, "titanium", "professional", False, "sterile", "ethylene-oxide", []),
     product={"brand": "Unbranded", "sku": "DS35-10", "gtin": "6971234567893"},
     flags=["reusable-penetrating-roller:warning"])

case("ebay-roller-02-clean", "ebay", "0.2 mm Derma Roller 540 Titanium Needles Self Care", ("US $15.99", "15.99", "USD"),
     specs=[("Brand", "GlowRoll"), ("Needle Length", "0.2 mm"), ("Number of Needles", "540")],
     intro=["Self-care at home for a smoother skin texture."],
     bullets=["Gamma sterilized, sealed pouch", "Exfoliates and refreshes"],
     jsonld=None,
     facts=F("roller", [0.2], 540, "titanium", "home", None, "sterile", "gamma", ["exfoliation"]),
     product={"brand": "GlowRoll"})

case("ebay-gbp-budget-salon", "ebay", "Salon Quality Derma Roller 0.5mm Sterile", ("£7.99", "7.99", "GBP"),
     specs=[("Brand", "Unbranded"), ("Needle Length", "0.5mm")],
     intro=["Professional salon quality at a fraction of the price."],
     bullets=["Sterile, sealed in blister pack"],
     jsonld=None,
     facts=F("roller", [0.5], None, None, None, None, "sterile", None, []),
     product={"brand": "Unbranded"},
     flags=["budget-professional-roller:info"])

case("ebay-jsonld-pen-fda-negated", "ebay", "Microneedling Pen Professional 0.25-2.5mm Adjustable", ("US $59.00", "59.00", "USD"),
     specs=[("Brand", "Dermaplus"), ("Model", "DP-2")],
     intro=["For professional use only. This device is not FDA approved; sold for professional use outside the US."],
     bullets=["Adjustable 0.25-2.5mm", "Cartridges EO sterilized, sealed, single use"],
     jsonld={"@context": "https://schema.org", "@type": "Product", "name": "Microneedling Pen Professional 0.25-2.5mm Adjustable", "brand": {"@type": "Brand", "name": "Dermaplus"}, "mpn": "DP-2",
             "offers": {"@type": "Offer", "price": "59.00", "priceCurrency": "USD", "availability": "https://schema.org/InStock"}},
     facts=F("pen", [0.25, 2.5], None, None, "professional", None, "sterile", "ethylene-oxide", []),
     product={"brand": "Dermaplus", "sku": "DP-2"})

# ---------------------------------------------------------------------------------------------------------------
# AliExpress / Alibaba spec lists and price tiers
case("ali-drs192-kit-budget", "aliexpress", "DRS 192 Derma Roller Titanium Microneedle Professional Skin Care Tool", ("US $2.85", "2.85", "USD"),
     specs=[("Brand Name", "DRS"), ("Needle Length", "0.5mm/0.75mm/1.0mm"), ("Material", "Titanium"), ("Model Number", "DRS-192")],
     variants=["0.5mm", "0.75mm", "1.0mm"], variantLabel="Needle Length",
     tiers=[("1 - 9 pieces", "US $2.85"), ("10 - 49 pieces", "US $2.40"), (">= 50 pieces", "US $1.99")],
     bullets=["Sterilized by EO gas"], jsonld=None,
     facts=F("roller", [0.5, 0.75, 1.0], 192, "titanium", None, None, "sterile", "ethylene-oxide", []),
     product={"brand": "DRS", "sku": "DRS-192"},
     flags=["budget-professional-roller:info"])

case("ali-patch-reusable-plastic", "aliexpress", "Microneedle Eye Patches Reusable Anti Wrinkle", ("US $6.50", "6.50", "USD"),
     specs=[("Brand Name", "YOUNGLOW"), ("Needle Length", "0.3mm"), ("Needle Material", "PP plastic")],
     bullets=["Washable and reusable up to 5 times", "Reduces fine lines around the eyes"], jsonld=None,
     facts=F("patch", [0.3], None, "plastic", None, False, "unknown", None, ["wrinkles"]),
     product={"brand": "YOUNGLOW"},
     flags=["reusable-patch:error", "plastic-needles:info"])

case("ali-patch-dissolving-clean", "aliexpress", "Microneedle Acne Patch Hyaluronic Acid 36 Dots", ("US $3.20", "3.20", "USD"),
     specs=[("Brand Name", "CLEARDOT"), ("Needle Length", "250 um"), ("Material", "Hyaluronic acid dissolving microneedles")],
     bullets=["One-time use", "Self-dissolving micro-spicules"], jsonld=None,
     facts=F("patch", [0.25], None, "dissolving", None, True, "unknown", None, []),
     product={"brand": "CLEARDOT"})

case("ali-cartridges-no-length", "aliexpress", "Nano Cartridges for Dermapen 4 Replacement Needle Tips", ("US $9.80", "9.80", "USD"),
     specs=[("Brand Name", "DP4"), ("Type", "Nano needle cartridge")],
     bullets=["Gamma sterilized", "Single use, individually sealed"], jsonld=None,
     facts=F("cartridge", [], None, None, None, True, "sterile", "gamma", []),
     product={"brand": "DP4"},
     flags=["needle-length-missing:warning"])

case("ali-roller-microns", "aliexpress", "250 Micron Derma Roller for Face Home Use", ("US $4.99", "4.99", "USD"),
     specs=[("Brand Name", "SKINLUX"), ("Needle Length", "250 microns"), ("Needles", "540")],
     bullets=["Gamma sterilized in sealed package", "Improves absorption of skin care products"], jsonld=None,
     facts=F("roller", [0.25], 540, None, "home", None, "sterile", "gamma", ["absorption"]),
     product={"brand": "SKINLUX"})

# ---------------------------------------------------------------------------------------------------------------
# Brand sites (no structured data, definition lists)
case("brand-roller-missing-length", "brand", "Titanium Derma Roller 540", ("$19.00", "19.00", "$"), jsonld=False,
     intro=["Our signature roller with 540 titanium needles for at-home microneedling."],
     bullets=["Lightweight ergonomic handle", "Protective storage case included"],
     facts=F("roller", [], 540, "titanium", "home", None, "unknown", None, []),
     flags=["needle-length-missing:warning"])

case("brand-short-needle-claims", "brand", "Renew Roller 0.25", ("$22.00", "22.00", "$"), jsonld=False,
     intro=["Boosts collagen production and fades acne scars from the comfort of your own home."],
     specs=[("Needle length", "0.25 mm"), ("Material", "Titanium")],
     bullets=["Sterile, gamma irradiated", "Sealed blister pack"],
     facts=F("roller", [0.25], None, "titanium", "home", None, "sterile", "gamma", ["collagen-induction", "scar-treatment"]),
     flags=["short-needle-regeneration-claim:warning"])

case("brand-deep-scar-10", "brand", "ScarPro Roller 1.0", ("$34.00", "34.00", "$"), jsonld=False,
     intro=["Made for deep acne scars, ice-pick and boxcar scars. For professional use only."],
     specs=[("Needle length", "1.0 mm"), ("Sterility", "Sterile, gamma irradiated"), ("Use", "Single use")],
     facts=F("roller", [1.0], None, None, "professional", True, "sterile", "gamma", ["scar-treatment", "deep-scar-treatment"]),
     flags=["deep-scar-needle-too-short:info"])

case("brand-sterile-disinfect-first", "brand", "PureSkin Roller 0.2", ("$18.00", "18.00", "$"), jsonld=False,
     intro=["For daily skincare at home."],
     specs=[("Needle length", "0.2 mm"), ("Sterility", "Sterile. Sterilized by gamma radiation.")],
     paragraphs=["Before first use, disinfect the roller with 70% alcohol and let it air dry."],
     facts=F("roller", [0.2], None, None, "home", None, "sterile", "gamma", []),
     flags=["sterile-but-sterilize-before-use:error"])

case("brand-fda-approved-pen", "brand", "FDA Approved Microneedling Pen X5", ("$149.00", "149.00", "$"), jsonld=False,
     intro=["For licensed professionals."],
     specs=[("Needle depth", "0.25 - 2.0 mm adjustable"), ("Cartridges", "Sterile EO, single use")],
     facts=F("pen", [0.25, 2.0], None, None, "professional", None, "sterile", "ethylene-oxide", []),
     flags=["fda-approved-claim:error"])

case("brand-sterilize-before-first-use-pro", "brand", "Collagen Induction Roller 1.0mm", ("$27.00", "27.00", "$"), jsonld=False,
     intro=["Collagen induction therapy tool for salon use."],
     specs=[("Needle length", "1.0 mm"), ("Needles", "192")],
     paragraphs=["Please sterilize the roller before first use."],
     facts=F("roller", [1.0], 192, None, "professional", None, "non-sterile", None, ["collagen-induction"]),
     flags=["penetrating-device-not-sterile:warning"])

case("brand-moisturiser-clean", "brand", "Barrier Repair Moisturiser", ("$32.00", "32.00", "$"), jsonld=False,
     intro=["A rich ceramide cream that restores the skin barrier overnight."],
     bullets=["Fragrance free", "Suitable for sensitive skin"],
     facts=F("moisturiser", [], None, None, None, None, "unknown", None, []))

case("brand-jade-roller-trap", "brand", "Jade Facial Roller", ("$24.00", "24.00", "$"), jsonld=False,
     intro=["Cooling jade stone roller to depuff and relax facial muscles. Unlike a derma roller, it has no needles."],
     specs=[("Stone", "Xiuyan jade"), ("Roller width", "3.5 cm"), ("Small roller", "2 cm")],
     facts=F("other", [], None, None, None, None, "unknown", None, []))

case("brand-diameter-trap", "brand", "Precision Roller 1.0mm", ("$42.00", "42.00", "$"), jsonld=False,
     intro=["Clinical roller for professional use."],
     specs=[("Needle length", "1.0 mm"), ("Needle diameter", "0.25 mm"), ("Material", "Surgical stainless steel")],
     bullets=["Sterilized by gamma irradiation, sealed", "Single use only"],
     facts=F("roller", [1.0], None, "stainless-steel", "professional", True, "sterile", "gamma", []))

case("brand-gauge-trap", "brand", "Fine Roller 0.3mm 42G", ("$21.00", "21.00", "$"), jsonld=False,
     intro=["Ultra-fine 42G needles for home use, 0.3mm long."],
     bullets=["Helps serums absorb", "Titanium"],
     facts=F("roller", [0.3], None, "titanium", "home", None, "unknown", None, ["absorption"]))

case("brand-patch-single-but-reuse", "brand", "Overnight Microneedle Patch", ("$19.00", "19.00", "$"), jsonld=False,
     intro=["Hyaluronic acid microneedle patches for fine lines."],
     specs=[("Microneedle length", "0.45 mm"), ("Material", "Dissolving hyaluronic acid")],
     paragraphs=["Single-use. You can reuse each patch up to 3 times if you store it in its pouch."],
     facts=F("patch", [0.45], None, "dissolving", None, True, "unknown", None, ["wrinkles"]),
     flags=["single-use-with-reuse-instructions:error", "reusable-patch:error"])

case("brand-noise-heading-reviews", "brand", "Calm Roller 0.2mm", ("$16.00", "16.00", "$"), jsonld=False,
     intro=["For sensitive skin at home."],
     specs=[("Needle length", "0.2 mm"), ("Sterile", "EO sterilized, sealed pouch")],
     facts=F("roller", [0.2], None, None, "home", None, "sterile", "ethylene-oxide", []))

# ---------------------------------------------------------------------------------------------------------------
# Small shops with microdata only
case("microdata-stamp-home-025", "microdata", "Derma Stamp 0.25mm 140 Needles", ("$13.50", "13.50", "USD"), brand="StampIt", sku="ST-140", gtin="4006381333931", jsonld=False,
     intro=["Single use, sterile (gamma), do not reuse."],
     bullets=["For home use", "140 stainless steel needles"],
     specs=[("Needle length", "0.25 mm")],
     facts=F("stamp", [0.25], 140, "stainless-steel", "home", True, "sterile", "gamma", []))

case("microdata-roller-diameter-in-text", "microdata", "MTS Roller 0.5mm", ("$26.00", "26.00", "USD"), brand="MTS Lab", sku="MTS-05", jsonld=False,
     intro=["For professional use. Needle length 0.5 mm, needle diameter 0.12 mm."],
     bullets=["Sterile EO", "Single use"],
     facts=F("roller", [0.5], None, None, "professional", True, "sterile", "ethylene-oxide", []))

case("microdata-roller-outofstock", "microdata", "Micro Roller 0.3mm", ("$9.00", "9.00", "USD"), brand="Basic", sku="MR-03", avail="OutOfStock", jsonld=False,
     intro=["Home use, 0.3mm."],
     bullets=["Sterile, gamma"],
     extra={"availabilityText": "Out of stock"},
     facts=F("roller", [0.3], None, None, "home", None, "sterile", "gamma", []))

# ---------------------------------------------------------------------------------------------------------------
# German, French, Spanish shops
DE = {"specs": "Technische Daten", "why": "Vorteile", "details": "Beschreibung", "pairs": "Ähnliche Produkte", "reviews": "Bewertungen", "buy": "In den Warenkorb"}
FR = {"specs": "Caractéristiques", "why": "Les plus", "details": "Description", "pairs": "Produits similaires", "reviews": "Avis clients", "buy": "Ajouter au panier"}
ES = {"specs": "Especificaciones", "why": "Ventajas", "details": "Descripción", "pairs": "Productos relacionados", "reviews": "Opiniones", "buy": "Añadir al carrito"}

case("de-dermaroller-05-home", "brand", "Dermaroller 0,5 mm – 540 Titan-Nadeln", ("24,95 €", "24.95", "EUR"), jsonld=False, lang="de",
     intro=["Für die Anwendung zu Hause: sanftes Microneedling für ein ebenmäßiges Hautbild."],
     bullets=["540 Nadeln aus Titan", "Steril verpackt (Gammastrahlen)", "Nach jedem Gebrauch reinigen und im Etui aufbewahren"],
     specs=[("Nadellänge", "0,5 mm"), ("Material", "Titan")],
     extra={"labels": DE, "availabilityText": "Auf Lager"},
     facts=F("roller", [0.5], 540, "titanium", "home", False, "sterile", "gamma", []),
     flags=["home-use-needle-too-long:error", "reusable-penetrating-roller:warning"])

case("de-pen-professional-price", "brand", "Microneedling Pen Profi 0,25–2,5 mm", ("1.299,00 €", "1299.00", "EUR"), jsonld=False, lang="de",
     intro=["Nur für den professionellen Gebrauch in Kosmetikstudios."],
     bullets=["Nadeltiefe einstellbar 0,25 - 2,5 mm", "Sterile Einweg-Kartuschen"],
     extra={"labels": DE, "availabilityText": "Lieferbar"},
     facts=F("pen", [0.25, 2.5], None, None, "professional", None, "sterile", None, []),
     flags=["sterile-claim-without-method:warning"])

case("de-feuchtigkeitscreme", "brand", "Feuchtigkeitscreme mit Ceramiden", ("19,90 €", "19.90", "EUR"), jsonld=False, lang="de",
     intro=["Reichhaltige Pflege für trockene Haut, mildert Falten."],
     extra={"labels": DE, "availabilityText": "Auf Lager"},
     facts=F("moisturiser", [], None, None, None, None, "unknown", None, ["wrinkles"]))

case("fr-rouleau-025-clean", "brand", "Rouleau à micro-aiguilles 0,25 mm", ("19,90 €", "19.90", "EUR"), jsonld=False, lang="fr",
     intro=["Pour un usage à domicile, il atténue les rides et affine le grain de peau."],
     bullets=["Aiguilles en titane", "Stérile, stérilisé à l'oxyde d'éthylène"],
     specs=[("Longueur des aiguilles", "0,25 mm"), ("Nombre d'aiguilles", "540")],
     extra={"labels": FR, "availabilityText": "En stock"},
     facts=F("roller", [0.25], 540, "titanium", "home", None, "sterile", "ethylene-oxide", ["wrinkles"]))

case("fr-serum-apres-microneedling", "brand", "Sérum à l'acide hyaluronique", ("34,90 €", "34.90", "EUR"), jsonld=False, lang="fr",
     intro=["À appliquer après le microneedling pour une hydratation intense."],
     extra={"labels": FR, "availabilityText": "En stock"},
     facts=F("serum", [], None, None, None, None, "unknown", None, []),
     flags=["topical-for-needling:warning"])

case("es-sello-05-casa", "brand", "Derma stamp 0,5 mm", ("15,99 €", "15.99", "EUR"), jsonld=False, lang="es",
     intro=["Ideal para uso en casa."],
     bullets=["Desechable, de un solo uso", "Agujas de acero inoxidable"],
     specs=[("Longitud de aguja", "0,5 mm")],
     extra={"labels": ES, "availabilityText": "En stock"},
     facts=F("stamp", [0.5], None, "stainless-steel", "home", True, "unknown", None, []),
     flags=["home-use-needle-too-long:error", "penetrating-device-not-sterile:warning"])

case("es-pluma-profesional", "brand", "Pluma de microagujas profesional", ("129,00 €", "129.00", "EUR"), jsonld=False, lang="es",
     intro=["Solo para profesionales. Profundidad regulable de 0,25 a 2,5 mm."],
     bullets=["Cartuchos estériles desechables"],
     extra={"labels": ES, "availabilityText": "En stock"},
     facts=F("pen", [0.25, 2.5], None, None, "professional", None, "sterile", None, []),
     flags=["sterile-claim-without-method:warning"])

# ---------------------------------------------------------------------------------------------------------------
# Structured-data edge cases
case("jsonld-graph-stamp", "woocommerce", "Derma Stamp 0.5mm 36 Pins", ("$24.00", "24.00", "USD"), sku="DS36",
     intro=["For professional use."], bullets=["0.5mm titanium pins", "STERILE EO", "Single use"],
     jsonld={"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Derma Supply"}, {"@type": "BreadcrumbList", "itemListElement": []},
             {"@type": "WebPage", "name": "Derma Stamp"}, {"@type": ["Product"], "name": "Derma Stamp 0.5mm 36 Pins", "sku": "DS36", "brand": "DermaSupply",
             "offers": {"@type": "Offer", "price": 24, "priceCurrency": "USD", "availability": "InStock"}}]},
     facts=F("stamp", [0.5], 36, "titanium", "professional", True, "sterile", "ethylene-oxide", []),
     product={"brand": "DermaSupply"})

case("jsonld-broken-then-visible", "woocommerce", "Pro Roller 0.5mm Sterile", ("$26.00", "26.00", "USD"), sku="PR-05",
     intro=["For professional use."], bullets=["0.5mm titanium needles", "Gamma sterilized, sealed", "Single use, do not reuse"],
     jsonld='{"@context":"https://schema.org","@type":"Product","name":"Pro Roller 0.5mm Sterile","offers":{"price":"26.00",,, "priceCurrency":"USD"',
     facts=F("roller", [0.5], None, "titanium", "professional", True, "sterile", "gamma", []),
     product={"brand": None})

case("jsonld-escaped-strings-kit", "shopify", "Derma Roller 0.3mm & Serum Kit", ("$27.00", "27.00", "USD"), brand="Glow & Co",
     intro=["Everything you need for home microneedling."], bullets=["0.3mm roller", "30 ml hyaluronic serum"],
     jsonld='{"@context":"https://schema.org","@type":"Product","name":"Derma Roller 0.3mm &amp; Serum Kit","brand":{"@type":"Brand","name":"Glow &amp; Co"},"description":"&lt;p&gt;Everything you need for home microneedling.&lt;/p&gt;","offers":{"@type":"Offer","price":"27.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}',
     facts=F("roller", [0.3], None, None, "home", None, "unknown", None, []))

case("jsonld-aggregateoffer-pen", "shopify", "Exceed-style Microneedling Pen", ("$199.00", "199.00", "USD"), brand="Exceedia",
     intro=["For licensed practitioners only. Needle protrusion adjustable 0.0-1.9 mm."], bullets=["Sterile single-use cartridges, EO sterilized, sealed"],
     jsonld={"@context": "https://schema.org", "@type": "Product", "name": "Exceed-style Microneedling Pen", "brand": {"@type": "Brand", "name": "Exceedia"},
             "offers": {"@type": "AggregateOffer", "lowPrice": "199.00", "highPrice": "249.00", "priceCurrency": "USD", "offerCount": 2, "availability": "https://schema.org/PreOrder"}},
     avail="PreOrder",
     facts=F("pen", [1.9], None, None, "professional", None, "sterile", "ethylene-oxide", []))

case("related-products-trap", "shopify", "Gentle Roller 0.25mm", ("$15.00", "15.00", "USD"), brand="Gentle",
     intro=["Our gentlest roller for home use."], bullets=["Needle length: 0.25 mm", "Sterile EO, sealed"],
     related=[("Derma Roller 1.5mm Professional", "$22.00"), ("Dr.pen A6 Microneedling Pen", "$95.00"), ("Derma Roller 2.0mm for deep scars", "$24.00")],
     reviews=[("Ann", "Bought the 1.0 mm too. FDA approved quality!"), ("Tom", "Sterilize it in boiling water, it's reusable for months")],
     facts=F("roller", [0.25], None, None, "home", None, "sterile", "ethylene-oxide", []))

case("charset-windows-1252-fr", "brand", "Rouleau visage 0,2 mm – peau éclatante", ("22,00 €", "22.00", "EUR"), jsonld=False, lang="fr", encoding="cp1252",
     intro=["Usage à domicile. Aiguilles en titane, stérile (rayons gamma)."],
     specs=[("Longueur des aiguilles", "0,2 mm")],
     extra={"labels": FR, "availabilityText": "En stock", "charset": "windows-1252"},
     facts=F("roller", [0.2], None, "titanium", "home", None, "sterile", "gamma", []))

case("charset-utf16-roller", "brand", "Smooth Roller 0.25mm", ("$17.00", "17.00", "$"), jsonld=False, encoding="utf-16",
     intro=["At-home roller, 0.25mm titanium needles."], bullets=["Sterile, gamma irradiated, sealed pouch"],
     extra={"charset": "utf-16"},
     facts=F("roller", [0.25], None, "titanium", "home", None, "sterile", "gamma", []))

case("gzip-compressed-roller", "shopify", "Compressed Page Roller 0.2mm", ("$12.00", "12.00", "USD"), brand="Zip", encoding="gzip",
     intro=["For home use."], bullets=["0.2mm needles", "Sterile (gamma), sealed"],
     facts=F("roller", [0.2], None, None, "home", None, "sterile", "gamma", []))

case("shopify-stamp-home-single", "shopify", "Mini Derma Stamp 0.25mm", ("$11.00", "11.00", "USD"), brand="Stampy",
     intro=["Spot treatment at home."], bullets=["0.25mm stainless steel needles", "Sterile (gamma), single use, do not reuse"],
     facts=F("stamp", [0.25], None, "stainless-steel", "home", True, "sterile", "gamma", []))

case("woo-cartridges-36pin-length", "woocommerce", "36 Pin Cartridges for Microneedling Pen, 0.5mm (5 pack)", ("$12.00", "12.00", "USD"), sku="C36-05", jsonld=False,
     intro=["Compatible with most bayonet pens."], bullets=["Needle length 0.5mm", "Sterile, gamma, single use, sealed"],
     facts=F("cartridge", [0.5], 36, None, None, True, "sterile", "gamma", []))

case("amazon-moisturiser-after-needling", "amazon", "Post-Treatment Recovery Cream for Microneedling", ("$24.99", "24.99", "$"), brand="Derm Recover",
     bullets=["Soothes skin after microneedling", "Delivers peptides deep into the dermis", "Fragrance free"],
     facts=F("moisturiser", [], None, None, None, None, "unknown", None, []),
     flags=["topical-for-needling:warning"])


def expected_identity(c):
    plat, price = c["platform"], c["price"]
    has_jsonld = c["jsonld"] not in (None, False) and not (isinstance(c["jsonld"], str) and ",,," in c["jsonld"])
    if plat == "shopify" and c["jsonld"] is True:
        has_jsonld = True
    brand = c["brand"] if (has_jsonld or plat in ("amazon", "microdata")) else None
    sku = c["sku"] if (has_jsonld or plat in ("woocommerce", "magento", "microdata")) else None
    gtin = c["gtin"] if (has_jsonld or plat == "microdata") else None
    currency = price[2]
    if not (has_jsonld or plat in ("magento", "microdata")):
        # only the visible price: an ISO code where the symbol tells it, else the symbol
        text = price[0]
        currency = "USD" if "US $" in text else "GBP" if "£" in text else "EUR" if "€" in text else "$" if "$" in text else currency
    ident = dict(name=c["title"], brand=brand, sku=sku, gtin=gtin, price=price[1], currency=currency, availability=c["avail"], kind=c["facts"]["kind"])
    if plat == "amazon":
        ident["brand"] = c["brand"] or "Generic"
    ident.update(c["product"])
    return ident


def default_jsonld(c):
    d = {"@context": "https://schema.org", "@type": "Product", "name": c["title"],
         "offers": {"@type": "Offer", "price": c["price"][1], "priceCurrency": c["price"][2], "availability": "https://schema.org/" + c["avail"]}}
    if c["brand"]:
        d["brand"] = {"@type": "Brand", "name": c["brand"]}
    if c["sku"]:
        d["sku"] = c["sku"]
    if c["gtin"]:
        d["gtin13"] = c["gtin"]
    d["description"] = " ".join(c["intro"] + c["paragraphs"])[:300] or c["title"]
    return d


def render(c):
    p = dict(title=c["title"], brand=c["brand"], sku=c["sku"], gtin=c["gtin"], priceText=c["price"][0], amount=c["price"][1],
             currency=c["price"][2], availability=c["avail"], intro=[E(x) for x in c["intro"]], bullets=[E(x) for x in c["bullets"]],
             paragraphs=[E(x) for x in c["paragraphs"]], specs=c["specs"], variants=c["variants"], was=c["was"],
             ogAmount=c["price"][1], ogCurrency=c["price"][2], lang=c["extra"].get("lang", "en"))
    p.update(c["extra"])
    if c["jsonld"] is True:
        p["jsonld"] = default_jsonld(c)
    elif c["jsonld"]:
        p["jsonld"] = c["jsonld"]
    else:
        p["jsonld"] = None
    return PLATFORMS[c["platform"]](p)


def main():
    os.makedirs(OUT, exist_ok=True)
    for c in CASES:
        page = render(c)
        enc = c["encoding"]
        if enc == "cp1252":
            data, ext = page.encode("cp1252"), ".html"
        elif enc == "utf-16":
            data, ext = page.replace('charset="utf-16"', 'charset="utf-16"').encode("utf-16"), ".html"
        elif enc == "gzip":
            data, ext = gzip.compress(page.encode("utf-8"), mtime=0), ".html.gz"
        else:
            data, ext = page.encode("utf-8"), ".html"
        with open(os.path.join(OUT, c["name"] + ext), "wb") as f:
            f.write(data)
        expected = {"platform": c["platform"], "product": expected_identity(c), "facts": {k: v for k, v in c["facts"].items() if k != "kind"},
                    "flags": sorted(c["flags"])}
        if c["listing"]:
            expected["listing"] = c["listing"]
        with open(os.path.join(OUT, c["name"] + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(len(CASES), "pages")


if __name__ == "__main__":
    main()
