"""Page templates in the markup of the platforms supplier pages come from (Shopify, WooCommerce, Magento, Amazon,
eBay, AliExpress, brand sites, small microdata shops), each with the noise real pages carry: navigation, related
products with other needle lengths, reviews, scripts, footers. Used by make_fixtures.py."""
import html, json

E = html.escape

NAV = """<nav class="site-nav" aria-label="Main"><ul class="menu">
<li><a href="/collections/derma-rollers">Derma Rollers</a><ul class="submenu"><li><a href="/p/roller-1-5">Derma Roller 1.5mm</a></li><li><a href="/p/roller-2-0">Derma Roller 2.0mm</a></li></ul></li>
<li><a href="/collections/pens">Microneedling Pens</a></li><li><a href="/collections/serums">Serums</a></li><li><a href="/pages/faq">FAQ</a></li></ul></nav>"""

SCRIPTS = """<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());
var product_json={"variants":[{"title":"2.5mm","price":1999}]};</script>
<script src="/cdn/shop/t/12/assets/theme.js" defer></script>"""

FOOTER = """<footer class="site-footer"><div class="footer-newsletter"><h3>Join our newsletter</h3><p>Get 10% off your first order of any 1.0mm or 1.5mm roller.</p>
<form><input type="email" placeholder="Email"><button>Subscribe</button></form></div>
<p>&copy; 2026 Shop. All rights reserved. Our rollers are sterile and FDA approved.</p><ul><li><a href="/policies/refund">Refunds</a></li><li><a href="/pages/contact">Contact</a></li></ul></footer>"""


def related_cards(items, cls="card"):
    return "".join(f'<div class="{cls}"><a href="#"><img src="/img/r{i}.jpg" alt=""><span class="card__title">{E(t)}</span></a><span class="price">{E(pr)}</span></div>'
                   for i, (t, pr) in enumerate(items))


def reviews_html(reviews, wrapper_cls="reviews"):
    return "".join(f'<div class="review"><div class="review-author">{E(a)}</div><p>{E(t)}</p></div>' for a, t in reviews)


def jsonld_product(p):
    data = p.get("jsonld")
    if data is None:
        return ""
    if isinstance(data, str):
        return f'<script type="application/ld+json">{data}</script>'
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + '</script>'


def bullets_html(bullets, cls=""):
    if not bullets:
        return ""
    return f'<ul class="{cls}">' + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>"


def paras(ps):
    return "".join(f"<p>{x}</p>" for x in ps)


def spec_table(specs, cls="", th=True):
    if not specs:
        return ""
    rows = "".join((f"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>" if th else f"<tr><td>{E(k)}</td><td>{E(v)}</td></tr>") for k, v in specs)
    return f'<table class="{cls}"><tbody>{rows}</tbody></table>'


def head(p, extra=""):
    meta = p.get("meta", "")
    charset = p.get("charset", "utf-8")
    return f"""<!DOCTYPE html><html lang="{p.get('lang','en')}"><head><meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(p['title'])} – {E(p.get('shop','Shop'))}</title>
<meta name="description" content="{E(p.get('metaDescription', p['title']))}">
{meta}{extra}{jsonld_product(p)}
<link rel="stylesheet" href="/assets/theme.css"></head>"""


