using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Core.Model;

// The vocabulary of rules.md and check-cli.md. Enum members are PascalCase; their wire and database form is
// the kebab-case word of the spec ("stainless-steel", "json-ld", "non-sterile"), produced by Words.
public enum ProductKind { Roller, Stamp, Pen, Cartridge, Patch, Moisturiser, Serum, Other }
public enum NeedleMaterial { Titanium, StainlessSteel, Plastic, Dissolving, Other }
public enum IntendedUse { Home, Professional, Both }
public enum Sterility { Sterile, NonSterile, Unknown }
public enum SterilizationMethod { EthyleneOxide, Gamma, EBeam, Steam }
public enum Claim
{
    CollagenInduction, ScarTreatment, DeepScarTreatment, StretchMarks, Wrinkles, HairGrowth,
    CellRegeneration, Absorption, Exfoliation,
}
public enum Severity { Info, Warning, Error }
public enum FlagStatus { Open, Confirmed, Dismissed, Snoozed, Resolved }
public enum EvidenceSource { JsonLd, Microdata, Meta, Title, Spec, Bullets, Description, Variants, Listing, Other }
public enum ScanStatus { Queued, Running, Completed, Failed }

/// <summary>Converts the spec's enums to and from their kebab-case words.</summary>
public static class Words
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static string ToWord<T>(this T value) where T : struct, Enum =>
        WordsOf<T>.ByValue.TryGetValue(value, out var word) ? word : JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    // The checker names enums per sentence it reads: computed once per type instead of on every call.
    private static class WordsOf<T> where T : struct, Enum
    {
        public static readonly (T Value, string Word, string Name)[] All =
            Enum.GetValues<T>().Select(v => (v, JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), v.ToString())).ToArray();

        public static readonly Dictionary<T, string> ByValue = All.DistinctBy(e => e.Value).ToDictionary(e => e.Value, e => e.Word);
    }

    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(word)) return false;
        var trimmed = word.Trim();
        foreach (var (candidate, candidateWord, candidateName) in WordsOf<T>.All)
        {
            if (string.Equals(candidateWord, trimmed, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(candidateName, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    public static T Parse<T>(string word) where T : struct, Enum =>
        TryParse<T>(word, out var value) ? value : throw new FormatException($"'{word}' is not a {typeof(T).Name} word.");

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ToWord());

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
