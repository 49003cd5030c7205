using Microsoft.EntityFrameworkCore;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Core.Catalogue;

public enum SaveOutcome { Saved, Invalid, NotFound }

public sealed record ProductSaveResult(SaveOutcome Outcome, Product? Product, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;
}

/// <summary>
/// Writes the catalogue: one code path for the admin pages, the CSV import and the API. Every change is validated by
/// <see cref="ProductInput"/> plus the database checks here, and audited in the same SaveChanges; bad input writes nothing.
/// </summary>
public class ProductCatalogue(ShopDbContext db, TimeProvider time)
{
    /// <summary>All checks of one listing, including a slug used by another product and an unknown supplier.</summary>
    public async Task<List<FieldError>> ValidateAsync(ProductInput input, int? productId, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (!errors.Any(e => e.Field == "slug") && await db.Products.AnyAsync(p => p.Slug == input.Slug && p.Id != (productId ?? 0), ct))
        {
            errors.Add(new FieldError("slug", $"The slug '{input.Slug}' is already used by another product."));
        }
        if (input.SupplierId is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
        {
            errors.Add(new FieldError("supplierId", $"There is no supplier {supplierId}."));
        }
        return errors;
    }

    public async Task<ProductSaveResult> CreateAsync(ProductInput input, string actor, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return new(SaveOutcome.Invalid, null, errors);
        var now = time.GetUtcNow().UtcDateTime;
        var product = new Product { Name = "", Slug = "", CreatedUtc = now, UpdatedUtc = now };
        input.ApplyTo(product);
        // The audit entry needs the new id, so product and entry are two inserts in one transaction.
        await InTransactionAsync(async () =>
        {
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(Audit(now, actor, "product.create", product, ProductInput.Changes(new ProductInput(), input)));
            await db.SaveChangesAsync(ct);
        }, ct);
        return new(SaveOutcome.Saved, product, []);
    }

    public async Task<ProductSaveResult> UpdateAsync(int productId, ProductInput input, string actor, CancellationToken ct = default)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return new(SaveOutcome.NotFound, null, [new FieldError("id", $"Product {productId} no longer exists.")]);
        var errors = await ValidateAsync(input, productId, ct);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(SaveOutcome.Invalid, product, errors);
        }
        var before = ProductInput.From(product);
        var changes = ProductInput.Changes(before, input);
        if (changes.Length == 0) return new(SaveOutcome.Saved, product, []);
        var now = time.GetUtcNow().UtcDateTime;
        input.ApplyTo(product);
        product.UpdatedUtc = now;
        db.AuditEntries.Add(Audit(now, actor, "product.update", product, changes));
        await db.SaveChangesAsync(ct);
        return new(SaveOutcome.Saved, product, []);
    }

    public async Task<bool> DeleteAsync(int productId, string actor, CancellationToken ct = default)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return false;
        db.Products.Remove(product);
        // Audit rows carry the product id without a foreign key, so the history outlives the product.
        db.AuditEntries.Add(Audit(time.GetUtcNow().UtcDateTime, actor, "product.delete", product, $"deleted \"{product.Name}\" ({product.Slug})"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Publishes or unpublishes the given products; returns how many changed.</summary>
    public async Task<int> SetPublishedAsync(IReadOnlyCollection<int> productIds, bool published, string actor, CancellationToken ct = default)
    {
        if (productIds.Count == 0) return 0;
        var now = time.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var chunk in productIds.Distinct().Chunk(500))
        {
            var products = await db.Products.Where(p => chunk.Contains(p.Id) && p.Published != published).ToListAsync(ct);
            foreach (var product in products)
            {
                product.Published = published;
                product.UpdatedUtc = now;
                db.AuditEntries.Add(Audit(now, actor, published ? "product.publish" : "product.unpublish", product,
                    $"published: {(published ? "no → yes" : "yes → no")}"));
            }
            changed += products.Count;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Runs the work in one transaction under the provider's execution strategy (SQL Server retries need it).</summary>
    public Task InTransactionAsync(Func<Task> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work();
            await transaction.CommitAsync(ct);
        });

    public static AuditEntry Audit(DateTime now, string actor, string action, Product product, string details) => new()
    {
        AtUtc = now,
        Actor = actor.Length <= 256 ? actor : actor[..256],
        Action = action,
        EntityType = "Product",
        EntityId = product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ProductId = product.Id,
        Details = details.Length <= 2000 ? details : details[..1999] + "…",
    };
}