def shopify(p):
    variants = ""
    if p.get("variants"):
        opts = "".join(f"<option>{E(v)}</option>" for v in p["variants"])
        variants = f'<div class="product-form__input"><label for="opt">{E(p.get("variantLabel","Size"))}</label><select id="opt" name="options[Size]">{opts}</select></div>'
    was = f'<s class="price-item price-item--regular">{E(p["was"])}</s>' if p.get("was") else ""
    og = f"""<meta property="og:type" content="product"><meta property="og:title" content="{E(p['title'])}">
<meta property="og:price:amount" content="{E(p.get('ogAmount',''))}"><meta property="og:price:currency" content="{E(p.get('ogCurrency',''))}">"""
    return head(p, og) + f"""<body class="template-product"><div class="announcement-bar">Free shipping over $50</div>
<header class="header-wrapper" role="banner"><a class="header__heading-link" href="/">{E(p.get('shop','Shop'))}</a>{NAV}</header>
<main id="MainContent"><section class="product-section"><div class="product__media"><img src="/img/main.jpg" alt="{E(p['title'])}"></div>
<div class="product__info-wrapper"><p class="product__text caption">{E(p.get('brand') or '')}</p><h1 class="product__title">{E(p['title'])}</h1>
<div class="price price--on-sale"><span class="price-item price-item--sale">{E(p['priceText'])}</span> {was}</div>
{variants}<button type="submit" name="add">Add to cart</button>
<div class="product__description rte">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}{paras(p.get('paragraphs', []))}{spec_table(p.get('specs'))}</div>
</div></section>
<section class="product-recommendations"><h2>You may also like</h2><div class="grid">{related_cards(p.get('related', DEFAULT_RELATED))}</div></section>
<div id="shopify-product-reviews" class="spr-container"><h2>Customer Reviews</h2>{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div>
</main>{FOOTER}{SCRIPTS}</body></html>"""


def woocommerce(p):
    price = f'<p class="price"><del><span class="woocommerce-Price-amount amount">{E(p["was"])}</span></del> <ins><span class="woocommerce-Price-amount amount">{E(p["priceText"])}</span></ins></p>' if p.get("was") else f'<p class="price"><span class="woocommerce-Price-amount amount">{E(p["priceText"])}</span></p>'
    variants = ""
    if p.get("variants"):
        opts = '<option value="">Choose an option</option>' + "".join(f'<option value="{E(v)}">{E(v)}</option>' for v in p["variants"])
        variants = f'<table class="variations"><tbody><tr><th class="label"><label for="pa_size">{E(p.get("variantLabel","Needle size"))}</label></th><td class="value"><select id="pa_size">{opts}</select></td></tr></tbody></table>'
    specs = "".join(f'<tr class="woocommerce-product-attributes-item"><th class="woocommerce-product-attributes-item__label">{E(k)}</th><td class="woocommerce-product-attributes-item__value"><p>{E(v)}</p></td></tr>' for k, v in p.get("specs", []))
    return head(p) + f"""<body class="product-template-default single single-product woocommerce"><div id="page" class="site">
<header id="masthead" class="site-header">{NAV}<div class="site-search"><form role="search"><input type="search" placeholder="Search products…"></form></div></header>
<div id="content" class="site-content"><nav class="woocommerce-breadcrumb"><a href="/">Home</a> / <a href="/shop">Derma Rollers</a> / {E(p['title'])}</nav>
<div id="product-{p.get('id',1)}" class="product type-product status-publish instock">
<div class="woocommerce-product-gallery"><img src="/img/main.jpg" alt=""></div>
<div class="summary entry-summary"><h1 class="product_title entry-title">{E(p['title'])}</h1>{price}
<p class="stock in-stock">{E(p.get('availabilityText','In stock'))}</p><div class="woocommerce-product-details__short-description">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}</div>
<form class="variations_form cart">{variants}<button type="submit" class="single_add_to_cart_button button alt">Add to basket</button></form>
<div class="product_meta"><span class="sku_wrapper">SKU: <span class="sku">{E(p.get('sku') or 'N/A')}</span></span> <span class="posted_in">Category: <a href="#">Microneedling</a></span></div></div>
<div class="woocommerce-tabs wc-tabs-wrapper"><ul class="tabs wc-tabs" role="tablist"><li class="description_tab"><a href="#tab-description">Description</a></li><li class="additional_information_tab"><a href="#tab-additional_information">Additional information</a></li><li class="reviews_tab"><a href="#tab-reviews">Reviews (3)</a></li></ul>
<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--description panel entry-content wc-tab" id="tab-description"><h2>Description</h2>{paras(p.get('paragraphs', []))}</div>
<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--additional_information panel entry-content wc-tab" id="tab-additional_information"><h2>Additional information</h2><table class="woocommerce-product-attributes shop_attributes"><tbody>{specs}</tbody></table></div>
<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--reviews panel entry-content wc-tab" id="tab-reviews"><div id="reviews" class="woocommerce-Reviews"><h2 class="woocommerce-Reviews-title">3 reviews</h2><ol class="commentlist">{"".join(f'<li class="review"><p>{E(t)}</p></li>' for a, t in p.get('reviews', DEFAULT_REVIEWS))}</ol></div></div></div>
<section class="related products"><h2>Related products</h2><ul class="products columns-4">{"".join(f'<li class="product"><h2 class="woocommerce-loop-product__title">{E(t)}</h2><span class="price">{E(pr)}</span></li>' for t, pr in p.get('related', DEFAULT_RELATED))}</ul></section>
</div></div>{FOOTER}{SCRIPTS}</div></body></html>"""


