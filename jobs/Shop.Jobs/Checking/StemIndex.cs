using System.Buffers;

namespace Shop.Jobs.Checking;

/// <summary>Stems grouped in numbered families (at most 64). <see cref="FamiliesIn"/> finds every place a stem
/// starts with one search and gives the families present as bits: one scan instead of one per stem or family. ASCII text
/// is searched for the ASCII stems only (SearchValues is far faster on those, and no non-ASCII stem can match ASCII
/// text, ignoring case or not).</summary>
internal sealed class StemIndex
{
    private readonly SearchValues<string> _all;
    private readonly SearchValues<string> _ascii;
    private readonly Dictionary<char, (string Stem, ulong Families)[]> _byFirst;
    private readonly StringComparison _comparison;

    public StemIndex(string[][] families, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        if (comparison is not (StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase)) throw new ArgumentOutOfRangeException(nameof(comparison));
        _comparison = comparison;
        var stems = new Dictionary<string, ulong>(StringComparer.FromComparison(comparison));
        for (var f = 0; f < families.Length; f++)
        {
            foreach (var stem in families[f])
            {
                stems.TryGetValue(stem, out var bits);
                stems[stem] = bits | (1UL << f);
            }
        }
        _all = SearchValues.Create(stems.Keys.ToArray(), comparison);
        _ascii = SearchValues.Create(stems.Keys.Where(k => System.Text.Ascii.IsValid(k)).ToArray(), comparison);
        _byFirst = stems.GroupBy(kv => Key(kv.Key[0]))
            .ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value)).ToArray());
    }

    public ulong FamiliesIn(ReadOnlySpan<char> span)
    {
        var search = System.Text.Ascii.IsValid(span) ? _ascii : _all;
        ulong found = 0;
        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOfAny(search);
            if (at < 0) break;
            var i = offset + at;
            if (_byFirst.TryGetValue(Key(span[i]), out var candidates))
            {
                foreach (var (stem, bits) in candidates)
                {
                    if (span[i..].StartsWith(stem, _comparison)) found |= bits;
                }
            }
            offset = i + 1;
        }
        return found;
    }

    private char Key(char c) => _comparison == StringComparison.Ordinal ? c : char.ToUpperInvariant(c);

    public static bool In(ulong families, int family) => (families & (1UL << family)) != 0;
}
