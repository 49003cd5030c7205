using System.Text.Json;
using Shop.Core.Model;

namespace Shop.Core.Checking;

/// <summary>What one supplier page says: identity, facts, and the snippets the rules rest on. Stored per supplier
/// page (Words.Json) so the rules, notably the catalogue-* ones, can run again after a listing edit without a refetch.</summary>
public sealed class ExtractedPage
{
    public CheckedProduct Product { get; set; } = new();
    public PageFacts Facts { get; set; } = new();

    /// <summary>Every needle length the page states, each with where it stood.</summary>
    public List<LengthMention> Lengths { get; set; } = [];

    /// <summary>Phrases that back the facts and the rules (home use, single use, sterile, claims...).</summary>
    public List<Cue> Cues { get; set; } = [];

    public IEnumerable<Cue> CuesOf(CueKind kind) => Cues.Where(c => c.Kind == kind);
    public Cue? FirstCue(CueKind kind) => Cues.FirstOrDefault(c => c.Kind == kind);
    public bool Has(CueKind kind) => Cues.Any(c => c.Kind == kind);

    public string ToJson() => JsonSerializer.Serialize(this, Words.Json);
    public static ExtractedPage FromJson(string json) =>
        JsonSerializer.Deserialize<ExtractedPage>(json, Words.Json) ?? throw new JsonException("empty extracted page");
}

public enum LengthShape
{
    /// <summary>One length ("Needle length: 0.5 mm").</summary>
    Single,
    /// <summary>A kit or list of lengths on offer ("0.5/1.0/1.5 mm").</summary>
    Set,
    /// <summary>An adjustable range ("0.25-2.5 mm"); any length between its ends is explained by it.</summary>
    Range,
}

public sealed record LengthMention(List<double> Mm, string Text, EvidenceSource From, LengthShape Shape = LengthShape.Single)
{
    public Evidence ToEvidence() => new(Text, From);
}

/// <summary>The kinds of phrase the extractor looks for; each cue keeps the exact sentence it came from.</summary>
public enum CueKind
{
    Kind,
    HomeUse,
    ProfessionalUse,
    ProfessionalMarketing,
    SingleUse,
    Reusable,
    ReuseInstructions,
    Sterile,
    NonSterile,
    SterilizationMethod,
    SterilePackaging,
    SterilizeBeforeUse,
    AlcoholCalledSterilization,
    FdaApproved,
    TopicalForNeedling,
    Material,
    NeedleCount,
    Claim,
    Price,
}

/// <summary>A phrase found on the page. Value carries the word it stands for where one applies (a claim, a material,
/// a method, a kind).</summary>
public sealed record Cue(CueKind Kind, string Text, EvidenceSource From, string? Value = null)
{
    public Evidence ToEvidence() => new(Text, From);
}
