using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Shop.Web.Demo;

/// <summary>
/// The offline demo supplier: product pages in the markup of common shop platforms, served by the app itself under
/// /demo-supplier so that a scan of a fresh install has real pages to fetch without internet access.
/// </summary>
public static class DemoSupplierSite
{
    public const string PathPrefix = "/demo-supplier";

    public static string ProductPath(string slug) => $"{PathPrefix}/products/{slug}";

    public static IEndpointRouteBuilder MapDemoSupplier(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PathPrefix, () => Results.Content(RenderIndex(), "text/html; charset=utf-8"));
        endpoints.MapGet(PathPrefix + "/products/{slug}", (string slug) =>
            DemoCatalogue.Find(slug) is { } product
                ? Results.Content(Render(product.Page), "text/html; charset=utf-8")
                : Results.NotFound());
        return endpoints;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Money(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    private static string RenderIndex()
    {
        var items = string.Concat(DemoCatalogue.All.Select(p =>
            $"<li><a href=\"{PathPrefix}/products/{p.Slug}\">{E(p.Page.Title)}</a> <span class=\"price\">${Money(p.Page.Price)}</span></li>\n"));
        return Shell("Lumen Derma Wholesale: all products", $"<h1>All products</h1>\n<ul class=\"product-grid\">\n{items}</ul>");
    }

    private static string Shell(string title, string body, string head = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{E(title)}}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{head}}
        <style>body{font-family:Arial,sans-serif;margin:0;color:#222}header,footer{background:#111;color:#eee;padding:12px 24px}
        main{max-width:1000px;margin:0 auto;padding:24px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:6px 10px}
        .price,.a-price,.price-item,.x-price-primary,.price--current{color:#b12704;font-size:1.3em;display:block;margin:8px 0}
        header a{color:#fff;margin-right:12px}header nav{margin:6px 0}.announcement{font-size:.85em;color:#bbb}
        h1,#productTitle{font-size:1.6em;display:block;margin:12px 0}button{background:#f0c14b;border:1px solid #a88734;padding:8px 20px;border-radius:4px}
        .review{border-top:1px solid #eee;padding:8px 0}footer a{color:#ccc}</style>
        <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
        </head>
        <body>
        <header><a href="{{PathPrefix}}"><strong>Lumen Derma Wholesale</strong></a>
        <nav><a href="{{PathPrefix}}">Rollers</a> | <a href="{{PathPrefix}}">Pens</a> | <a href="{{PathPrefix}}">Patches</a> | <a href="{{PathPrefix}}">Skincare</a></nav>
        <div class="announcement">Free shipping on orders over $75</div></header>
        <main>
        {{body}}
        </main>
        <footer><p>&copy; Lumen Derma Wholesale. Trade customers only. Prices in USD.</p>
        <p><a href="{{PathPrefix}}">Shipping</a> · <a href="{{PathPrefix}}">Returns</a> · <a href="{{PathPrefix}}">Contact</a></p></footer>
        <script src="https://cdn.example/analytics.js" async></script>
        </body>
        </html>
        """;

    public static string Render(SupplierPageContent page) => page.Style switch
    {
        PageStyle.ShopifyJsonLd => Shopify(page),
        PageStyle.WooCommerceTable => WooCommerce(page),
        PageStyle.AmazonBullets => Amazon(page),
        PageStyle.EbaySpecifics => Ebay(page),
        PageStyle.AliExpressSpecs => AliExpress(page),
        _ => Microdata(page),
    };

    private static string Paragraphs(SupplierPageContent page) => string.Concat(page.Description.Select(d => $"<p>{E(d)}</p>\n"));

    private static string Reviews() => """
        <section class="reviews"><h2>Customer reviews</h2>
        <div class="review"><span class="stars">★★★★☆</span> <strong>Maria K.</strong><p>Arrived quickly, well packed.</p></div>
        <div class="review"><span class="stars">★★★★★</span> <strong>J. Thompson</strong><p>Good quality for the price, will order again.</p></div>
        </section>
        """;

    private static string Shopify(SupplierPageContent page)
    {
        var jsonLd = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "Product",
            ["name"] = page.Title,
            ["brand"] = new Dictionary<string, string> { ["@type"] = "Brand", ["name"] = page.Brand },
            ["sku"] = page.Sku,
            ["description"] = string.Join(" ", page.Description),
            ["offers"] = new Dictionary<string, string>
            {
                ["@type"] = "Offer", ["price"] = Money(page.Price), ["priceCurrency"] = "USD", ["availability"] = $"https://schema.org/{page.Availability}",
            },
        }, new JsonSerializerOptions { WriteIndented = true });
        var head = $"""
            <meta property="og:type" content="product">
            <meta property="og:title" content="{E(page.Title)}">
            <meta property="product:price:amount" content="{Money(page.Price)}">
            <meta property="product:price:currency" content="USD">
            <script type="application/ld+json">
            {jsonLd.Replace("</", "<\\/", StringComparison.Ordinal)}
            </script>
            """;
        var bullets = string.Concat(page.Bullets.Select(b => $"<li>{E(b)}</li>\n"));
        var specs = string.Concat(page.Specs.Select(s => $"<li><strong>{E(s.Name)}:</strong> {E(s.Value)}</li>\n"));
        var body = $"""
            <div class="product-single" id="ProductSection-{E(page.Sku)}">
            <h1 class="product-single__title">{E(page.Title)}</h1>
            <p class="product-single__vendor">{E(page.Brand)}</p>
            <span class="price-item price-item--regular">${Money(page.Price)} USD</span>
            <form action="/cart/add" method="post"><button type="submit" name="add">Add to cart</button></form>
            <div class="product-single__description rte">
            {Paragraphs(page)}<ul>
            {bullets}</ul>
            <h3>Specifications</h3><ul>
            {specs}</ul>
            </div>
            </div>
            {Reviews()}
            """;
        return Shell(page.Title, body, head);
    }

    private static string WooCommerce(SupplierPageContent page)
    {
        var rows = string.Concat(page.Specs.Select(s =>
            $"<tr class=\"woocommerce-product-attributes-item\"><th class=\"woocommerce-product-attributes-item__label\">{E(s.Name)}</th><td class=\"woocommerce-product-attributes-item__value\"><p>{E(s.Value)}</p></td></tr>\n"));
        var bullets = string.Concat(page.Bullets.Select(b => $"<li>{E(b)}</li>\n"));
        var body = $"""
            <div class="product type-product">
            <nav class="woocommerce-breadcrumb"><a href="{PathPrefix}">Home</a> / <a href="{PathPrefix}">Microneedling</a> / {E(page.Title)}</nav>
            <h1 class="product_title entry-title">{E(page.Title)}</h1>
            <p class="price"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">$</span>{Money(page.Price)}</bdi></span></p>
            <div class="woocommerce-product-details__short-description"><ul>
            {bullets}</ul></div>
            <div class="product_meta"><span class="sku_wrapper">SKU: <span class="sku">{E(page.Sku)}</span></span> <span class="posted_in">Brand: {E(page.Brand)}</span></div>
            <div class="woocommerce-tabs">
            <div class="woocommerce-Tabs-panel--description" id="tab-description"><h2>Description</h2>
            {Paragraphs(page)}</div>
            <div class="woocommerce-Tabs-panel--additional_information" id="tab-additional_information"><h2>Additional information</h2>
            <table class="woocommerce-product-attributes shop_attributes">
            {rows}</table></div>
            </div>
            </div>
            {Reviews()}
            """;
        return Shell(page.Title, body);
    }

    private static string Amazon(SupplierPageContent page)
    {
        var bullets = string.Concat(page.Bullets.Select(b => $"<li><span class=\"a-list-item\">{E(b)}</span></li>\n"));
        var rows = string.Concat(page.Specs.Select(s => $"<tr><th class=\"a-color-secondary a-size-base prodDetSectionEntry\">{E(s.Name)}</th><td class=\"a-size-base prodDetAttrValue\">{E(s.Value)}</td></tr>\n"));
        var body = $"""
            <div id="dp-container">
            <span id="productTitle" class="a-size-large product-title-word-break">{E(page.Title)}</span>
            <a id="bylineInfo" href="{PathPrefix}">Visit the {E(page.Brand)} Store</a>
            <div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">${Money(page.Price)}</span></span></div>
            <div id="availability"><span class="a-size-medium a-color-success">{(page.Availability == "InStock" ? "In Stock" : "Currently unavailable")}</span></div>
            <div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><h2>About this item</h2>
            <ul class="a-unordered-list a-vertical a-spacing-mini">
            {bullets}</ul></div>
            <div id="productDescription" class="a-section a-spacing-small">{Paragraphs(page)}</div>
            <table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">
            <tr><th class="prodDetSectionEntry">Brand</th><td class="prodDetAttrValue">{E(page.Brand)}</td></tr>
            <tr><th class="prodDetSectionEntry">Item model number</th><td class="prodDetAttrValue">{E(page.Sku)}</td></tr>
            {rows}</table>
            </div>
            {Reviews()}
            """;
        return Shell(page.Title, body);
    }

    private static string Ebay(SupplierPageContent page)
    {
        var specifics = new List<(string, string)> { ("Brand", page.Brand), ("MPN", page.Sku), ("Condition", "New") };
        specifics.AddRange(page.Specs);
        var rows = string.Concat(specifics.Select(s =>
            $"<div class=\"ux-labels-values\"><div class=\"ux-labels-values__labels\"><span class=\"ux-textspans\">{E(s.Item1)}</span></div><div class=\"ux-labels-values__values\"><span class=\"ux-textspans\">{E(s.Item2)}</span></div></div>\n"));
        var bullets = string.Concat(page.Bullets.Select(b => $"<li>{E(b)}</li>\n"));
        var body = $"""
            <div class="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">{E(page.Title)}</span></h1></div>
            <div class="x-price-primary"><span class="ux-textspans">US ${Money(page.Price)}</span></div>
            <section class="x-about-this-item"><h2>Item specifics</h2>
            {rows}</section>
            <section id="desc_wrapper"><h2>Item description from the seller</h2><ul>
            {bullets}</ul>
            {Paragraphs(page)}</section>
            """;
        return Shell(page.Title, body);
    }

    private static string AliExpress(SupplierPageContent page)
    {
        var specs = string.Concat(page.Specs.Select(s =>
            $"<li class=\"specification--line\"><div class=\"specification--prop\"><span>{E(s.Name)}</span></div><div class=\"specification--desc\"><span>{E(s.Value)}</span></div></li>\n"));
        var bullets = string.Concat(page.Bullets.Select(b => $"<p>{E(b)}</p>\n"));
        var body = $"""
            <div class="pdp-info"><h1 data-pl="product-title">{E(page.Title)}</h1>
            <div class="price--current"><span class="price--currentPriceText">US ${Money(page.Price)}</span></div>
            <div class="store-info">Store: {E(page.Brand)} Official Store</div></div>
            <div id="nav-specification"><h2 class="title">Specifications</h2><ul class="specification--list">
            <li class="specification--line"><div class="specification--prop"><span>Brand Name</span></div><div class="specification--desc"><span>{E(page.Brand)}</span></div></li>
            {specs}</ul></div>
            <div id="product-description" class="detail-desc-decorate-richtext">
            {bullets}{Paragraphs(page)}</div>
            """;
        return Shell(page.Title, body);
    }

    private static string Microdata(SupplierPageContent page)
    {
        var bullets = string.Concat(page.Bullets.Select(b => $"<li>{E(b)}</li>\n"));
        var rows = string.Concat(page.Specs.Select(s => $"<tr><th>{E(s.Name)}</th><td>{E(s.Value)}</td></tr>\n"));
        var body = $"""
            <article itemscope itemtype="https://schema.org/Product">
            <h1 itemprop="name">{E(page.Title)}</h1>
            <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">{E(page.Brand)}</span></div>
            <meta itemprop="sku" content="{E(page.Sku)}">
            <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span class="price">$<span itemprop="price" content="{Money(page.Price)}">{Money(page.Price)}</span></span>
            <meta itemprop="priceCurrency" content="USD"><link itemprop="availability" href="https://schema.org/{page.Availability}">
            </div>
            <div itemprop="description">
            <ul>
            {bullets}</ul>
            {Paragraphs(page)}</div>
            <table class="specs">
            {rows}</table>
            </article>
            {Reviews()}
            """;
        return Shell(page.Title, body);
    }
}
