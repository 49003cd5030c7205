using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Checking;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Core.Flags;

/// <summary>What a scan did to one product's flags.</summary>
public sealed record FlagSyncSummary(int Opened, int Reopened, int Updated, int Resolved, int NewErrors)
{
    public static readonly FlagSyncSummary None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Keeps a product's flags true to its latest checked page: a rule firing again updates its one flag (last seen,
/// evidence); a rule that stops firing resolves its open flag; a dismissed flag stays dismissed while the evidence
/// hash is the one it was dismissed against and re-opens when the evidence changes; confirmed flags are the
/// merchandiser's decision and only get their last seen updated. Changes are tracked, not saved: the scan saves them
/// with the page's outcome in one SaveChanges.
/// </summary>
public class FlagSync(ShopDbContext db, TimeProvider time)
{
    public const string Actor = "scanner";

    // Compiled once: run for every scanned page.
    private static readonly Func<ShopDbContext, int, IAsyncEnumerable<Flag>> FlagsOf =
        EF.CompileAsyncQuery((ShopDbContext db, int productId) => db.Flags.Where(f => f.ProductId == productId));

    public async Task<FlagSyncSummary> ApplyAsync(Product product, IReadOnlyList<RuleHit> hits, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var flags = new List<Flag>();
        await foreach (var flag in FlagsOf(db, product.Id).WithCancellation(ct)) flags.Add(flag);
        int opened = 0, reopened = 0, updated = 0, resolved = 0, newErrors = 0;

        // One flag per rule: a checker reporting a rule twice counts once, with the first hit's words.
        foreach (var hit in hits.DistinctBy(h => h.Rule))
        {
            var hash = EvidenceHash(hit.Evidence);
            var flag = flags.FirstOrDefault(f => f.Rule == hit.Rule);
            if (flag is null)
            {
                flag = new Flag
                {
                    ProductId = product.Id, Rule = hit.Rule, Severity = hit.Severity, Status = FlagStatus.Open,
                    Message = Truncate(hit.Message, 1000), EvidenceHash = hash, Evidence = ToEvidence(hit.Evidence),
                    FirstSeenUtc = now, LastSeenUtc = now,
                };
                db.Flags.Add(flag);
                flags.Add(flag);
                opened++;
                if (hit.Severity == Severity.Error) newErrors++;
                Audit(now, product.Id, "flag.open", hit.Rule);
                continue;
            }

            var evidenceChanged = flag.EvidenceHash != hash;
            flag.LastSeenUtc = now;
            flag.Severity = hit.Severity;
            flag.Message = Truncate(hit.Message, 1000);
            if (evidenceChanged)
            {
                flag.EvidenceHash = hash;
                flag.Evidence = ToEvidence(hit.Evidence);
            }

            var reopen = flag.Status switch
            {
                FlagStatus.Resolved => true,
                FlagStatus.Dismissed => flag.DismissedEvidenceHash != hash,
                _ => false,
            };
            if (reopen)
            {
                Audit(now, product.Id, "flag.reopen", flag.Status == FlagStatus.Dismissed
                    ? $"{hit.Rule}: the evidence changed since it was dismissed"
                    : $"{hit.Rule}: fires again");
                flag.Status = FlagStatus.Open;
                flag.ClosedUtc = null;
                flag.SnoozedUntilUtc = null;
                reopened++;
                if (hit.Severity == Severity.Error) newErrors++;
            }
            else
            {
                updated++;
            }
            // Any change a merchandiser could be looking at makes their open form stale.
            if (reopen || evidenceChanged) flag.Version = Guid.NewGuid();
        }

        var firing = hits.Select(h => h.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in flags.Where(f => !firing.Contains(f.Rule) && f.Status is FlagStatus.Open or FlagStatus.Snoozed))
        {
            flag.Status = FlagStatus.Resolved;
            flag.ClosedUtc = now;
            flag.SnoozedUntilUtc = null;
            flag.Version = Guid.NewGuid();
            resolved++;
            Audit(now, product.Id, "flag.resolve", $"{flag.Rule}: no longer fires on the supplier page");
        }

        product.OpenFlagCount = flags.Count(f => f.Status == FlagStatus.Open);
        if (opened + reopened + resolved > 0) product.UpdatedUtc = now;
        return new FlagSyncSummary(opened, reopened, updated, resolved, newErrors);
    }

    /// <summary>SHA-256 over the evidence (source and text, in order), hex: what a dismissal is remembered against.</summary>
    public static string EvidenceHash(IEnumerable<Evidence> evidence)
    {
        var text = string.Join("\n", evidence.Select(e => $"{e.From.ToWord()}\t{e.Text.Trim()}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static List<FlagEvidence> ToEvidence(IEnumerable<Evidence> evidence) =>
        evidence.Select(e => new FlagEvidence { Text = Truncate(e.Text, 1000), From = e.From }).ToList();

    private void Audit(DateTime now, int productId, string action, string details) => db.AuditEntries.Add(new AuditEntry
    {
        AtUtc = now, Actor = Actor, Action = action, EntityType = "Product", EntityId = productId.ToString(),
        ProductId = productId, Details = Truncate(details, 2000),
    });

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
