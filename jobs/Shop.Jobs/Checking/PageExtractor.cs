using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Shop.Core.Checking;
using Shop.Core.Model;

namespace Shop.Jobs.Checking;

/// <summary>A piece of the page's text and where it stood; Label is a spec row's label ("Needle length").</summary>
internal sealed record TextBlock(string Text, EvidenceSource From, string? Label = null);

/// <summary>Reads one parsed page: structured data first (JSON-LD, microdata, meta), then the visible main product
/// markup with navigation, related products, reviews and footers left out. Produces the text blocks the facts are
/// read from (see <see cref="FactReader"/>).</summary>
internal sealed class PageExtractor
{
    private const int MaxBlockChars = 20_000;
    private const int MaxTotalChars = 2_000_000;

    private readonly IDocument _document;
    private readonly CheckOptions _options;
    private readonly CancellationToken _ct;
    private readonly CheckedProduct _product = new();
    private readonly List<TextBlock> _structured = [];
    private readonly List<TextBlock> _visible = [];
    // Appended as met, hashed only if a visible price has to be read after the walk (hashing every element costs).
    private readonly List<IElement> _noise = [];
    private HashSet<IElement>? _noiseLookup;
    // Sections found to be noise by their heading: their later children are skipped when the walk meets them.
    private readonly List<IElement> _noiseSections = [];
    // The title and its ancestors: never noise. A short list; asked only about elements that look like noise.
    private readonly List<IElement> _protected = [];
    private readonly List<Cue> _priceCues = [];
    private int _totalChars;

    private PageExtractor(IDocument document, CheckOptions options, CancellationToken ct)
    {
        _document = document;
        _options = options;
        _ct = ct;
    }

    public static ExtractedPage Extract(IDocument document, CheckOptions options, CancellationToken ct)
    {
        var extractor = new PageExtractor(document, options, ct);
        return extractor.Run();
    }

    private ExtractedPage Run()
    {
        Survey();
        var title = MainTitle();
        if (title is not null)
        {
            for (var e = title; e is not null; e = e.ParentElement) _protected.Add(e);
        }
        ReadJsonLd(title is null ? null : TextContentOf(title));
        ReadMicrodata();
        ReadMeta();
        _ct.ThrowIfCancellationRequested();
        if (_document.Body is { } body) Walk(body);
        _ct.ThrowIfCancellationRequested();
        ReadVisibleIdentity(title);

        // Visible text first (the people-readable evidence), then the structured data.
        var blocks = new List<TextBlock>(_visible.Count + _structured.Count);
        blocks.AddRange(_visible);
        blocks.AddRange(_structured);
        var page = new ExtractedPage { Product = _product };
        page.Cues.AddRange(_priceCues);
        FactReader.Read(page, blocks, _ct);
        return page;
    }

    // Found in one pass over the document before anything is read (four queries walked the whole tree once each).
    private IElement? _amazonTitle;
    private readonly List<IElement> _h1s = [];
    private readonly List<IElement> _typedScripts = [];
    private readonly List<IElement> _itemScopes = [];