def magento(p):
    was = f'<span class="old-price"><span class="price-container"><span class="price-wrapper" data-price-type="oldPrice"><span class="price">{E(p["was"])}</span></span></span></span>' if p.get("was") else ""
    return head(p) + f"""<body class="catalog-product-view page-layout-1column"><div class="page-wrapper">
<header class="page-header"><div class="panel wrapper"><ul class="header links"><li><a href="/customer/account/login/">Sign In</a></li></ul></div>{NAV}</header>
<main id="maincontent" class="page-main"><div class="columns"><div class="column main" itemscope itemtype="http://schema.org/Product">
<div class="page-title-wrapper product"><h1 class="page-title"><span class="base" data-ui-id="page-title-wrapper" itemprop="name">{E(p['title'])}</span></h1></div>
<div class="product-info-price"><div class="price-box price-final_price" itemprop="offers" itemscope itemtype="http://schema.org/Offer">
<span class="special-price"><span class="price-container"><span class="price-wrapper" data-price-type="finalPrice"><span class="price">{E(p['priceText'])}</span></span></span></span>{was}
<meta itemprop="price" content="{E(p.get('amount',''))}"><meta itemprop="priceCurrency" content="{E(p.get('currency',''))}">
<link itemprop="availability" href="http://schema.org/{p.get('availability','InStock')}"></div>
<div class="product-info-stock-sku"><div class="stock available"><span>In stock</span></div><div class="product attribute sku"><strong class="type">SKU</strong><div class="value" itemprop="sku">{E(p.get('sku') or '')}</div></div></div></div>
<div class="product attribute overview"><div class="value" itemprop="description">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}</div></div>
<div class="product info detailed"><div class="data item content" id="description"><div class="product attribute description"><div class="value">{paras(p.get('paragraphs', []))}</div></div></div>
<div class="data item content" id="additional"><div class="additional-attributes-wrapper table-wrapper"><table class="data table additional-attributes" id="product-attribute-specs-table"><caption class="table-caption">More Information</caption><tbody>
{"".join(f'<tr><th class="col label" scope="row">{E(k)}</th><td class="col data">{E(v)}</td></tr>' for k, v in p.get('specs', []))}</tbody></table></div></div>
<div class="data item content" id="reviews"><div id="customer-reviews" class="block review-list">{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div></div></div>
</div></div>
<div class="block related" data-mage-init='{{"relatedProducts":{{}}}}'><div class="block-title title"><strong>Related Products</strong></div><ol class="products list items product-items">{"".join(f'<li class="item product product-item"><strong class="product name product-item-name">{E(t)}</strong><span class="price">{E(pr)}</span></li>' for t, pr in p.get('related', DEFAULT_RELATED))}</ol></div>
<div class="block upsell"><strong>We found other products you might like!</strong><ol><li>Professional Derma Roller 2.0mm</li></ol></div>
</main>{FOOTER}{SCRIPTS}</div></body></html>"""


