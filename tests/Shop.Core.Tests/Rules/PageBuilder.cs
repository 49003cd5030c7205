using Shop.Core.Checking;
using Shop.Core.Model;

namespace Shop.Core.Tests.Rules;

/// <summary>Builds extracted pages the way the extractor fills them: facts plus the cues and length mentions behind them.</summary>
internal sealed class PageBuilder
{
    private readonly ExtractedPage _page = new();

    public static PageBuilder Roller(params double[] mm) => new PageBuilder().Kind(ProductKind.Roller).Lengths(mm);
    public static PageBuilder Of(ProductKind kind, params double[] mm) => new PageBuilder().Kind(kind).Lengths(mm);

    public PageBuilder Kind(ProductKind kind)
    {
        _page.Product.Kind = kind;
        _page.Product.Name ??= $"Test {kind}";
        _page.Cues.Add(new Cue(CueKind.Kind, $"Test {kind}", EvidenceSource.Title, kind.ToWord()));
        return this;
    }

    public PageBuilder Lengths(params double[] mm) => mm.Length == 0 ? this : Length(EvidenceSource.Spec, mm.Length > 1 ? LengthShape.Set : LengthShape.Single, mm);

    public PageBuilder Length(EvidenceSource from, LengthShape shape, params double[] mm)
    {
        _page.Lengths.Add(new LengthMention(mm.ToList(), $"Needle length: {string.Join("/", mm)} mm", from, shape));
        _page.Facts.NeedleLengthsMm = _page.Lengths.SelectMany(m => m.Mm).Distinct().Order().ToList();
        return this;
    }

    public PageBuilder Cue(CueKind kind, string text, string? value = null, EvidenceSource from = EvidenceSource.Bullets)
    {
        _page.Cues.Add(new Cue(kind, text, from, value));
        return this;
    }

    public PageBuilder Home() { _page.Facts.IntendedUse = IntendedUse.Home; return Cue(CueKind.HomeUse, "Perfect for at-home use"); }
    public PageBuilder Professional() { _page.Facts.IntendedUse = IntendedUse.Professional; return Cue(CueKind.ProfessionalUse, "For professional use only"); }
    public PageBuilder ProMarketing() => Cue(CueKind.ProfessionalMarketing, "Professional medical grade roller");
    public PageBuilder Claim(Claim claim, string text)
    {
        _page.Facts.Claims.Add(claim);
        return Cue(CueKind.Claim, text, claim.ToWord());
    }
    public PageBuilder SingleUse() { _page.Facts.SingleUse = true; return Cue(CueKind.SingleUse, "Single use only"); }
    public PageBuilder Reusable() { _page.Facts.SingleUse = false; return Cue(CueKind.Reusable, "Reusable and washable"); }
    public PageBuilder ReuseInstructions() { _page.Facts.SingleUse ??= false; return Cue(CueKind.ReuseInstructions, "Clean after each use and store in the case"); }
    public PageBuilder Sterile(SterilizationMethod? method = null)
    {
        _page.Facts.Sterility = Sterility.Sterile;
        _page.Facts.SterilizationMethod = method;
        Cue(CueKind.Sterile, "Sterile");
        return method is { } m ? Cue(CueKind.SterilizationMethod, $"Sterilized by {m.ToWord()}", m.ToWord()) : this;
    }
    public PageBuilder NonSterile() { _page.Facts.Sterility = Sterility.NonSterile; return Cue(CueKind.NonSterile, "Supplied non-sterile"); }
    public PageBuilder Material(NeedleMaterial material)
    {
        _page.Facts.NeedleMaterial = material;
        return Cue(CueKind.Material, $"{material.ToWord()} needles", material.ToWord());
    }
    public PageBuilder Price(decimal price, string currency)
    {
        _page.Product.Price = price;
        _page.Product.Currency = currency;
        return Cue(CueKind.Price, $"{price} {currency}", null, EvidenceSource.JsonLd);
    }

    public ExtractedPage Build() => _page;
}