    private void Survey()
    {
        if (_document.DocumentElement is not { } root) return;
        var stack = new Stack<IElement>(64);
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            var local = e.LocalName;
            if (local == "h1") _h1s.Add(e);
            var attributes = e.Attributes;
            bool typed = false, itemScope = false, itemType = false;
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i]!;
                switch (attribute.Name)
                {
                    case "id" when _amazonTitle is null && attribute.Value == "productTitle": _amazonTitle = e; break;
                    case "type": typed = true; break;
                    case "itemscope": itemScope = true; break;
                    case "itemtype": itemType = true; break;
                }
            }
            if (typed && local == "script") _typedScripts.Add(e);
            if (itemScope && itemType) _itemScopes.Add(e);
            PushChildElements(stack, e);
        }
    }

    private static void PushChildElements(Stack<IElement> stack, IElement e)
    {
        var children = e.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child) stack.Push(child);
        }
    }

    /// <summary>The element's TextContent (its descendant text nodes' data, in order) without AngleSharp's pooled builder,
    /// which locks on every call; an element holding one text node gives that node's string, no copy.</summary>
    internal static string TextContentOf(IElement element)
    {
        var children = element.ChildNodes;
        if (children.Length == 0) return "";
        if (children.Length == 1 && children[0] is IText only) return only.Data;
        var sb = new StringBuilder();
        var stack = new Stack<INode>(16);
        for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                sb.Append(text.Data);
                continue;
            }
            if (node is not IElement) continue;
            var nodes = node.ChildNodes;
            for (var i = nodes.Length - 1; i >= 0; i--) stack.Push(nodes[i]);
        }
        return sb.ToString();
    }

    /// <summary>The descendants of an element (not itself) that satisfy a test, in document order.</summary>
    private static List<IElement> Descendants(IElement root, Func<IElement, bool> test)
    {
        var found = new List<IElement>();
        var stack = new Stack<IElement>(64);
        PushChildElements(stack, root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (test(e)) found.Add(e);
            PushChildElements(stack, e);
        }
        return found;
    }

    private IElement? MainTitle()
    {
        if (_amazonTitle is { } amazon) return amazon;
        IElement? first = null;
        foreach (var h1 in _h1s)
        {
            first ??= h1;
            var marks = (h1.GetAttribute("class") ?? "") + (h1.ParentElement?.GetAttribute("class") ?? "");
            if (h1.GetAttribute("itemprop") == "name" || marks.Contains("product", StringComparison.OrdinalIgnoreCase) ||
                marks.Contains("title", StringComparison.OrdinalIgnoreCase)) return h1;
        }
        return first;
    }

    // ---- structured data ----------------------------------------------------------------------------------

    private void ReadJsonLd(string? visibleTitle)
    {
        var documents = new List<JsonDocument>();
        try
        {
            var products = new List<JsonElement>();
            foreach (var script in _typedScripts)
            {
                var type = script.GetAttribute("type");
                if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
                var text = TextContentOf(script);
                if (text.Length > _options.MaxJsonLdChars) continue;
                if (JsonLdReader.Parse(text) is not { } json) continue;
                documents.Add(json);
                JsonLdReader.CollectProducts(json.RootElement, products);
            }
            if (products.Count == 0) return;
            // Several products (related items, a shop's "also bought" block): the one the page's title names is the main one.
            var title = visibleTitle is null ? null : Clean(visibleTitle);
            var main = products.FirstOrDefault(p => title is not null && JsonLdReader.Text(p, "name") is { } n &&
                                                    title.Contains(Clean(n), StringComparison.OrdinalIgnoreCase));
            ReadJsonLdProduct(main.ValueKind == JsonValueKind.Undefined ? products[0] : main);
        }
        finally
        {
            foreach (var json in documents) json.Dispose();
        }
    }

    private void ReadJsonLdProduct(JsonElement p)
    {
        var name = JsonLdReader.Text(p, "name");
        _product.Name ??= name;
        if (name is not null) _structured.Add(new TextBlock(name, EvidenceSource.JsonLd, "name"));
        _product.Brand ??= JsonLdReader.Text(p, "brand") ?? JsonLdReader.Text(p, "manufacturer");
        _product.Sku ??= JsonLdReader.Text(p, "sku") ?? JsonLdReader.Text(p, "mpn") ?? JsonLdReader.Text(p, "productID");
        foreach (var key in (string[])["gtin13", "gtin", "gtin12", "gtin14", "gtin8", "ean", "upc"])
        {
            _product.Gtin ??= Prices.Gtin(JsonLdReader.Text(p, key));
        }
        if (JsonLdReader.Text(p, "description") is { } description)
        {
            AddStructured(description, EvidenceSource.JsonLd, null);
        }
        foreach (var prop in JsonLdReader.Items(p, "additionalProperty"))
        {
            if (JsonLdReader.Text(prop, "name") is { } label && JsonLdReader.Text(prop, "value") is { } value)
            {
                _structured.Add(new TextBlock($"{label}: {value}", EvidenceSource.JsonLd, label));
            }
        }
        foreach (var key in (string[])["material", "size", "category"])
        {
            if (JsonLdReader.Text(p, key) is { } value) _structured.Add(new TextBlock($"{key}: {value}", EvidenceSource.JsonLd, key));
        }
        ReadOffers(p);

        var variantNames = new List<string>();
        foreach (var variant in JsonLdReader.Items(p, "hasVariant"))
        {
            if (JsonLdReader.Text(variant, "name") is { } vn) variantNames.Add(vn);
            else if (JsonLdReader.Text(variant, "size") is { } vs) variantNames.Add(vs);
            if (_product.Price is null) ReadOffers(variant);
            _product.Sku ??= null;
        }
        foreach (var offer in JsonLdReader.Items(p, "offers"))
        {
            if (JsonLdReader.Text(offer, "name") is { } on && on != name) variantNames.Add(on);
        }
        if (variantNames.Count > 0) _structured.Add(new TextBlock(string.Join(" / ", variantNames.Distinct()), EvidenceSource.Variants, "variants"));
    }

    private void ReadOffers(JsonElement p)
    {
        foreach (var offer in JsonLdReader.Items(p, "offers"))
        {
            var currency = Prices.Currency(JsonLdReader.Text(offer, "priceCurrency"));
            var priceText = JsonLdReader.Text(offer, "price") ?? JsonLdReader.Text(offer, "lowPrice");
            if (priceText is null)
            {
                foreach (var spec in JsonLdReader.Items(offer, "priceSpecification"))
                {
                    priceText ??= JsonLdReader.Text(spec, "price");
                    currency ??= Prices.Currency(JsonLdReader.Text(spec, "priceCurrency"));
                }
            }
            if (_product.Price is null && Prices.Parse(priceText, currency) is { } price)
            {
                _product.Price = price;
                _product.Currency ??= currency;
                _priceCues.Add(new Cue(CueKind.Price, $"price: {priceText} {currency}".Trim(), EvidenceSource.JsonLd));
            }
            _product.Availability ??= Prices.Availability(JsonLdReader.Text(offer, "availability"));
            foreach (var inner in JsonLdReader.Items(offer, "offers"))
            {
                _product.Availability ??= Prices.Availability(JsonLdReader.Text(inner, "availability"));
            }
            if (_product.Price is not null && _product.Availability is not null) return;
        }
    }

    private void ReadMicrodata()
    {
        IElement? scope = null;
        foreach (var candidate in _itemScopes)
        {
            var type = candidate.GetAttribute("itemtype") ?? "";
            if (type.EndsWith("/Product", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/ProductGroup", StringComparison.OrdinalIgnoreCase) ||
                type.EndsWith("/IndividualProduct", StringComparison.OrdinalIgnoreCase))
            {
                scope = candidate;
                break;
            }
        }
        if (scope is null) return;
        string? priceText = null, currency = null, skuText = null, otherId = null;
        foreach (var element in Descendants(scope, e => e.HasAttribute("itemprop")))
        {
            if (NearestProductScope(element) != scope) continue;
            var prop = element.GetAttribute("itemprop")!.Trim();
            // A description's paragraphs and list items stay apart (TextContentOf would glue "Sterilität" to "Sterile ...").
            var value = element.GetAttribute("content") ?? (prop == "availability" ? element.GetAttribute("href") : null) ??
                        Clean(prop == "description" ? string.Join(" • ", LeafTexts(element)) : TextContentOf(element));
            if (string.IsNullOrWhiteSpace(value)) continue;
            value = value.Trim();
            switch (prop)
            {
                case "name" when element.ParentElement?.Closest("[itemprop=brand]") is null && element.Closest("[itemprop=offers]") is null:
                    if (_product.Name is null) _product.Name = value;
                    _structured.Add(new TextBlock(value, EvidenceSource.Microdata, "name"));
                    break;
                case "brand": _product.Brand ??= value; break;
                case "sku": skuText ??= value; break;
                case "mpn" or "productID": otherId ??= value; break;
                case "gtin13" or "gtin" or "gtin12" or "gtin14" or "gtin8": _product.Gtin ??= Prices.Gtin(value); break;
                case "price" or "lowPrice": priceText ??= value; break;
                case "priceCurrency": currency ??= Prices.Currency(value); break;
                case "availability": _product.Availability ??= Prices.Availability(value); break;
                case "description": AddStructured(value, EvidenceSource.Microdata, null); break;
            }
        }
        _product.Sku ??= skuText ?? otherId;
        if (_product.Price is null && Prices.Parse(priceText, currency) is { } price)
        {
            _product.Price = price;
            _product.Currency ??= currency;
            _priceCues.Add(new Cue(CueKind.Price, $"price: {priceText} {currency}".Trim(), EvidenceSource.Microdata));
        }
    }

    private static IElement? NearestProductScope(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("itemscope"))
            {
                var type = e.GetAttribute("itemtype") ?? "";
                if (type.Contains("Product", StringComparison.OrdinalIgnoreCase)) return e;
            }
        }
        return null;
    }

    private void ReadMeta()
    {
        string? priceText = null, currency = null;
        foreach (var meta in _document.Head is { } head ? Descendants(head, e => e.LocalName == "meta") : [])
        {
            var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop"))?.Trim().ToLowerInvariant();
            var content = meta.GetAttribute("content")?.Trim();
            if (key is null || string.IsNullOrEmpty(content)) continue;
            switch (key)
            {
                case "og:title" or "twitter:title":
                    _structured.Add(new TextBlock(content, EvidenceSource.Meta, "title"));
                    break;
                case "og:description" or "description" or "twitter:description":
                    AddStructured(content, EvidenceSource.Meta, null);
                    break;
                case "product:price:amount" or "og:price:amount" or "product:sale_price:amount":
                    priceText ??= content;
                    break;
                case "product:price:currency" or "og:price:currency" or "product:sale_price:currency":
                    currency ??= Prices.Currency(content);
                    break;
                case "product:brand" or "og:brand":
                    _product.Brand ??= content;
                    break;
                case "product:availability" or "og:availability":
                    _product.Availability ??= Prices.Availability(content);
                    break;
                case "product:retailer_item_id" or "product:sku":
                    _product.Sku ??= content;
                    break;
                case "product:ean" or "product:gtin" or "product:upc":
                    _product.Gtin ??= Prices.Gtin(content);
                    break;
            }
        }
        if (_product.Price is null && Prices.Parse(priceText, currency) is { } price)
        {
            _product.Price = price;
            _product.Currency ??= currency;
            _priceCues.Add(new Cue(CueKind.Price, $"price: {priceText} {currency}".Trim(), EvidenceSource.Meta));
        }
    }

    private void AddStructured(string text, EvidenceSource from, string? label)
    {
        // Descriptions in structured data are often HTML themselves.
        if (text.Contains('<') && text.Contains('>')) text = StripTags(text);
        _structured.Add(new TextBlock(Clean(text), from, label));
    }

    private static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') { inTag = true; sb.Append('\n'); }
            else if (c == '>') inTag = false;
            else if (!inTag) sb.Append(c);
        }
        return System.Net.WebUtility.HtmlDecode(sb.ToString());
    }

    // ---- noise ---------------------------------------------------------------------------------------------

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "button", "canvas", "video", "audio", "object", "head",
    };

    private static readonly string[] NoiseFragments =
    [
        "related", "upsell", "up-sell", "crosssell", "cross-sell", "recommend", "recently", "similar", "review", "testimonial",
        "carousel", "breadcrumb", "footer", "newsletter", "megamenu", "mega-menu", "navbar", "navigation", "sidebar", "cookie",
        "popup", "sponsored", "comparison", "also-bought", "alsobought", "also-viewed", "alsoviewed", "you-may", "youmay",
        "frequently", "customers-also", "sims-", "comments", "rating-list", "questions", "site-header", "masthead", "cart-drawer",
        "minicart", "mini-cart", "search-form", "social", "share", "recs", "more-from", "bundle", "feedback", "more-to-love",
    ];

    private static readonly HashSet<string> NoiseTokens = new(StringComparer.OrdinalIgnoreCase) { "nav", "menu", "modal", "drawer", "search", "qa", "faq-related" };

    // The families of class/id fragments the walk asks about, found in one scan of an element's marks (see StemIndex).
    private const int OldMarks = 0, SpecMarks = 1, VariantMarks = 2, TitleMarks = 3, PriceMarks = 4, AvailabilityMarks = 5, BrandMarks = 6,
        SkuMarks = 7, NoiseMarks = 8, LabelsValuesMarks = 9, SpecRowMarks = 10;

    private static readonly StemIndex MarkIndex = new(
    [
        ["old-price", "was-price", "compare", "regular-price", "price-item--regular", "list-price", "strike", "original", "a-text-price", "non-sale"],
        ["spec", "attribute", "additional-information", "techspec", "tech-spec", "detailbullets", "item-specifics", "itemspecifics", "parameter",
         "product-params", "properties", "specification"],
        ["swatch", "variant", "variation", "product-option", "sku-property", "option-selector"],
        ["producttitle"],
        ["price"],
        ["availab", "stock", "inventory", "quantity--info", "quantity__info"],
        ["brand", "vendor", "manufacturer", "bylineinfo"],
        ["sku", "product-detail-ordernumber"],
        [.. NoiseFragments, "nav", "menu", "modal", "drawer", "search", "qa"],
        ["labels-values"],
        ["spec-row"],
    ], StringComparison.Ordinal);

    private static bool Has(ulong marks, int family) => StemIndex.In(marks, family);

    /// <summary>The attributes the walk reads, found in one pass over the element's attributes (a lookup by name scans
    /// them all, once per name).</summary>
    private readonly record struct WalkAttributes(string? Class, string? Id, string? Role, string? AriaHidden, bool Hidden)
    {
        public static WalkAttributes Of(IElement element)
        {
            string? cls = null, id = null, role = null, ariaHidden = null;
            var hidden = false;
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i]!;
                switch (attribute.Name)
                {
                    case "class": cls ??= attribute.Value; break;
                    case "id": id ??= attribute.Value; break;
                    case "role": role ??= attribute.Value; break;
                    case "aria-hidden": ariaHidden ??= attribute.Value; break;
                    case "hidden": hidden = true; break;
                }
            }
            return new WalkAttributes(cls, id, role, ariaHidden, hidden);
        }
    }

    private bool IsNoise(IElement element, string local, string marks, ulong families, in WalkAttributes attributes) =>
        LooksLikeNoise(element, local, marks, families, attributes) && !IsProtected(element);

    private bool IsProtected(IElement element) => Holds(_protected, element);

    /// <summary>By reference: hashing an element (a HashSet) costs more than scanning a few entries.</summary>
    private static bool Holds(List<IElement> elements, IElement element)
    {
        foreach (var e in elements)
        {
            if (ReferenceEquals(e, element)) return true;
        }
        return false;
    }

    private static bool LooksLikeNoise(IElement element, string local, string marks, ulong families, in WalkAttributes attributes)
    {
        if (local is "header" && (attributes.Role == "banner" || Descendants(element, e => e.LocalName == "nav").Count > 0) && Descendants(element, e => e.LocalName == "h1").Count == 0) return true;
        if (attributes.Role is "navigation" or "banner" or "contentinfo" or "complementary" or "search") return true;
        // A closed tab (BigCommerce's specifications, Shopify's accordions) is hidden only until it is clicked.
        if ((attributes.AriaHidden == "true" || attributes.Hidden) && attributes.Role != "tabpanel" && !marks.Contains("tab", StringComparison.Ordinal)) return true;
        return marks.Length > 1 && IsNoiseMark(marks, families);
    }

    /// <summary>"Related products", "Customer reviews"...: the heading's section is not this product.</summary>
    private bool IsNoiseHeading(IElement heading)
    {
        var text = TextContentOf(heading);
        if (text.Length >= 80 || !Vocabulary.NoiseHeading().IsMatch(text)) return false;
        MarkSectionNoise(heading);
        return true;
    }

    /// <summary>The section a noise heading opens: its later children are skipped as the walk meets them. A heading
    /// wrapped with its intro line (`<div class="text-align-center"><h2>…</h2><p>…</p></div>`) opens the wrapper's parent
    /// too.</summary>
    private void MarkSectionNoise(IElement heading)
    {
        var section = heading.ParentElement;
        AddNoiseSection(section);
        if (section is { ParentElement: { } outer } && section.Children.All(c => c == heading || c.LocalName is "p" or "span") &&
            TextContentOf(section).Length < 200) AddNoiseSection(outer);
    }

    private void AddNoiseSection(IElement? section)
    {
        if (section is null || section == _document.Body || IsProtected(section) || section.LocalName is "main" or "body") return;
        _noise.Add(section);
        _noiseSections.Add(section);
    }

    private static bool IsNoiseMark(string marks, ulong families)
    {
        if (!Has(families, NoiseMarks)) return false;
        foreach (var fragment in NoiseFragments)
        {
            if (marks.Contains(fragment, StringComparison.Ordinal))
            {
                // "product-reviews-summary" stars next to the title carry no facts, but "preview" is no review.
                if (fragment == "review" && marks.Contains("preview", StringComparison.Ordinal) && !marks.Replace("preview", "").Contains("review")) continue;
                if (fragment == "share" && marks.Contains("shared", StringComparison.Ordinal)) continue;
                // Flatsome's (WooCommerce) "product-footer" holds the description and specification tabs.
                if (fragment == "footer" && !marks.Replace("product-footer", "").Replace("product_footer", "").Contains("footer")) continue;
                return true;
            }
        }
        // Short tokens ("nav", "menu") only in class names: ids like AliExpress's "nav-description" are anchors, not menus.
        var classes = marks[..Math.Max(0, marks.LastIndexOf(' '))];
        foreach (var token in classes.Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NoiseTokens.Contains(token)) return true;
        }
        return false;
    }

    // ---- visible text ---------------------------------------------------------------------------------------

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote",
        "pre", "figcaption", "label", "summary", "details", "ul", "ol", "table", "form", "fieldset", "legend", "header",
        "address", "center", "caption", "figure",
    };

    [Flags]
    private enum Context { None = 0, Spec = 1, Variants = 2, Title = 4, Old = 8 }

    private readonly List<IElement> _priceCandidates = [];
    private readonly List<IElement> _availabilityCandidates = [];
    private readonly List<IElement> _brandCandidates = [];
    private readonly List<IElement> _skuCandidates = [];
    private readonly List<IElement> _old = [];
    private HashSet<IElement>? _oldLookup;

    /// <summary>Remembers, in the one walk over the main content, the elements the visible identity is read from.</summary>
    private void Collect(IElement element, string marks, ulong families, Context ctx)
    {
        if (marks.Length == 0) return;
        if ((ctx & Context.Old) != 0) return;
        if (Has(families, PriceMarks)) _priceCandidates.Add(element);
        if (Has(families, AvailabilityMarks)) _availabilityCandidates.Add(element);
        if (Has(families, BrandMarks)) _brandCandidates.Add(element);
        if (Has(families, SkuMarks) && (HasToken(marks, "sku") || HasToken(marks, "product-sku") || HasToken(marks, "product-detail-ordernumber"))) _skuCandidates.Add(element);
    }

    /// <summary>A whole space-separated token of the marks, without splitting them into new strings.</summary>
    private static bool HasToken(string marks, string token)
    {
        for (var at = marks.IndexOf(token, StringComparison.Ordinal); at >= 0; at = marks.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if ((at == 0 || marks[at - 1] == ' ') && (end == marks.Length || marks[end] == ' ')) return true;
        }
        return false;
    }

    private static bool IsOld(string local, ulong families) => local is "del" or "s" or "strike" || Has(families, OldMarks);

    private void Walk(IElement root)
    {
        // A block's builder is made when text first arrives: most blocks (wrappers, empty cells) hold none.
        var blockText = new List<StringBuilder?>(256);
        var blockMeta = new List<(EvidenceSource From, string? Label)>(256);
        var stack = new Stack<(INode Node, int Block, Context Ctx)>(256);
        stack.Push((root, -1, Context.None));
        var visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 4095) == 0) _ct.ThrowIfCancellationRequested();
            var (node, block, ctx) = stack.Pop();
            if (node is IText text)
            {
                if (block >= 0 && _totalChars < MaxTotalChars)
                {
                    var sb = blockText[block] ??= new StringBuilder();
                    if (sb.Length < MaxBlockChars)
                    {
                        sb.Append(text.Data).Append(' ');
                        _totalChars += text.Data.Length;
                    }
                }
                continue;
            }
            if (node is not IElement element) continue;
            var local = element.LocalName;
            if (SkippedTags.Contains(local)) continue;
            if (local == "br")
            {
                // A line break the page drew (not a wrap in the HTML source): it ends a sentence ("✔ 6 speeds<br>✔ FDA ...").
                if (block >= 0) (blockText[block] ??= new StringBuilder()).Append(LineBreak);
                continue;
            }
            // A section is known to be noise only once its heading is met: later siblings check their parent.
            if (_noiseSections.Count > 0 && element.ParentElement is { } parent && Holds(_noiseSections, parent)) continue;
            var attributes = WalkAttributes.Of(element);
            var (cls, id) = (attributes.Class, attributes.Id);
            var marks = cls is null && id is null ? "" : ((cls ?? "") + " " + (id ?? "")).ToLowerInvariant();
            var families = marks.Length == 0 ? 0UL : MarkIndex.FamiliesIn(marks);
            if (IsNoise(element, local, marks, families, attributes))
            {
                _noise.Add(element);
                // A heading that is noise by its own marks (`<h2 id="customer-reviews">`) opens a noise section too.
                if (local is "h2" or "h3" or "h4") MarkSectionNoise(element);
                continue;
            }
            if (local is "h2" or "h3" or "h4" && IsNoiseHeading(element)) continue;
            ctx |= ContextOf(element, local, marks, families, attributes.Role);
            Collect(element, marks, families, ctx);

            if (local == "tr" && EmitRow(element)) continue;
            // Magento 1 lays its product tabs out as a dl: one whose terms hold whole sections (reviews among them) is
            // walked like any other container, so its noise is still seen.
            if (local == "dl" && !HoldsSections(element))
            {
                EmitDefinitionList(element);
                continue;
            }
            if (local == "select")
            {
                EmitVariants(Descendants(element, e => e.LocalName == "option").Select(TextContentOf)
                    .Where(t => !IsPlaceholderOption(t)));
                continue;
            }
            if ((ctx & Context.Variants) != 0 && local is not "label" and not "span" and not "a" and not "option")
            {
                EmitVariants(LeafTexts(element));
                continue;
            }
            if (Has(families, LabelsValuesMarks) || Has(families, SpecRowMarks) ||
                (local == "li" && (ctx & Context.Spec) != 0 && element.Children.Length > 0) ||
                // Alibaba's "attribute-item": a label and a value as two short children of one row in a spec block.
                (local == "div" && (ctx & Context.Spec) != 0 && IsLabelValueRow(element)))
            {
                var parts = LeafTexts(element).ToList();
                var rowLabel = parts.Count > 0 ? parts[0].TrimEnd().TrimEnd(':').TrimEnd() : "";
                if (parts.Count == 2 || (parts.Count > 2 && Has(families, LabelsValuesMarks))) Emit($"{rowLabel}: {string.Join(" ", parts.Skip(1))}", EvidenceSource.Spec, rowLabel);
                else if (parts.Count > 0) Emit(string.Join(" ", parts), EvidenceSource.Spec, null);
                continue;
            }

            var childBlock = block;
            if (local == "a" && (ctx & Context.Title) == 0 && block >= 0)
            {
                childBlock = blockText.Count;
                blockText.Add(null);
                blockMeta.Add((EvidenceSource.Other, null));
                _order.Add((childBlock, null));
            }
            else if (BlockTags.Contains(local) || block < 0)
            {
                childBlock = blockText.Count;
                blockText.Add(null);
                blockMeta.Add((SourceOf(local, ctx), null));
                _order.Add((childBlock, null));
            }
            // By index: AngleSharp's PreviousSibling looks the node up in its parent's list, quadratic for a wide element
            // (300,000 paragraphs in a body took 30 s).
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], childBlock, ctx));
            }
        }
        // Blocks were created in document order; emitted rows/lists were added to _visible as met. Merge both.
        var merged = new List<TextBlock>(_order.Count);
        foreach (var entry in _order)
        {
            if (entry.BlockIndex is { } i)
            {
                if (blockText[i] is not { } sb) continue;
                var text = Clean(sb);
                if (text.Length > 0) merged.Add(new TextBlock(text, blockMeta[i].From, blockMeta[i].From == EvidenceSource.Other ? null : LabelOf(text)));
            }
            else if (entry.Emitted is { } emitted)
            {
                merged.Add(emitted);
            }
        }
        _visible.AddRange(merged);
    }

    private readonly List<(int? BlockIndex, TextBlock? Emitted)> _order = new(256);

    private static bool HoldsSections(IElement list) =>
        Descendants(list, e => e.LocalName is "div" or "table" or "h2" or "h3" or "ul" or "ol" or "dl" or "section").Count > 0;

    private static bool IsLabelValueRow(IElement row)
    {
        if (row.Children.Length != 2 || row.ChildNodes.Any(n => n is IText t && !string.IsNullOrWhiteSpace(t.Data))) return false;
        var (label, value) = (row.Children[0], row.Children[1]);
        return label.LocalName is "div" or "span" && InlineOnly(label) && InlineOnly(value) &&
               TextContentOf(label).Trim() is { Length: > 0 and <= 40 } && TextContentOf(value).Trim() is { Length: > 0 and <= 120 };
    }

    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal) { "span", "b", "strong", "em", "i", "a", "font", "small", "sup", "sub", "br", "img", "abbr" };

    private static bool InlineOnly(IElement element) => element.Children.All(c => InlineTags.Contains(c.LocalName) && InlineOnly(c));

    /// <summary>"Needle length: 0.5 mm" in a bullet or a paragraph is a label/value pair too.</summary>
    private static string? LabelOf(string text)
    {
        var colon = text.IndexOf(':');
        return colon is > 1 and <= 40 && colon < text.Length - 1 ? text[..colon].Trim() : null;
    }

    private void Emit(string text, EvidenceSource from, string? label)
    {
        text = Clean(text);
        label ??= LabelOf(text);
        if (text.Length == 0) return;
        _order.Add((null, new TextBlock(text, from, label)));
    }

    private Context ContextOf(IElement element, string local, string marks, ulong families, string? role)
    {
        var ctx = Context.None;
        if (IsOld(local, families))
        {
            ctx |= Context.Old;
            _old.Add(element);
        }
        if (marks.Length == 0) return ctx | (local == "h1" ? Context.Title : Context.None);
        if (local is "table" or "dl" || Has(families, SpecMarks)) ctx |= Context.Spec;
        if (Has(families, VariantMarks) || role == "radiogroup") ctx |= Context.Variants;
        if (local == "h1" || Has(families, TitleMarks)) ctx |= Context.Title;
        return ctx;
    }

    private static EvidenceSource SourceOf(string local, Context ctx)
    {
        if ((ctx & Context.Title) != 0) return EvidenceSource.Title;
        if ((ctx & Context.Spec) != 0) return EvidenceSource.Spec;
        if (local == "li") return EvidenceSource.Bullets;
        return EvidenceSource.Description;
    }

    /// <summary>A key/value table row becomes one spec pair. Rows of layout tables (old shops put whole pages in
    /// tables) and menu rows of links are left to the normal walk; returns false for those.</summary>
    private bool EmitRow(IElement row)
    {
        var cellElements = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
        if (cellElements.Any(c => Descendants(c, e => e.LocalName is "table" or "h1" or "h2" or "h3").Count > 0)) return false;
        var cells = cellElements.Select(c => Clean(TextOf(c))).Where(t => t.Length > 0).ToList();
        if (cells.Count == 0) return true;
        if (cells[0].Length > 80 || cells.Any(c => c.Length > 400)) return false;
        var links = Descendants(row, e => e.LocalName == "a");
        if (links.Count >= 2 && links.Sum(a => TextContentOf(a).Length) * 2 >= cells.Sum(c => c.Length)) return true;
        if (cells.Count >= 2) Emit($"{cells[0].TrimEnd(':')}: {string.Join(" ", cells.Skip(1))}", EvidenceSource.Spec, cells[0].TrimEnd(':'));
        else Emit(cells[0], EvidenceSource.Spec, null);
        return true;
    }

    private void EmitDefinitionList(IElement list)
    {
        string? label = null;
        foreach (var child in list.Children.SelectMany(c => c.LocalName == "div" ? c.Children.AsEnumerable() : [c]))
        {
            if (child.LocalName == "dt") label = Clean(TextOf(child)).TrimEnd(':');
            else if (child.LocalName == "dd")
            {
                var value = Clean(TextOf(child));
                if (label is not null) Emit($"{label}: {value}", EvidenceSource.Spec, label);
                else Emit(value, EvidenceSource.Spec, null);
            }
        }
    }

    private void EmitVariants(IEnumerable<string> options)
    {
        var list = options.Select(Clean).Where(t => t.Length > 0 && t.Length < 200).Distinct().ToList();
        if (list.Count > 0) Emit(string.Join(" / ", list), EvidenceSource.Variants, "variants");
    }

    private static bool IsPlaceholderOption(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t.Length == 0 || t.StartsWith("choose", StringComparison.Ordinal) || t.StartsWith("select", StringComparison.Ordinal) ||
               t.StartsWith("please", StringComparison.Ordinal) || t.StartsWith("bitte", StringComparison.Ordinal) ||
               t.StartsWith("choisir", StringComparison.Ordinal) || t.StartsWith("elegir", StringComparison.Ordinal) ||
               t.StartsWith("seleccion", StringComparison.Ordinal) || t.StartsWith("wählen", StringComparison.Ordinal) || t.StartsWith('-');
    }

    private bool IsKnownNoiseOrOld(IElement e)
    {
        _noiseLookup ??= new HashSet<IElement>(_noise, ReferenceEqualityComparer.Instance);
        _oldLookup ??= new HashSet<IElement>(_old, ReferenceEqualityComparer.Instance);
        return _noiseLookup.Contains(e) || _oldLookup.Contains(e);
    }

    /// <summary>The text of an element without scripts and noise, blocks separated by newlines; iterative (no recursion on deep trees).</summary>
    private string TextOf(IElement element) => string.Join("\n", LeafTexts(element));

    private IEnumerable<string> LeafTexts(IElement element) => LeafTexts(element, afterWalk: false);

    /// <summary>During the walk none of the element's descendants has been met yet, so none is known noise or an old
    /// price: only after the walk (<paramref name="afterWalk"/>) are those sets asked.</summary>
    private IEnumerable<string> LeafTexts(IElement element, bool afterWalk)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((element, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText t) { current.Append(t.Data).Append(' '); continue; }
            if (node is not IElement e) continue;
            var isBlock = BlockTags.Contains(e.LocalName) || e.LocalName is "option" or "br" or "label" or "button" or "input";
            if (exit || (isBlock && current.Length > 0 && e != element))
            {
                var s = Clean(current);
                if (s.Length > 0) parts.Add(s);
                current.Clear();
                if (exit) continue;
            }
            if (e != element && (SkippedTags.Contains(e.LocalName) && e.LocalName != "button" || afterWalk && IsKnownNoiseOrOld(e))) continue;
            if (e.LocalName == "input" && e.GetAttribute("value") is { } v && e.GetAttribute("type") is "radio") current.Append(v).Append(' ');
            if (isBlock) stack.Push((e, true));
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
        }
        var last = Clean(current);
        if (last.Length > 0) parts.Add(last);
        return parts;
    }

    // ---- visible identity -----------------------------------------------------------------------------------

    private static readonly string[] PriceSelectors =
    [
        "#corePrice_feature_div .a-offscreen", "#corePriceDisplay_desktop_feature_div .a-offscreen", "#priceblock_dealprice",
        "#priceblock_ourprice", ".a-price:not(.a-text-price) .a-offscreen", ".x-price-primary", "#prcIsum",
        ".product-price-current", ".product-price-value", ".uniform-banner-box-price", ".price ins .amount", ".price ins",
        ".special-price .price", "[data-price-type=finalPrice] .price", ".price-item--sale", ".price__sale .price-item",
        ".price--highlight", ".product__price--sale", ".sale-price", ".price-now", ".current-price", ".our-price",
        "[data-product-price]", ".product-single__price", ".product__price", ".product-price", ".price-final_price .price",
        ".woocommerce-Price-amount", ".price", "[class*=price]",
    ];

    private void ReadVisibleIdentity(IElement? title)
    {
        if (title is not null && Clean(TextContentOf(title)) is { Length: > 0 } h1)
        {
            _product.Name ??= h1;
        }
        if (_product.Name is null && _document.Title is { Length: > 0 } documentTitle)
        {
            // "Name | Shop" or "Name - Shop": the shop's name stands last, and a dash may stand inside the name too.
            var name = documentTitle.Split([" | ", " :: "], StringSplitOptions.None)[0].Trim().TrimEnd(':').TrimEnd();
            var dash = Math.Max(name.LastIndexOf(" – ", StringComparison.Ordinal), Math.Max(name.LastIndexOf(" — ", StringComparison.Ordinal), name.LastIndexOf(" - ", StringComparison.Ordinal)));
            if (dash > 0) name = name[..dash];
            _product.Name = Clean(name);
            _visible.Insert(0, new TextBlock(_product.Name, EvidenceSource.Title));
        }
        if (_product.Price is null) ReadVisiblePrice();
        if (_product.Availability is null)
        {
            foreach (var e in _availabilityCandidates)
            {
                var text = Clean(TextContentOf(e));
                if (text.Length is > 0 and < 120 && Prices.Availability(text) is { } availability)
                {
                    _product.Availability = availability;
                    break;
                }
            }
        }
        if (_product.Sku is null)
        {
            foreach (var e in _skuCandidates)
            {
                var sku = Clean(TextContentOf(e));
                if (sku.Length is > 0 and < 64 && sku != "N/A" && !sku.Contains(' ')) { _product.Sku = sku; break; }
            }
        }
        if (_product.Brand is null)
        {
            foreach (var e in _brandCandidates)
            {
                var text = Clean(TextContentOf(e));
                var m = System.Text.RegularExpressions.Regex.Match(text, @"^(?:Visit\s+the\s+(?<b>.+?)\s+Store|Besuche\s+den\s+(?<b>.+?)[-\s]Store|Visite[rz]\s+la\s+boutique\s+(?<b>.+)|Visita\s+la\s+tienda\s+de\s+(?<b>.+)|(?:Brand|Marke|Marque|Marca):\s*(?<b>.+))$");
                if (m.Success) { _product.Brand = m.Groups["b"].Value.Trim(); break; }
                if (text.Length is > 1 and < 60 && !text.Contains(':')) { _product.Brand = text; break; }
            }
        }
        foreach (var block in _visible.Concat(_structured))
        {
            if (block.Label is null) continue;
            var label = block.Label.Trim().TrimEnd(':').TrimEnd().ToLowerInvariant();
            var value = block.Text.Length > block.Label.Length + 1 ? block.Text[(block.Text.IndexOf(':') + 1)..].Trim() : "";
            if (value.Length == 0 || value.Length > 120 || Placeholder.IsMatch(value)) continue;
            if (label is "brand" or "marke" or "marque" or "marca" or "brand name" or "manufacturer" or "hersteller" or "fabricant" or "fabricante") _product.Brand ??= value;
            else if (label is "availability" or "verfügbarkeit" or "disponibilité" or "disponibilidad" or "stock") _product.Availability ??= Prices.Availability(value);
            else if (label is "sku" or "item model number" or "model number" or "model" or "mpn" or "art.-nr." or "artikelnummer" or "référence" or "ref" or "part number" or "manufacturer part number" or "item number" or "asin") _product.Sku ??= value;
            else if (label is "ean" or "upc" or "gtin" or "ean-13" or "ean13" or "ean / upc" or "barcode") _product.Gtin ??= Prices.Gtin(value);
        }
    }

    // What marketplaces print in an empty field (eBay's "MPN: Does not apply", "Brand: Unbranded").
    private static readonly System.Text.RegularExpressions.Regex Placeholder = new(
        @"^(?:does\s+not\s+apply|not\s+applicable|n/?a|none|unbranded|no\s+brand|generic|nicht\s+zutreffend|ohne\s+marke|sans\s+marque|sans\s+objet|no\s+aplica|sin\s+marca|-+)\.?$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly string[] StrongPriceMarks =
        ["pricetopay", "offscreen", "priceblock", "x-price-primary", "prcisum", "price-current", "price-value", "sale", "special", "final", "current", "now", "our"];

    private void ReadVisiblePrice()
    {
        // Strongly named price elements first ("sale", "current", Amazon's price to pay), then any price element, in
        // page order; struck-through and "was" prices are left out of the text.
        foreach (var strong in (bool[])[true, false])
        {
            foreach (var e in _priceCandidates)
            {
                var marks = ((e.GetAttribute("class") ?? "") + " " + (e.Id ?? "")).ToLowerInvariant();
                if (strong != StrongPriceMarks.Any(m => marks.Contains(m, StringComparison.Ordinal))) continue;
                var text = Clean(e.GetAttribute("content") ?? string.Join(" ", LeafTexts(e, afterWalk: true)));
                if (text.Length is 0 or > 200) continue;
                if (TakePrice(Vocabulary.Price().Match(text), EvidenceSource.Other)) return;
            }
        }
        // Pages without price markup ("Our Price: $6.95" in a font tag): a price right after a price label, else a price
        // standing alone ("9,95€ IVA incluido") within a few blocks after the title.
        var seen = 0;
        foreach (var block in _visible)
        {
            // Both fallbacks read every block of the page: a huge page must still stop at the time cap.
            if ((++seen & 255) == 0) _ct.ThrowIfCancellationRequested();
            if (block.From is EvidenceSource.Other) continue;
            foreach (System.Text.RegularExpressions.Match m in Vocabulary.Price().Matches(block.Text))
            {
                if (Vocabulary.PriceLabel().IsMatch(block.Text[Math.Max(0, m.Index - 20)..m.Index]) && TakePrice(m, block.From)) return;
            }
        }
        // Where the product's name stands in the content (a table layout's heading cell), else where the title stands.
        var name = _product.Name;
        _ct.ThrowIfCancellationRequested();
        var start = name is null ? -1 : _visible.FindIndex(b => b.From != EvidenceSource.Title && b.Text.Contains(name, StringComparison.OrdinalIgnoreCase));
        if (start < 0) start = _visible.FindIndex(b => b.From == EvidenceSource.Title);
        if (start < 0) return;
        foreach (var block in _visible.Skip(start).Take(12))
        {
            // A two-cell row (name, price) may have become a label/value pair: its value is what stands alone.
            var text = block.Label is not null ? block.Text[(block.Text.LastIndexOf(':') + 1)..].Trim() : block.Text;
            if (block.From is EvidenceSource.Other || text.Length > 40) continue;
            var m = Vocabulary.Price().Match(text);
            if (m.Success && m.Index <= 2 && text.Length - m.Length <= 25 && m.Groups["cur"].Value.Length > 0 && TakePrice(m, block.From)) return;
        }
    }

    /// <summary>Takes a matched price as the product's, unless it does not parse or is zero (an empty cart's "0,00 €").</summary>
    private bool TakePrice(System.Text.RegularExpressions.Match m, EvidenceSource from)
    {
        if (!m.Success) return false;
        var currency = Prices.Currency(m.Groups["cur"].Value);
        if (Prices.Parse(m.Groups["num"].Value, currency) is not { } price || price <= 0) return false;
        _product.Price = price;
        _product.Currency ??= currency;
        _priceCues.Add(new Cue(CueKind.Price, m.Value.Trim(), from));
        return true;
    }

    /// <summary>Zero-width spaces dropped, every run of white space (no-break spaces too) one space, ends trimmed: one
    /// pass, and no copy at all for text that is already clean.</summary>
    internal static string Clean(string text)
    {
        var span = text.AsSpan();
        var clean = true;
        for (var i = 0; i < span.Length && clean; i++)
        {
            var c = span[i];
            if (Invisible(c) || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == span.Length - 1 || span[i + 1] == ' ' || char.IsWhiteSpace(span[i + 1]) || Invisible(span[i + 1])))) clean = false;
        }
        if (clean) return text;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (Invisible(c)) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Zero-width spaces and left-to-right / right-to-left marks (Amazon puts them in detail values).</summary>
    private static bool Invisible(char c) => c is '\u200b' or '\u200e' or '\u200f';

    /// <summary>What the walk writes for a `br`, so that <see cref="Clean(StringBuilder)"/> can tell a line the page drew
    /// from a line break in the HTML source.</summary>
    private const char LineBreak = '\u2028';

    /// <summary><see cref="Clean(string)"/> of a builder's text, read from its chunks: one string made, not two; a
    /// <see cref="LineBreak"/> becomes a newline, which ends a sentence.</summary>
    internal static string Clean(StringBuilder text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var n = 0;
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (Invisible(c)) continue;
                if (c == LineBreak)
                {
                    pendingBreak = n > 0;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = n > 0;
                    continue;
                }
                if (pendingBreak) buffer[n++] = '\n';
                else if (pendingSpace) buffer[n++] = ' ';
                pendingSpace = pendingBreak = false;
                buffer[n++] = c;
            }
        }
        var clean = new string(buffer, 0, n);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return clean;
    }
}
