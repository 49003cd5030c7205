using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Core.Flags;

public enum FlagActionOutcome { Done, NotFound, Stale, Invalid }

/// <summary>What became of a merchandiser's action; <see cref="Message"/> is shown to them as it is.</summary>
public sealed record FlagActionResult(FlagActionOutcome Outcome, string Message, string? Field = null)
{
    public bool Succeeded => Outcome == FlagActionOutcome.Done;
    internal static FlagActionResult Done(string message) => new(FlagActionOutcome.Done, message);
    internal static FlagActionResult Invalid(string message, string field) => new(FlagActionOutcome.Invalid, message, field);
}

/// <summary>
/// The merchandiser's decisions on flags: one code path for the review pages and the API. Every action checks the
/// flag's version, writes its audit entry in the same SaveChanges as the change, and keeps the product's open-flag
/// count and safety hold right, so a stale or repeated action changes nothing.
/// </summary>
public class FlagActions(ShopDbContext db, TimeProvider time)
{
    public const int MaxReasonLength = 1000;

    public Task<FlagActionResult> ConfirmAsync(int flagId, Guid? version, string actor, string? note = null, CancellationToken ct = default) =>
        ActAsync(flagId, version, actor, "flag.confirm", string.IsNullOrWhiteSpace(note) ? null : Truncate(note.Trim(), MaxReasonLength), ct, (flag, now) =>
        {
            if (flag.Status is not (FlagStatus.Open or FlagStatus.Snoozed))
            {
                return FlagActionResult.Invalid($"This flag is {flag.Status.ToWord()}; only open or snoozed flags can be confirmed.", "status");
            }
            flag.Status = FlagStatus.Confirmed;
            flag.SnoozedUntilUtc = null;
            flag.ClosedUtc = now;
            if (flag.Severity == Severity.Error)
            {
                // An error the merchandiser agrees with is a safety problem: the product leaves the storefront now.
                flag.Product!.OnHold = true;
                flag.Product.HoldReason = Truncate($"Confirmed {flag.Rule}: {flag.Message}", MaxReasonLength);
                return FlagActionResult.Done($"Confirmed. \"{flag.Product.Name}\" is on safety hold and no longer sold.");
            }
            return FlagActionResult.Done("Confirmed.");
        });

    public Task<FlagActionResult> DismissAsync(int flagId, Guid? version, string? reason, string actor, CancellationToken ct = default)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Task.FromResult(FlagActionResult.Invalid("Say why this flag is dismissed.", "reason"));
        }
        if (trimmed.Length > MaxReasonLength)
        {
            return Task.FromResult(FlagActionResult.Invalid($"The reason must be at most {MaxReasonLength} characters.", "reason"));
        }
        return ActAsync(flagId, version, actor, "flag.dismiss", trimmed, ct, (flag, now) =>
        {
            if (flag.Status is not (FlagStatus.Open or FlagStatus.Snoozed))
            {
                return FlagActionResult.Invalid($"This flag is {flag.Status.ToWord()}; only open or snoozed flags can be dismissed.", "status");
            }
            flag.Status = FlagStatus.Dismissed;
            flag.DismissReason = trimmed;
            // Remembered against the evidence: a rescan finding the same words keeps it dismissed (FlagSync).
            flag.DismissedEvidenceHash = flag.EvidenceHash;
            flag.SnoozedUntilUtc = null;
            flag.ClosedUtc = now;
            return FlagActionResult.Done("Dismissed. It stays dismissed while the supplier's evidence is unchanged.");
        });
    }

    public Task<FlagActionResult> SnoozeAsync(int flagId, Guid? version, DateTime untilUtc, string actor, CancellationToken ct = default)
    {
        var until = DateTime.SpecifyKind(untilUtc, DateTimeKind.Utc);
        var now = time.GetUtcNow().UtcDateTime;
        if (until <= now)
        {
            return Task.FromResult(FlagActionResult.Invalid("Snooze until a date in the future.", "until"));
        }
        if (until > now.AddYears(1))
        {
            return Task.FromResult(FlagActionResult.Invalid("Snooze for at most a year.", "until"));
        }
        return ActAsync(flagId, version, actor, "flag.snooze", $"until {until:yyyy-MM-dd HH:mm} UTC", ct, (flag, _) =>
        {
            if (flag.Status is not (FlagStatus.Open or FlagStatus.Snoozed))
            {
                return FlagActionResult.Invalid($"This flag is {flag.Status.ToWord()}; only open or snoozed flags can be snoozed.", "status");
            }
            flag.Status = FlagStatus.Snoozed;
            flag.SnoozedUntilUtc = until;
            return FlagActionResult.Done($"Snoozed until {until:yyyy-MM-dd HH:mm} UTC.");
        });
    }

    /// <summary>Puts a held product back on sale. Admins only: the caller checks the role.</summary>
    public async Task<FlagActionResult> ReleaseHoldAsync(int productId, string? reason, string actor, CancellationToken ct = default)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return FlagActionResult.Invalid("Say why the hold is released.", "reason");
        }
        if (trimmed.Length > MaxReasonLength)
        {
            return FlagActionResult.Invalid($"The reason must be at most {MaxReasonLength} characters.", "reason");
        }
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return new(FlagActionOutcome.NotFound, $"Product {productId} no longer exists.");
        }
        if (!product.OnHold)
        {
            return FlagActionResult.Invalid($"\"{product.Name}\" is not on hold.", "status");
        }
        var now = time.GetUtcNow().UtcDateTime;
        product.OnHold = false;
        product.HoldReason = null;
        product.UpdatedUtc = now;
        db.AuditEntries.Add(Audit(now, actor, "product.release-hold", "Product", product.Id.ToString(), product.Id, trimmed));
        await db.SaveChangesAsync(ct);
        return FlagActionResult.Done($"Hold released. \"{product.Name}\" is for sale again.");
    }

    private async Task<FlagActionResult> ActAsync(
        int flagId, Guid? version, string actor, string action, string? details, CancellationToken ct,
        Func<Flag, DateTime, FlagActionResult> apply)
    {
        var flag = await db.Flags.Include(f => f.Product).FirstOrDefaultAsync(f => f.Id == flagId, ct);
        if (flag is null)
        {
            return new(FlagActionOutcome.NotFound, $"Flag {flagId} no longer exists; it may have been resolved by a rescan.");
        }
        if (version is { } expected && expected != flag.Version)
        {
            return Stale();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var result = apply(flag, now);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        flag.Version = Guid.NewGuid();
        var product = flag.Product!;
        product.OpenFlagCount = await db.Flags.CountAsync(
            f => f.ProductId == product.Id && f.Id != flag.Id && f.Status == FlagStatus.Open, ct)
            + (flag.Status == FlagStatus.Open ? 1 : 0);
        product.UpdatedUtc = now;
        db.AuditEntries.Add(Audit(now, actor, action, "Flag", flag.Id.ToString(), product.Id,
            details is null ? flag.Rule : $"{flag.Rule}: {details}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else acted on this flag between our read and our write; their decision stands.
            db.ChangeTracker.Clear();
            return Stale();
        }
        return result;
    }

    private static FlagActionResult Stale() =>
        new(FlagActionOutcome.Stale, "Someone else changed this flag in the meantime. Reload it and decide again.");

    private static AuditEntry Audit(DateTime now, string actor, string action, string type, string id, int productId, string details) => new()
    {
        AtUtc = now,
        Actor = actor,
        Action = action,
        EntityType = type,
        EntityId = id,
        ProductId = productId,
        Details = Truncate(details, 2000),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