def amazon(p):
    bullets = "".join(f'<li><span class="a-list-item">{b}</span></li>' for b in p.get("bullets", []))
    specs = "".join(f'<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">{E(k)}</th><td class="a-size-base prodDetAttrValue">{E(v)}</td></tr>' for k, v in p.get("specs", []))
    was = f'<span class="a-price a-text-price" data-a-strike="true"><span class="a-offscreen">{E(p["was"])}</span></span>' if p.get("was") else ""
    variants = ""
    if p.get("variants"):
        variants = '<div id="variation_size_name" class="a-section"><label class="a-form-label">Size: </label><ul class="a-unordered-list a-nostyle a-button-list a-horizontal">' + "".join(f'<li class="swatchAvailable"><span class="a-button-text"><p class="a-text-left a-size-base">{E(v)}</p></span></li>' for v in p["variants"]) + "</ul></div>"
    return f"""<!doctype html><html lang="en-us" class="a-no-js"><head><meta charset="utf-8"><title>Amazon.com: {E(p['title'])} : Beauty &amp; Personal Care</title>
<meta name="description" content="{E(p.get('metaDescription', p['title']))}"></head>
<body><div id="a-page"><header id="navbar-main" class="nav-opt-sprite"><div id="nav-search"><form class="nav-searchbar" role="search"><input type="text" id="twotabsearchtextbox"></form></div>
<div id="nav-xshop"><a href="#">Today's Deals</a><a href="#">Beauty</a></div></header>
<div id="dp" class="beauty en_US"><div id="dp-container" class="a-container">
<div id="wayfinding-breadcrumbs_feature_div"><ul class="a-unordered-list a-horizontal"><li>Beauty &amp; Personal Care</li><li>Skin Care Tools</li></ul></div>
<div id="centerCol" class="centerColAlign"><div id="titleSection"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">  {E(p['title'])}  </span></h1></div>
<div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="#">Visit the {E(p.get('brand') or 'Generic')} Store</a></div>
<div id="averageCustomerReviews"><span class="a-icon-alt">4.2 out of 5 stars</span> <span id="acrCustomerReviewText">2,314 ratings</span></div>
<div id="corePriceDisplay_desktop_feature_div"><div id="corePrice_feature_div"><span class="a-price aok-align-center priceToPay"><span class="a-offscreen">{E(p['priceText'])}</span><span aria-hidden="true"><span class="a-price-symbol">$</span><span class="a-price-whole">xx</span></span></span> {was}</div></div>
{variants}
<div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><h1 class="a-size-base-plus a-text-bold">About this item</h1><ul class="a-unordered-list a-vertical a-spacing-mini">{bullets}</ul></div>
</div>
<div id="availability" class="a-section a-spacing-base"><span class="a-size-medium a-color-success">{E(p.get('availabilityText','In Stock'))}</span></div>
<div id="sims-consolidated-1_feature_div"><div class="a-carousel-container"><h2 class="a-carousel-heading">Products related to this item</h2><ol class="a-carousel">{"".join(f'<li class="a-carousel-card"><div class="p13n-sc-truncated">{E(t)}</div><span class="a-price"><span class="a-offscreen">{E(pr)}</span></span></li>' for t, pr in p.get('related', DEFAULT_RELATED))}</ol></div></div>
<div id="productDescription_feature_div"><h2>Product Description</h2><div id="productDescription" class="a-section a-spacing-small">{paras(p.get('paragraphs', []))}</div></div>
<div id="prodDetails"><h2>Product information</h2><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable" role="presentation"><tbody>{specs}</tbody></table></div>
<div id="reviewsMedley"><div id="cm-cr-dp-review-list">{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div></div>
</div></div><div id="navFooter" class="navLeftFooter"><a href="#">Conditions of Use</a> <a href="#">Privacy Notice</a></div></div></body></html>"""


def ebay(p):
    specs = "".join(f'<div class="ux-layout-section-evo__col"><div class="ux-labels-values ux-labels-values--inline col-6"><div class="ux-labels-values__labels"><div class="ux-labels-values__labels-content"><span class="ux-textspans">{E(k)}</span></div></div><div class="ux-labels-values__values"><div class="ux-labels-values__values-content"><span class="ux-textspans">{E(v)}</span></div></div></div></div>' for k, v in p.get("specs", []))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(p['title'])} | eBay</title>
