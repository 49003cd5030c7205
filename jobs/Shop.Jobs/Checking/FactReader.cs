using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Shop.Core.Checking;
using Shop.Core.Model;

namespace Shop.Jobs.Checking;

/// <summary>Turns a page's text blocks into the facts of rules.md and the cues the rules cite.</summary>
internal static class FactReader
{
    private const int MaxCuesPerKind = 3;
    private const int MaxEvidenceChars = 240;

    public static void Read(ExtractedPage page, IReadOnlyList<TextBlock> blocks, CancellationToken ct)
    {
        var product = page.Product;
        var kindCue = FindKind(product.Name, blocks);
        product.Kind = kindCue?.Kind;
        if (kindCue is not null) page.Cues.Add(new Cue(CueKind.Kind, kindCue.Text, kindCue.From, kindCue.Kind.ToWord()));
        var kind = product.Kind;
        var needled = kind is null or ProductKind.Roller or ProductKind.Stamp or ProductKind.Pen or ProductKind.Cartridge or ProductKind.Patch;

        var counter = new Dictionary<(CueKind, string?), int>();
        var seen = new HashSet<(CueKind, string)>();
        void Add(CueKind cueKind, string sentence, Match match, EvidenceSource from, string? value = null)
        {
            var key = (cueKind, value);
            counter.TryGetValue(key, out var n);
            if (n >= MaxCuesPerKind) return;
            var text = Snippet(sentence, match);
            if (!seen.Add((cueKind, value + "|" + text))) return;
            counter[key] = n + 1;
            page.Cues.Add(new Cue(cueKind, text, from, value));
        }

        // What the title and the variant selector offer: a depth guide over exactly these lengths is about this product.
        // Read only when a page holds a guide.
        HashSet<double>? offeredSet = null;
        Func<HashSet<double>> offered = () => offeredSet ??= OfferedLengths(blocks);
        // A guide as a table ("0.5mm: fine lines | Clinic", "1.0mm: acne scarring | Clinic", ...): rows over other lengths.
        var guideRows = needled ? GuideRows(blocks, offered) : [];
        var processed = 0;
        var seenBlocks = new HashSet<string>(blocks.Count, StringComparer.Ordinal);
        // A sentence read once gives nothing the second time (a cue is kept once per kind, value and text, whatever block it
        // stood in), and descriptions stand on a page up to three times (visible, JSON-LD, meta): each is read once.
        var seenSentences = new HashSet<string>(StringComparer.Ordinal);
        var seenSentence = seenSentences.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var block in blocks)
        {
            if ((++processed & 63) == 0) ct.ThrowIfCancellationRequested();
            // Link text (menus, "see also" products) names other pages, not this product.
            if (block.From == EvidenceSource.Other) continue;
            if (!seenBlocks.Add(block.Text)) continue;
            var text = block.Text;
            var lengthsInBlock = needled && HasLengthUnit(text);
            if (lengthsInBlock) ReadLengths(page, block);
            // A depth guide ("0.2-0.3mm: absorption; 0.5mm: fine lines; ...") splits into sentences at its semicolons.
            var guide = needled && (guideRows.Contains(text) || lengthsInBlock && IsDepthGuide(text) && !OwnLengths(text, offered()));
            // Sentences as ranges of the block: a string is made only for the few that hold a stem.
            foreach (var range in Vocabulary.SentenceBreak().EnumerateSplits(text))
            {
                var sentence = text.AsSpan(range).Trim();
                if (sentence.Length < 3) continue;
                // Most sentences (menus, prices, shipping notes) hold no stem at all: one scan rules them out.
                var families = Stems.FamiliesIn(sentence);
                if (families == 0 || seenSentence.Contains(sentence)) continue;
                var s = sentence.Length == text.Length ? text : sentence.ToString();
                seenSentences.Add(s);
                // A guide's "in clinics, 1.5 mm and above is used by professionals" is about needling, not about this product;
                // so is each part of "As a general guide, 0.2-0.3mm ...; 2.0mm and above for deep scarring" split at a semicolon.
                if (HasLengthUnit(s) && (guide || IsGeneralLengthTalk(s, offered) ||
                                         s.Length < text.Length && IsGeneralLengthTalk(WholeSentence(text, range), offered))) continue;
                ReadCues(s, families, block.From, kind, Add);
            }
        }

        var facts = page.Facts;
        if (needled) KeepProductLengths(page.Lengths, offered, guideRows);
        facts.NeedleLengthsMm = needled
            ? page.Lengths.SelectMany(m => m.Mm).Select(v => Math.Round(v, 3)).Distinct().Order().ToList()
            : [];
        if (!needled) page.Lengths.Clear();

        var home = page.Has(CueKind.HomeUse);
        var professional = page.Has(CueKind.ProfessionalUse);
        facts.IntendedUse = home && professional ? IntendedUse.Both : home ? IntendedUse.Home : professional ? IntendedUse.Professional : null;
        facts.SingleUse = page.Has(CueKind.SingleUse) ? true
            : page.Has(CueKind.Reusable) || page.Has(CueKind.ReuseInstructions) ? false
            : null;
        facts.Sterility = page.Has(CueKind.NonSterile) ? Sterility.NonSterile
            : page.Has(CueKind.Sterile) ? Sterility.Sterile
            // Told to sterilise it before first use and never called sterile: it ships non-sterile.
            : page.Has(CueKind.SterilizeBeforeUse) ? Sterility.NonSterile
            : Sterility.Unknown;
        facts.SterilizationMethod = facts.Sterility == Sterility.Sterile && page.FirstCue(CueKind.SterilizationMethod)?.Value is { } method
            ? Words.Parse<SterilizationMethod>(method)
            : null;
        facts.Claims = page.CuesOf(CueKind.Claim).Select(c => Words.Parse<Claim>(c.Value!)).Distinct().Order().ToList();

        if (needled)
        {
            facts.NeedleMaterial = MaterialOf(page, blocks, kind);
            facts.NeedleCount = CountOf(page, blocks);
        }
        if (!needled)
        {
            page.Cues.RemoveAll(c => c.Kind is CueKind.Material or CueKind.NeedleCount);
        }
    }

    // ---- kind -------------------------------------------------------------------------------------------------

    private sealed record KindFound(ProductKind Kind, string Text, EvidenceSource From);

    private static KindFound? FindKind(string? name, IReadOnlyList<TextBlock> blocks)
    {
        var nameBlock = blocks.FirstOrDefault(b => b.From == EvidenceSource.Title) ?? blocks.FirstOrDefault(b => b.Label == "name");
        if (name is not null && Classify(name) is { } byName)
        {
            // "Facial roller" is both a jade roller and a derma roller; the page's needles tell which.
            if (byName == ProductKind.Other && !StoneRoller.IsMatch(name) && blocks.Any(b => NeedleEvidence.IsMatch(b.Text) && !NoNeedles.IsMatch(b.Text)))
            {
                byName = ProductKind.Roller;
            }
            var from = nameBlock is not null && nameBlock.Text.Contains(name, StringComparison.OrdinalIgnoreCase) ? nameBlock.From : EvidenceSource.JsonLd;
            return new KindFound(byName, Trim(name), from);
        }
        foreach (var block in blocks.Where(b => b.From == EvidenceSource.Title || b.Label is "name" or "title"))
        {
            if (Classify(block.Text) is { } k) return new KindFound(k, Trim(block.Text), block.From);
        }
        foreach (var block in blocks.Where(b => b.Label is "category").Concat(blocks.Take(40)))
        {
            if (block.Text.Length > 400) continue;
            if (Classify(block.Text) is { } k and not ProductKind.Other) return new KindFound(k, Trim(block.Text), block.From);
        }
        return null;
    }

    private static readonly Regex StoneRoller = new(@"jade|quartz|gua\s*sha|\bice\b|cryo|stone|amethyst|obsidian|jadeite|massage", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex NeedleEvidence = new(@"\b\d{2,4}\s*(?:pcs\s*)?(?:titanium\s*|stainless[-\s]steel\s*|steel\s*)?(?:micro[-\s]?)?needles\b|needle\s*(?:length|size|depth)|micro[-\s]?needl|derma[-\s]?roller", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex NoNeedles = new(@"no\s*needles|without\s*needles|needle[-\s]?free|unlike\s*(?:a\s*)?derma|not\s*a\s*derma", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly Regex PinCountOnly = new(@"^\d{1,2}[-\s]?pins?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    internal static ProductKind? Classify(string text)
    {
        var head = text;
        var end = Vocabulary.NameHeadEnd().Match(text);
        if (end.Success && end.Index > 3) head = text[..end.Index];
        return ClassifyPart(head) ?? (ReferenceEquals(head, text) ? null : ClassifyPart(text));
    }

    // Words every match of a kind regex holds (one of them at least), read off the regexes in Vocabulary: text without
    // any of them cannot match, so the regex is not run. Only for ASCII text, where a case-insensitive regex matches ASCII
    // letters only and a substring test ignoring case is exact; other text runs every regex.
    private static readonly SearchValues<string> PatchWords = SearchValues.Create(["patch", "dart", "pflaster", "parche"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> CartridgeWordsAny = SearchValues.Create(
        ["cartridge", "needle", "replacement", "pin", "nano", "kartusche", "nadelmodul", "cartouche", "cartucho", "agujas"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> PenWords = SearchValues.Create(["pen", "electric", "my", "stylo", "stift", "pluma"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> RollerWords = SearchValues.Create(
        ["roll", "rouleau", "rodillo", "rullo", "mikronadel", "mts", "drs", "zgts"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> SerumWords = SearchValues.Create(
        ["serum", "ampoule", "essence", "concentrate", "suero", "booster", "stem", "hyaluronic", "oil"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> MoisturiserWords = SearchValues.Create(
        ["moisturi", "cream", "creme", "lotion", "balm", "hydrating", "gel", "feuchtigkeit", "hidratante", "emulsion"], StringComparison.OrdinalIgnoreCase);

    private static bool May(string t, bool ascii, SearchValues<string> words) => !ascii || t.AsSpan().ContainsAny(words);

    private static ProductKind? ClassifyPart(string t)
    {
        var ascii = System.Text.Ascii.IsValid(t);
        if (May(t, ascii, PatchWords) && Vocabulary.PatchKind().IsMatch(t)) return ProductKind.Patch;
        if (Vocabulary.StampKind().IsMatch(t) && StampEvidence.IsMatch(t)) return ProductKind.Stamp;
        var roller = May(t, ascii, RollerWords);
        if (May(t, ascii, CartridgeWordsAny))
        {
            var cartridge = Vocabulary.CartridgeKind().Match(t);
            // "12 pin" alone says cartridge only when nothing names a roller
            if (cartridge.Success && !(PinCountOnly.IsMatch(cartridge.Value) && roller && Vocabulary.RollerKind().IsMatch(t))) return ProductKind.Cartridge;
        }
        if (May(t, ascii, PenWords) && Vocabulary.PenKind().IsMatch(t)) return ProductKind.Pen;
        if (roller && Vocabulary.RollerKind().IsMatch(t)) return ProductKind.Roller;
        if (roller && Vocabulary.NeedlelessRoller().IsMatch(t)) return ProductKind.Other;
        if (May(t, ascii, SerumWords) && Vocabulary.SerumKind().IsMatch(t)) return ProductKind.Serum;
        if (May(t, ascii, MoisturiserWords) && Vocabulary.MoisturiserKind().IsMatch(t)) return ProductKind.Moisturiser;
        return null;
    }

    // ---- lengths ----------------------------------------------------------------------------------------------

    private static readonly SearchValues<string> LengthUnits = SearchValues.Create(["mm", "µm", "μm", "um", "mic", "millim", "milím"], StringComparison.OrdinalIgnoreCase);
    // The same without the non-ASCII units, for ASCII text (no non-ASCII unit can stand in it): a much faster search.
    private static readonly SearchValues<string> AsciiLengthUnits = SearchValues.Create(["mm", "um", "mic", "millim"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Cheap test before the length regex: a unit right after a figure ("0.5mm", "250 um", "1,0 Millimeter").</summary>
    private static bool HasLengthUnit(string text)
    {
        var span = text.AsSpan();
        var units = System.Text.Ascii.IsValid(span) ? AsciiLengthUnits : LengthUnits;
        var offset = 0;
        while (true)
        {
            var at = span[offset..].IndexOfAny(units);
            if (at < 0) return false;
            var i = offset + at - 1;
            if (i >= 0 && span[i] == ' ') i--;
            if (i >= 0 && char.IsAsciiDigit(span[i])) return true;
            offset += at + 2;
            if (offset >= span.Length) return false;
        }
    }

    private static void ReadLengths(ExtractedPage page, TextBlock block)
    {
        if (block.Label is { } label && Vocabulary.NotLengthBefore().IsMatch(label + " ")) return;
        var variantValues = block.From == EvidenceSource.Variants ? new List<double>() : null;
        var text = block.Text;
        var previousEnd = 0;
        foreach (Match m in Vocabulary.Length().Matches(text))
        {
            var start = Math.Max(previousEnd, m.Index - 40);
            var before = text[start..m.Index];
            previousEnd = m.Index + m.Length;
            var after = text[previousEnd..Math.Min(text.Length, previousEnd + 24)];
            if (Vocabulary.NotLengthBefore().IsMatch(before) || Vocabulary.NotLengthAfter().IsMatch(after)) continue;
            if (DimensionBefore.IsMatch(before)) continue;
            var all = m.Groups["all"].Value;
            var values = Figures(m).ToList();
            var isRange = values.Count == 2 && Vocabulary.RangeSeparator().IsMatch(all);
            // An adjustable pen's "0-2.5 mm" gives 2.5 only: 0 is the retracted position, not a needle length (rules.md
            // asks for the range ends; a 0 would make every adjustable pen "implausible").
            values = values.Where(v => v > 0).Distinct().ToList();
            if (values.Count == 0) continue;
            // Past a few millimetres a figure is a dimension (roller head, handle, "pen length: 155 mm"), not a needle,
            // unless it names the needles (then it is a likely unit error the implausible-length rule reports).
            if (values.Max() > 5.0 && !Vocabulary.NeedleWord().IsMatch((block.Label ?? "") + " " + before)) continue;
            if (variantValues is not null)
            {
                variantValues.AddRange(values);
                continue;
            }
            var shape = isRange ? LengthShape.Range : values.Count > 1 ? LengthShape.Set : LengthShape.Single;
            if (shape == LengthShape.Single && values.Count == 1 && FromZero.IsMatch(all)) shape = LengthShape.Range;
            AddLength(page, new LengthMention(values, Snippet(SentenceAround(text, m), m), block.From, shape));
        }
        if (variantValues is { Count: > 0 })
        {
            var distinct = variantValues.Distinct().Order().ToList();
            AddLength(page, new LengthMention(distinct, Trim(text), block.From, distinct.Count > 1 ? LengthShape.Set : LengthShape.Single));
        }
    }

    /// <summary>Drops the mentions that are not lengths of this product, in three steps.</summary>
    private static void KeepProductLengths(List<LengthMention> lengths, Func<HashSet<double>> offered, HashSet<string> guideRows)
    {
        DropGeneralTalk(lengths, offered, guideRows);
        DropUnstatedRunningText(lengths);
        DropRangeSettings(lengths);
    }

    /// <summary>Talk about needle lengths in general ("typically 0.2-0.3 mm", "clinics use 0.5-1.5 mm"), a guide over other
    /// lengths, and a length asked about in an FAQ ("Can I buy a longer 0.5 mm head?"), unless nothing else states one.</summary>
    private static void DropGeneralTalk(List<LengthMention> lengths, Func<HashSet<double>> offered, HashSet<string> guideRows)
    {
        bool General(LengthMention m) => m.Text.EndsWith('?') || IsGeneralLengthTalk(m.Text, offered) || guideRows.Contains(m.Text);
        if (lengths.Any(m => !General(m))) lengths.RemoveAll(General);
    }

    /// <summary>rules.md reads lengths from the title, the spec and the structured data: where those state any, a length
    /// found only in running text (a description's guide, a comparison) is not the product's. Kept: running text inside
    /// a stated range, and a range in running text that spans every stated length (an adjustable pen described in prose,
    /// its depth guide in a table).</summary>
    private static void DropUnstatedRunningText(List<LengthMention> lengths)
    {
        if (!lengths.Any(m => Stated(m.From))) return;
        var stated = lengths.Where(m => Stated(m.From)).SelectMany(m => m.Mm).ToHashSet();
        lengths.RemoveAll(m => !Stated(m.From) && m.Mm.Any(v => !stated.Contains(v)) &&
                               !lengths.Any(r => r.Shape == LengthShape.Range && Stated(r.From) && m.Mm.All(v => Inside(v, Span(r)))) &&
                               !(m.Shape == LengthShape.Range && stated.All(v => Inside(v, Span(m)))));
    }

    /// <summary>An adjustable range's settings ("0.5 mm: fine lines" in a pen's depth guide) and narrower stretches of it
    /// ("at 2.0-2.5 mm it reaches deep scars"): rules.md reads a range as its ends.</summary>
    private static void DropRangeSettings(List<LengthMention> lengths)
    {
        var ranges = lengths.Where(m => m.Shape == LengthShape.Range).Select(Span).ToList();
        if (ranges.Count == 0) return;
        lengths.RemoveAll(m => m.From != EvidenceSource.Variants && m.Shape switch
        {
            LengthShape.Single => m.Mm.All(v => ranges.Any(r => v > r.Min + 0.001 && v < r.Max - 0.001)),
            LengthShape.Range => ranges.Any(r => r.Max - r.Min > Span(m).Max - Span(m).Min + 0.001 && Inside(Span(m).Min, r) && Inside(Span(m).Max, r)),
            _ => false,
        });
    }

    /// <summary>A range's ends; "0-2.5 mm" is stored as its upper end alone.</summary>
    private static (double Min, double Max) Span(LengthMention m) => (m.Mm.Count == 1 ? 0 : m.Mm.Min(), m.Mm.Max());

    private static bool Inside(double value, (double Min, double Max) range) => value >= range.Min - 0.001 && value <= range.Max + 0.001;

    private static bool Stated(EvidenceSource from) =>
        from is EvidenceSource.Title or EvidenceSource.Spec or EvidenceSource.JsonLd or EvidenceSource.Microdata or EvidenceSource.Variants or EvidenceSource.Bullets;

    /// <summary>The sentence a piece of the block stands in, up to the stops around it (a semicolon does not end it).</summary>
    private static string WholeSentence(string text, Range piece)
    {
        var (start, length) = piece.GetOffsetAndLength(text.Length);
        // A full stop between digits is a decimal point ("0.5mm"), not the end of a sentence.
        bool Stop(int i) => text[i] is '!' or '?' or '\n' || text[i] == '.' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
        var from = start - 1;
        while (from >= 0 && !Stop(from)) from--;
        var to = start + length;
        while (to < text.Length && !Stop(to)) to++;
        return text[(from + 1)..to];
    }

    private static bool IsGeneralLengthTalk(string s, Func<HashSet<double>> offered) =>
        s.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && HasLengthUnit(s) &&
        (Vocabulary.GeneralTalk().IsMatch(s) || (IsDepthGuide(s) && !OwnLengths(s, offered()))) && Vocabulary.Length().IsMatch(s);

    private static readonly Regex GuideRow = new(@"^\s*\d+(?:[.,]\d+)?\s*(?:mm)?\s*(?:[-–]\s*\d+(?:[.,]\d+)?\s*)?mm\s*[:–]", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>The texts of three or more blocks in a row that each start with a length and what it is for, when their
    /// lengths are not the product's own.</summary>
    private static HashSet<string> GuideRows(IReadOnlyList<TextBlock> blocks, Func<HashSet<double>> offered)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count;)
        {
            var end = i;
            while (end < blocks.Count && blocks[end].Text.Length < 200 && GuideRow.IsMatch(blocks[end].Text)) end++;
            if (end - i >= 3 && !blocks.Skip(i).Take(end - i).All(b => OwnLengths(b.Text, offered())))
            {
                for (var k = i; k < end; k++) rows.Add(blocks[k].Text);
            }
            i = Math.Max(end, i + 1);
        }
        return rows;
    }

    private static HashSet<double> OfferedLengths(IReadOnlyList<TextBlock> blocks)
    {
        var offered = new HashSet<double>();
        foreach (var block in blocks)
        {
            if (block.From is EvidenceSource.Title or EvidenceSource.Variants && HasLengthUnit(block.Text)) offered.UnionWith(FiguresIn(block.Text));
        }
        return offered;
    }

    private static bool OwnLengths(string text, HashSet<double> offered) => offered.Count > 0 && FiguresIn(text).All(offered.Contains);

    /// <summary>Every figure of every length phrase in the text, in millimetres.</summary>
    private static IEnumerable<double> FiguresIn(string text) =>
        Vocabulary.Length().Matches(text).SelectMany(Figures).Where(v => v > 0);

    /// <summary>The figures of one length phrase ("0.5/1.0 mm", "0,25-2,5 mm", "250 µm") in millimetres, zeros included
    /// (the retracted end of "0-2.5 mm" still makes it a range).</summary>
    private static IEnumerable<double> Figures(Match length)
    {
        var unit = length.Groups["unit"].Value.ToLowerInvariant();
        // mm and the millimetre words; the rest (µm, um, microns) are thousandths.
        var scale = unit.StartsWith("mm", StringComparison.Ordinal) || unit.StartsWith("mil", StringComparison.Ordinal) ? 1.0 : 0.001;
        foreach (Match n in Vocabulary.Number().Matches(length.Groups["all"].Value))
        {
            if (double.TryParse(n.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) yield return Math.Round(v * scale, 3);
        }
    }

    /// <summary>"0.2-0.3mm: absorption; 0.5mm: fine lines; 1.5-2.0mm: deep scars": a guide to needle lengths in one
    /// sentence, three or more lengths each followed by what it is for.</summary>
    private static bool IsDepthGuide(string s)
    {
        var entries = 0;
        for (var at = s.IndexOf("mm", StringComparison.OrdinalIgnoreCase); at >= 0; at = s.IndexOf("mm", at + 2, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + 2;
            while (next < s.Length && s[next] == ' ') next++;
            if (next < s.Length && s[next] is ':' or '–' or '=' && ++entries >= 3) return true;
        }
        return false;
    }

    private static void AddLength(ExtractedPage page, LengthMention mention)
    {
        if (page.Lengths.Count >= 40) return;
        // One sentence may state several lengths ("0.5mm: face; 1.0mm: scars"): the same text with other figures is kept.
        if (page.Lengths.Any(m => m.From == mention.From && m.Text == mention.Text && m.Mm.SequenceEqual(mention.Mm))) return;
        page.Lengths.Add(mention);
    }

    // ---- cues -------------------------------------------------------------------------------------------------

    private static readonly Regex StampEvidence = new(@"derma|micro|needl|pin|\bmm\b|titan|nadel|aiguille|aguja", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex DimensionBefore = new(@"\d\s*[x×*]\s*$", RegexOptions.Compiled);
    private static readonly Regex FromZero = new(@"^\s*0\s*(?:-|–|~|to)", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex PatchNeedleWords = new("needle|patch|spicule|dart", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex NeedleNear = new(@"needle|pin|nadel|aiguille|aguja|roller|derma|micro|head|tips?\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex BodyNear = new(@"handle|grip|case|body|shell|box|housing|griff|manche|mango", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex Negation = new(@"(?:\bnot\b|\bnever\b|\bno\b|n['’]t|\bnicht\b|\bkein\w*|\bpas\b|\bni\b)\W+(?:\w+\W+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex CartridgeWords = new(@"cartridge|needle\s*head|needle\s*tip|\btips?\b|\bheads?\b|kartusche|cartouche|cartucho", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex BodyWords = new(@"\bpen\b|handpiece|hand\s*piece|machine|device\s*body|\bhandle\b|motor|\bstylo\b|corps\s+du|handstück|\bgerät|\bstift\b|\bpluma\b|\bbolígrafo|cuerpo\s+del", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex SterilWord = new(@"steril|stéril|estéril|irradiat|kGy|ethylene\s*oxide", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // "Not for sale to the public for self-treatment", "not intended for use at home": the negation governs a phrase
    // that stands further back than Negation's two words. Commas end it, so "not suitable for sensitive skin, ideal for
    // home use" still markets home use.
    private static readonly Regex DistantNegation = new(@"\b(?:not|never)\s+(?:for\s+sale|sold|available|intended|suitable|meant|designed|recommended)\s+(?:to|for)\b[^.;!?,]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex DeniedInside = new(@"\b(?:not|n['’]t|never|nicht|pas|no)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex SterileSomethingElse = new(@"^\s*(?:saline|water|gauze|wipes?|cotton|gloves?|field|environment|conditions|swabs?|solution|kochsalz\w*|wasser|eau|sérum\s+physiologique|agua|suero)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex NoAnswer = new(@"^:\s*(?:no|nein|non|não)\s*[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // The comparison runs to the end of its clause: through "unlike rollers, which must be cleaned, disinfected and
    // stored", not past "unlike disposable patches, ours can be used again".
    private static readonly Regex Comparison = new(@"\b(?:unlike|instead\s+of|rather\s+than|replaces?|compared\s+(?:to|with)|than|no\s+more|no\s+need\s+for|anders\s+als|statt|au\s+lieu\s+des?|contrairement\s+aux?|en\s+lugar\s+de|a\s+diferencia\s+de)\b(?:[^.;!?,]|,(?!\s*(?:ours?|this|these|it|they|we|you|unser\w*|dies\w*|notre|nos|cette|ce|nuestr\w*|est[ea]s?)\b))*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex ClaimDisclaimer = new(@"^\W*(?:do\s+not|don['’]t|never|nicht|niemals|ne\s+pas|n'utilisez\s+pas|no\s+(?:use|utilice|aplique|usar))\b|^\W*no[,.!]|\b(?:won['’]t|can['’]t|cannot|doesn['’]t|isn['’]t|will\s+not|does\s+not|is\s+not)\s+(?:\w+\s+){0,2}?(?:treat|cure|remove|heal|fix|erase)\w*|\b(?:not|never|nicht|kein\w*|pas|no)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:intended|designed|meant|suitable|for\s+(?:the\s+)?treat\w*|to\s+treat|treat\w*|cure\w*|zur\s+behandlung|gedacht|bestimmt|geeignet|destiné\w*|conçu\w*|pour\s+traiter|para\s+(?:el\s+)?trat\w*|indicad\w*|diseñad\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static bool Compared(string sentence, Match m) => Comparison.IsMatch(sentence[Math.Max(0, m.Index - 70)..m.Index]);

    // "n'est pas destiné à un usage à domicile", "nicht für die Anwendung zu Hause", "no está indicado para uso en casa".
    private static readonly Regex DistantNegationOther = new(@"(?:n'|ne\s+)(?:est|sont|convient|doit)\s+pas\b[^.;!?,]{0,60}$|\bnicht\s+(?:für|zur|zum|geeignet|bestimmt|gedacht|vorgesehen)\b[^.;!?,]{0,60}$|\bno\s+(?:es|está|son|están)\s+(?:apt|indicad|destinad|diseñad|recomendad)\w*\b[^.;!?,]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // French negation wraps the verb: "Pour un usage personnel, nous ne vendons pas d'appareil".
    private static readonly Regex NegationAfter = new(@"^[^.;!?]{0,40}\bne\s+\w+\s+pas\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Most matches have no negation word near them: one scan for the words rules out the four regexes.
    // Whole words only where a stem is also a common part of words ("no" in "innovation", "ni" in "skin").
    private static readonly SearchValues<string> NegationWords = SearchValues.Create(["not ", "never", "nicht", "kein", " pas ", " no ", "n't", "n’t", " ni "], StringComparison.OrdinalIgnoreCase);

    private static bool HasNegationWord(ReadOnlySpan<char> text) =>
        text.ContainsAny(NegationWords) || StartsWithWord(text, "no") || StartsWithWord(text, "ni");

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[word.Length]));

    private static bool Negated(string sentence, Match m)
    {
        var before = sentence.AsSpan(Math.Max(0, m.Index - 90), Math.Min(90, m.Index));
        var after = sentence.AsSpan(m.Index + m.Length);
        if (after.Length > 40) after = after[..40];
        if (!HasNegationWord(before) && !after.Contains(" ne ", StringComparison.OrdinalIgnoreCase)) return false;
        var near = before.Length > 30 ? before[^30..] : before;
        return Negation.IsMatch(near) || DistantNegation.IsMatch(before) || DistantNegationOther.IsMatch(before) || NegationAfter.IsMatch(after);
    }

    private delegate void AddCue(CueKind kind, string sentence, Match match, EvidenceSource from, string? value = null);

    private static bool Has(string text, SearchValues<string> stems) => text.AsSpan().ContainsAny(stems);

    private static readonly string[] Stems0Words = ["home", "haus", "domicil", "maison", "casa", "personal", "self", "diy", "beginner", "bathroom", "personnel"];
    private static readonly string[] Stems1Words = ["profes", "salon", "clinic", "practition", "esthetic", "aesthetic", "dermatolog", "physician", "spa", "medical", "hospital", "grade", "pro ", "fachpersonal", "profis", "profi", "fachhand", "fachhänd", "kosmetik", "abgabe"];
    private static readonly string[] Stems2Words = ["single", "one-time", "one time", "one use", "once", "dispos", "reuse", "re-use", "re use", "discard", "re-used", "einweg", "einmal", "wiederverw", "unique", "jetable", "réutil", "solo uso", "desechable", "reutiliz"];
    private static readonly string[] Stems3Words = ["reus", "re-us", "re us", "washable", "multiple", "several", "many", "repeated", "can be", "can re", "wieder", "waschbar", "réutil", "lavable", "reutil"];
    private static readonly string[] Stems4Words = ["each", "every", "store", "replace", "lasts", "last up", "last for", "times", "dull", "nach jede", "chaque", "cada", "anwendungen", "aufbewahren", "lagern", "guardalo", "guárdalo", "guarde", "guardar", "ranger", "rangez", "nach der anwendung"];
    private static readonly string[] Stems5Words = ["steril", "téril", "gamma", "irradi", "kgy", "e-beam", "ebeam", "electron", "ethylen", "autoclav", "disinf", "desinf", "désinf", "sanitiz", "soak"];
    private static readonly string[] Stems6Words = ["before", "prior", "vor ", "avant", "antes"];
    private static readonly string[] Stems7Words = ["alcohol", "isopropyl", "ethanol", "boil", "uv", "hot water", "alkohol", "alcool", "koch", "bouill", "hirv"];
    private static readonly string[] Stems8Words = ["seal", "individ", "blister", "pack", "pouch", "do not", "lot ", "lot:", "lot#", "batch", "exp.", "exp ", "expir", "expiry", "use by", "use-by", "shelf", "haltbar", "verfall", "péremption", "caducidad", "sellad", "versiegelt", "scellé"];
    private static readonly string[] Stems9Words = ["roll", "needl", "dermis", "derma", " pen", "stamp", "mts", "collagen induction", "deeper", "channel", "derme"];
    private static readonly string[] Stems10Words = ["dissol", "solub", "hyaluron", "hialur", "auflös", "disolv", "disuel"];
    private static readonly string[] Stems11Words = ["plastic", "abs ", "abs-", "pp ", "pp-", "pc ", "polyprop", "polycarb", "resin", "nylon", "plastique", "plástico", "kunststoff"];
    private static readonly string[] Stems12Words = ["steel", "316", "sus", "stahl", "inox"];
    private static readonly string[] Stems13Words = ["needl", "pin", "nadel", "aiguille", "aguja", "drs", "mt", "zgts", "cones", "darts", "spikes"];
    private static readonly string[] Stems14Words = ["collag", "kollag", "colág", "cit"];
    private static readonly string[] Stems15Words = ["scar", "narbe", "cicatri"];
    private static readonly string[] Stems16Words = ["stretch", "striae", "streifen", "vergeture", "estría"];
    private static readonly string[] Stems17Words = ["wrinkl", "fine line", "anti", "falten", "rides", "arruga"];
    private static readonly string[] Stems18Words = ["hair", "beard", "alopecia", "haar", "cheveu", "cabello", "pelo", "repousse", "grow", "barba", "bartwuchs", "barbe", "haarwuchs"];
    private static readonly string[] Stems19Words = ["regenera", "renewal", "repair", "zellerneuer", "régénér"];
    private static readonly string[] Stems20Words = ["absor", "penetration", "aufnahme", "aufgenommen", "pénétr", "absorc", "hautschicht", "penetran"];
    private static readonly string[] Stems21Words = ["exfoli", "peel", "dead skin"];

    private const int FdaFamily = 22, TitanFamily = 23;

    // Families 14 to 21: the stems of the claims.
    private const ulong ClaimFamilies = ((1UL << 22) - 1) & ~((1UL << 14) - 1);

    // Which stem families a sentence holds, found in one scan instead of one scan per family.
    private static readonly StemIndex Stems = new(
    [
        Stems0Words, Stems1Words, Stems2Words, Stems3Words, Stems4Words, Stems5Words, Stems6Words, Stems7Words, Stems8Words, Stems9Words,
        Stems10Words, Stems11Words, Stems12Words, Stems13Words, Stems14Words, Stems15Words, Stems16Words, Stems17Words, Stems18Words,
        Stems19Words, Stems20Words, Stems21Words, ["fda"], ["titan"],
    ]);

    private static bool In(ulong families, int family) => (families & (1UL << family)) != 0;

    // Each regex runs only on sentences holding one of its stems: a substring test is far cheaper than a scan with
    // dozens of case-insensitive alternatives, and most sentences hold none of a family's words.
    private static void ReadCues(string s, ulong families, EvidenceSource from, ProductKind? kind, AddCue add)
    {
        Match m;
        // "Use at home: No", "Es de uso profesional: No": a spec row answered no states the opposite.
        if (s.LastIndexOf(':') is var colon && colon >= 0 && s.Length - colon <= 10 && NoAnswer.IsMatch(s.AsSpan(colon))) return;
        // An FAQ's question ("Are the patches reusable?", "Peut-on l'utiliser à domicile ?") states nothing; its answer does.
        var question = s.EndsWith('?');
        if (!question && In(families, 0) &&
            (m = Vocabulary.HomeUse().Match(s)).Success && !Negated(s, m)) add(CueKind.HomeUse, s, m, from);
        if (!question && In(families, 1))
        {
            if ((m = Vocabulary.ProfessionalUse().Match(s)).Success && !Negated(s, m)) add(CueKind.ProfessionalUse, s, m, from);
            if ((m = Vocabulary.ProfessionalMarketing().Match(s)).Success && !Negated(s, m)) add(CueKind.ProfessionalMarketing, s, m, from);
        }

        // A pen is not single-use because its cartridges are: on a pen's page "single-use" and "do not re-use" are about
        // the cartridges unless the sentence names the pen itself. A cartridge is not reusable because its pen is.
        // "Unlike disposable patches", "replaces 120 single-use patches" compare with other products.
        if (!question && In(families, 2) &&
            (m = Vocabulary.SingleUse().Match(s)).Success && !(kind == ProductKind.Pen && !BodyWords.IsMatch(s)) && !Compared(s, m))
            add(CueKind.SingleUse, s, m, from);
        if (question) return;
        var reusable = In(families, 3) ? Vocabulary.Reusable().Match(s) : Match.Empty;
        var reuseInstructions = In(families, 4) ? Vocabulary.ReuseInstructions().Match(s) : Match.Empty;
        if (reusable.Success || reuseInstructions.Success)
        {
            var partOfBody = kind is ProductKind.Cartridge or ProductKind.Patch && BodyWords.IsMatch(s);
            var partOfCartridge = kind is ProductKind.Pen && CartridgeWords.IsMatch(s) && !BodyWords.IsMatch(s);
            // "Unlike derma rollers, which have to be cleaned after each use": another product's care.
            if (reusable.Success && !partOfBody && !partOfCartridge && !Compared(s, reusable)) add(CueKind.Reusable, s, reusable, from);
            if (reuseInstructions.Success && !partOfBody && !Compared(s, reuseInstructions)) add(CueKind.ReuseInstructions, s, reuseInstructions, from);
        }

        var sterilWords = In(families, 5);
        if (sterilWords)
        {
            var nonSterile = Vocabulary.NonSterile().Match(s);
            var before = In(families, 6) ? Vocabulary.SterilizeBeforeUse().Match(s) : Match.Empty;
            var alcohol = In(families, 7)
                ? Vocabulary.AlcoholSterilization().Match(s) : Match.Empty;
            // The four method regexes are the costliest of the family: read only where their answer is used.
            (SterilizationMethod Method, Match Match)? method = null;
            var methodRead = false;
            (SterilizationMethod Method, Match Match)? Method()
            {
                if (!methodRead) { method = MethodOf(s); methodRead = true; }
                return method;
            }
            var alcoholOnly = alcohol.Success && Method() is null;
            if (nonSterile.Success) add(CueKind.NonSterile, s, nonSterile, from);
            if (before.Success) add(CueKind.SterilizeBeforeUse, s, before, from);
            // "alcohol disinfects – it does not sterilize" says it right.
            if (alcoholOnly && !DeniedInside.IsMatch(alcohol.Value)) add(CueKind.AlcoholCalledSterilization, s, alcohol, from);
            if (!nonSterile.Success && !before.Success && !alcoholOnly)
            {
                // "Rinse with sterile saline" names another sterile thing, not this product.
                if ((m = Vocabulary.Sterile().Match(s)).Success && !Negated(s, m) && !SterileSomethingElse.IsMatch(s.AsSpan(m.Index + m.Length)))
                    add(CueKind.Sterile, s, m, from);
                if (SterilWord.IsMatch(s) && Method() is { } found) add(CueKind.SterilizationMethod, s, found.Match, from, found.Method.ToWord());
            }
        }
        if (In(families, 8) &&
            (m = Vocabulary.SterilePackaging().Match(s)).Success) add(CueKind.SterilePackaging, s, m, from);
        if (In(families, FdaFamily) && (m = Vocabulary.FdaApproved().Match(s)).Success) add(CueKind.FdaApproved, s, m, from);
        if (In(families, 9) &&
            (m = Vocabulary.TopicalForNeedling().Match(s)).Success) add(CueKind.TopicalForNeedling, s, m, from);

        ReadClaims(s, families, from, add);

        if (In(families, 10) && (m = Vocabulary.Dissolving().Match(s)).Success &&
            (kind is ProductKind.Patch || PatchNeedleWords.IsMatch(s)) && !Compared(s, m))
            add(CueKind.Material, s, m, from, NeedleMaterial.Dissolving.ToWord());
        if (In(families, 11) && (m = Vocabulary.Plastic().Match(s)).Success && !Compared(s, m))
            add(CueKind.Material, s, m, from, NeedleMaterial.Plastic.ToWord());
        if (In(families, TitanFamily) && (m = Vocabulary.Titanium().Match(s)).Success && MaterialIsNeedles(s, m))
            add(CueKind.Material, s, m, from, NeedleMaterial.Titanium.ToWord());
        if (In(families, 12) && (m = Vocabulary.Steel().Match(s)).Success && MaterialIsNeedles(s, m))
            add(CueKind.Material, s, m, from, NeedleMaterial.StainlessSteel.ToWord());

        if (In(families, 13) && s.AsSpan().IndexOfAnyInRange('0', '9') >= 0 &&
            ((m = Vocabulary.NeedleCountLabelled().Match(s)).Success || (m = Vocabulary.NeedleCount().Match(s)).Success))
        {
            add(CueKind.NeedleCount, s, m, from, m.Groups["n"].Value);
        }
    }

    private static bool MaterialIsNeedles(string s, Match m)
    {
        var near = s[Math.Max(0, m.Index - 30)..Math.Min(s.Length, m.Index + m.Length + 30)];
        if (NeedleNear.IsMatch(near)) return true;
        return !BodyNear.IsMatch(near);
    }

    // Every wording MethodEo knows holds one of these ("EO", "E.O.", "EtO", "ethylene", "éthylène", "etileno").
    private static readonly SearchValues<string> EoStems = SearchValues.Create(["eo", "e.o", "eto", "ethylen", "éthylène", "etileno"], StringComparison.OrdinalIgnoreCase);

    private static (SterilizationMethod Method, Match Match)? MethodOf(string s)
    {
        Match m;
        if (Has(s, EoStems) && (m = Vocabulary.MethodEo().Match(s)).Success) return (SterilizationMethod.EthyleneOxide, m);
        if ((m = Vocabulary.MethodGamma().Match(s)).Success) return (SterilizationMethod.Gamma, m);
        if ((m = Vocabulary.MethodEBeam().Match(s)).Success) return (SterilizationMethod.EBeam, m);
        if ((m = Vocabulary.MethodSteam().Match(s)).Success) return (SterilizationMethod.Steam, m);
        return null;
    }

    private static void ReadClaims(string s, ulong families, EvidenceSource from, AddCue add)
    {
        Match m;
        if ((families & ClaimFamilies) == 0) return;
        // "Not intended to treat scars, wrinkles or stretch marks", "nicht zur Behandlung von Narben ... gedacht":
        // a disclaimer, every claim in it denied.
        if ((HasNegationWord(s) || s.StartsWith("do not", StringComparison.OrdinalIgnoreCase)) && ClaimDisclaimer.IsMatch(s)) return;
        if (In(families, 14) && (m = Vocabulary.ClaimCollagen().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.CollagenInduction.ToWord());
        if (In(families, 15))
        {
            if ((m = Vocabulary.ClaimDeepScar().Match(s)).Success)
            {
                add(CueKind.Claim, s, m, from, Claim.DeepScarTreatment.ToWord());
                add(CueKind.Claim, s, m, from, Claim.ScarTreatment.ToWord());
            }
            else if ((m = Vocabulary.ClaimScar().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.ScarTreatment.ToWord());
        }
        if (In(families, 16) && (m = Vocabulary.ClaimStretchMarks().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.StretchMarks.ToWord());
        if (In(families, 17) && (m = Vocabulary.ClaimWrinkles().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.Wrinkles.ToWord());
        if (In(families, 18) && (m = Vocabulary.ClaimHair().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.HairGrowth.ToWord());
        if (In(families, 19) && (m = Vocabulary.ClaimRegeneration().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.CellRegeneration.ToWord());
        if (In(families, 20) && (m = Vocabulary.ClaimAbsorption().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.Absorption.ToWord());
        // "no exfoliating acids" is no exfoliation claim.
        if (In(families, 21) && (m = Vocabulary.ClaimExfoliation().Match(s)).Success && !Negated(s, m)) add(CueKind.Claim, s, m, from, Claim.Exfoliation.ToWord());
    }

    // ---- material and count -------------------------------------------------------------------------------------

    private static readonly Regex MaterialLabel = new(@"material|materi|werkstoff", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex CountLabel = new(@"(?:number|no\.|count|quantity|qty|anzahl|nombre|número).*(?:needles?|pins?|nadeln|aiguilles|agujas)|(?:needles?|pins?|nadeln|aiguilles|agujas)\s*(?:count|number|quantity|qty|anzahl)?\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static NeedleMaterial? MaterialOf(ExtractedPage page, IReadOnlyList<TextBlock> blocks, ProductKind? kind)
    {
        var dissolving = page.CuesOf(CueKind.Material).FirstOrDefault(c => c.Value == "dissolving");
        if (kind == ProductKind.Patch && dissolving is not null) return NeedleMaterial.Dissolving;
        foreach (var block in blocks)
        {
            if (block.Label is not { } label || !MaterialLabel.IsMatch(label)) continue;
            if (Regex.IsMatch(label, "handle|griff|manche|mango|case|box", RegexOptions.IgnoreCase)) continue;
            var value = block.Text;
            if (Vocabulary.Dissolving().IsMatch(value) || Regex.IsMatch(value, "hyaluron", RegexOptions.IgnoreCase)) return NeedleMaterial.Dissolving;
            // "Titan, ABS-Kunststoff": a metal beside a plastic is the needles' metal and the handle's plastic.
            if (Vocabulary.Titanium().IsMatch(value)) return NeedleMaterial.Titanium;
            if (Vocabulary.Steel().IsMatch(value)) return NeedleMaterial.StainlessSteel;
            if (Regex.IsMatch(value, @"\b(?:plastic|ABS|PP|polypropylene|polycarbonate|resin|nylon)\b", RegexOptions.IgnoreCase)) return NeedleMaterial.Plastic;
        }
        var first = page.CuesOf(CueKind.Material).FirstOrDefault();
        return first?.Value is { } word ? Words.Parse<NeedleMaterial>(word) : null;
    }

    private static int? CountOf(ExtractedPage page, IReadOnlyList<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Label is not { } label || !CountLabel.IsMatch(label)) continue;
            var m = Regex.Match(block.Text[(block.Text.IndexOf(':') + 1)..], @"\b(\d{1,4})\b");
            if (m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        }
        foreach (var cue in page.CuesOf(CueKind.NeedleCount))
        {
            if (int.TryParse(cue.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 5000) return n;
        }
        return null;
    }

    // ---- evidence text --------------------------------------------------------------------------------------------

    private static string SentenceAround(string text, Match m)
    {
        var start = m.Index;
        while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n' or '•') || (start > 0 && text[start - 1] == '.' && start < text.Length && char.IsAsciiDigit(text[start]))) start--;
        var end = m.Index + m.Length;
        while (end < text.Length && text[end] is not ('!' or '?' or '\n' or '•') && !(text[end] == '.' && (end + 1 >= text.Length || text[end + 1] == ' '))) end++;
        // A question keeps its mark: a length asked about is no length of the product (see KeepProductLengths).
        if (end < text.Length && text[end] == '?') end++;
        return text[start..end].Trim();
    }

    private static string Snippet(string sentence, Match m)
    {
        if (sentence.Length <= MaxEvidenceChars) return sentence;
        var index = sentence.IndexOf(m.Value, StringComparison.Ordinal);
        if (index < 0) index = 0;
        var from = Math.Max(0, index - 100);
        var to = Math.Min(sentence.Length, index + m.Length + 100);
        while (from > 0 && sentence[from] != ' ') from--;
        while (to < sentence.Length && sentence[to] != ' ') to++;
        return sentence[from..to].Trim();
    }

    private static string Trim(string text) => text.Length <= MaxEvidenceChars ? text : text[..MaxEvidenceChars].TrimEnd();
}