<meta property="og:title" content="{E(p['title'])}"><meta property="og:type" content="ebay-objects:item">{jsonld_product(p)}</head>
<body><div id="gh" class="gh-w" role="banner"><form id="gh-f" role="search"><input id="gh-ac" placeholder="Search for anything"></form><a href="#">Daily Deals</a></div>
<div id="mainContent"><div class="vim x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">{E(p['title'])}</span></h1></div>
<div class="x-price-primary" data-testid="x-price-primary"><span class="ux-textspans">{E(p['priceText'])}</span></div>
{'<div class="x-additional-info"><span class="ux-textspans ux-textspans--STRIKETHROUGH">' + E(p['was']) + '</span></div>' if p.get('was') else ''}
<div class="x-quantity__availability"><span class="ux-textspans">{E(p.get('availabilityText','More than 10 available'))}</span></div>
<div class="x-sellercard-atf"><span class="ux-textspans">beauty_tools_outlet (12,441)</span> <span>99.1% positive feedback</span></div>
<div class="ux-layout-section-evo ux-layout-section--features"><div class="ux-layout-section-evo__item"><h2 class="section-title">Item specifics</h2><div class="ux-layout-section-evo__row">{specs}</div></div></div>
<div id="desc_wrapper_ctr"><div id="ds_div" class="x-item-description">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}{paras(p.get('paragraphs', []))}</div></div>
<div class="ux-layout-section ux-layout-section--sponsored"><h2>Similar sponsored items</h2><div class="carousel">{related_cards(p.get('related', DEFAULT_RELATED), 's-item')}</div></div>
<div class="x-about-this-seller"><h2>About this seller</h2><p>Top rated seller, ships from Shenzhen.</p></div>
<div class="fdbk-container"><h2>Seller feedback</h2>{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div></div>
<footer id="glbfooter"><p>Copyright © 1995-2026 eBay Inc.</p></footer></body></html>"""


def aliexpress(p):
    specs = "".join(f'<li class="specification--line--IXeRJI7"><div class="specification--prop--Jh28bKu"><div class="specification--title--SfH3sA8"><span>{E(k)}</span></div><div class="specification--desc--Dxx6W0W"><span>{E(v)}</span></div></div></li>' for k, v in p.get("specs", []))
    variants = ""
    if p.get("variants"):
        variants = f'<div class="sku-item--property--HuasaIz"><div class="sku-item--title--Z0HLO87">{E(p.get("variantLabel","Color"))}: <span>{E(p["variants"][0])}</span></div><div class="sku-item--skus--StEhULs">' + "".join(f'<div class="sku-item--text--hYfAukP" data-sku-col="{i}"><span>{E(v)}</span></div>' for i, v in enumerate(p["variants"])) + "</div></div>"
    tiers = "".join(f'<div class="price-tier"><span class="tier-qty">{E(q)}</span> <span class="tier-price">{E(pr)}</span></div>' for q, pr in p.get("tiers", []))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(p['title'])} - AliExpress 66</title>
<meta name="keywords" content="derma roller, microneedle, 0.2mm 0.5mm 1.0mm 1.5mm 2.0mm"><meta property="og:title" content="{E(p['title'])}">{jsonld_product(p)}
<script>window.runParams = {{"data":{{"priceModule":{{"formatedActivityPrice":"US $1.00"}}}}}};</script></head>
<body><div id="header"><div class="search-bar" role="search"><input placeholder="derma roller"></div><div class="categories">Beauty &amp; Health</div></div>
<div id="root"><div class="pdp-wrap"><div class="title--wrap--UUHae_g"><h1 data-pl="product-title">{E(p['title'])}</h1></div>
<div class="reviewer--wrap--sPGWrNq"><span>4.7</span> <a href="#nav-review">1,203 Reviews</a> | 5,000+ sold</div>
<div class="price--wrap--tA4MDk4"><div class="price--current--I3Zeidd product-price-current"><span class="price--currentPriceText--V8_y_b5">{E(p['priceText'])}</span></div>{'<span class="price--originalText--gxVO5_d">' + E(p['was']) + '</span>' if p.get('was') else ''}</div>
{tiers}{variants}
<div class="quantity--info--jnoo_pD"><span>{E(p.get('availabilityText','4999 pieces available'))}</span></div>
<div id="nav-specification" class="specification--wrap--lxVQ9tj"><h2 class="title--title--O6xcB1q">Specifications</h2><ul class="specification--list--GZuXzRX">{specs}</ul></div>
<div id="nav-description" class="description--wrap--ko6d2gN"><h2>Description</h2><div class="detail-desc-decorate-richtext">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}{paras(p.get('paragraphs', []))}</div></div>
<div id="nav-review" class="feedback--wrap--Z9LfRrl"><h2>Customer Reviews (1,203)</h2>{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div>
<div class="more-to-love--wrap"><h2>More to love</h2><div class="list">{related_cards(p.get('related', DEFAULT_RELATED), 'card-out-wrapper')}</div></div>
</div></div><div class="site-footer">AliExpress Multi-Language Sites · Alibaba Group</div></body></html>"""


def brand(p):
    labels = p.get("labels", {})
    spec = ""
    if p.get("specs"):
        spec = f'<div class="product-specs"><h2>{E(labels.get("specs","Specifications"))}</h2><dl>' + "".join(f"<dt>{E(k)}</dt><dd>{E(v)}</dd>" for k, v in p["specs"]) + "</dl></div>"
    return head(p) + f"""<body><header class="site-header">{NAV}</header>
<main><section class="hero"><h1>{E(p['title'])}</h1><p class="lead">{' '.join(p.get('intro', []))}</p>
<div class="buy-box"><span class="price">{E(p['priceText'])}</span> <span class="stock-status">{E(p.get('availabilityText','In stock'))}</span><button>{E(labels.get("buy","Add to bag"))}</button></div></section>
<section class="features"><h2>{E(labels.get("why","Why you'll love it"))}</h2>{bullets_html(p.get('bullets'), 'feature-list')}</section>
<section class="details"><h2>{E(labels.get("details","The details"))}</h2>{paras(p.get('paragraphs', []))}{spec}</section>
<section><h2>{E(labels.get("pairs","Pairs well with"))}</h2><div class="grid">{related_cards(p.get('related', DEFAULT_RELATED))}</div></section>
<section><h3>{E(labels.get("reviews","Reviews"))}</h3>{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</section>
</main>{FOOTER}{SCRIPTS}</body></html>"""


def microdata(p):
    specs = "".join(f"<li>{E(k)}: {E(v)}</li>" for k, v in p.get("specs", []))
    return head(p) + f"""<body><div id="top"><a href="/">{E(p.get('shop','Shop'))}</a> | <a href="/cart">Cart (0)</a></div>{NAV}
<div id="content"><div itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">{E(p['title'])}</h1><div>Brand: <span itemprop="brand">{E(p.get('brand') or '')}</span> · SKU <span itemprop="sku">{E(p.get('sku') or '')}</span>{(' · EAN <span itemprop="gtin13">' + E(p['gtin']) + '</span>') if p.get('gtin') else ''}</div>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="priceCurrency" content="{E(p.get('currency',''))}"></span><span class="price" itemprop="price" content="{E(p.get('amount',''))}">{E(p['priceText'])}</span>
<link itemprop="availability" href="https://schema.org/{p.get('availability','InStock')}"> {E(p.get('availabilityText','In stock'))}</div>
<div itemprop="description">{paras(p.get('intro', []))}{bullets_html(p.get('bullets'))}{paras(p.get('paragraphs', []))}</div>
<h3>Specifications</h3><ul class="specs">{specs}</ul></div>
<div class="also-bought"><h3>Customers also bought</h3>{related_cards(p.get('related', DEFAULT_RELATED))}</div>
<div class="comments"><h3>Comments</h3>{reviews_html(p.get('reviews', DEFAULT_REVIEWS))}</div></div>
{FOOTER}</body></html>"""


DEFAULT_RELATED = [("Titanium Derma Roller 1.5mm", "$19.99"), ("Dr.pen A6 Microneedling Pen 0.25-2.5mm", "$89.00"), ("Derma Stamp 2.0mm 35 pins", "$14.99")]
DEFAULT_REVIEWS = [("Sarah K.", "I switched to the 1.0mm version and my acne scars are fading. Love it!"),
                   ("Mike", "Arrived quickly. I sterilize mine in alcohol before each use, works great."),
                   ("Jenny", "My friend says this is FDA approved, not sure. The 2.0mm hurt a lot.")]

PLATFORMS = {"shopify": shopify, "woocommerce": woocommerce, "magento": magento, "amazon": amazon, "ebay": ebay,
             "aliexpress": aliexpress, "brand": brand, "microdata": microdata}
