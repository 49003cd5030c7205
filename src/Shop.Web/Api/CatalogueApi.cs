using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Core.Catalogue;
using Shop.Core.Data;
using Shop.Core.Model;
using Shop.Jobs.Scanning;
using Shop.Web.Infrastructure;

namespace Shop.Web.Api;

/// <summary>The /api/v1 group: API-key authentication for every call, then each capability's endpoints.</summary>
public static class ShopApi
{
    public static RouteGroupBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiKeys.Policy);
        api.MapSuppliersApi();
        api.MapProductsApi();
        api.MapFlagsApi();
        api.MapScansApi();
        return api;
    }

    /// <summary>400 problem details naming every bad field: `errors: { field: [messages] }`.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request has invalid fields.",
        detail: string.Join(" ", errors.Select(e => e.Message)),
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        });

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: message);

    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "api";

    /// <summary>
    /// Reads a JSON object field by field, so that a wrong type is reported against its field ("price": "abc")
    /// instead of failing the whole body, and an unknown field (a typo) is refused rather than ignored.
    /// </summary>
    public sealed class JsonFields(JsonElement body, IReadOnlyCollection<string> known)
    {
        public List<FieldError> Errors { get; } = Check(body, known);

        private static List<FieldError> Check(JsonElement body, IReadOnlyCollection<string> known)
        {
            if (body.ValueKind != JsonValueKind.Object) return [new FieldError("body", "Send a JSON object.")];
            return body.EnumerateObject().Where(p => !known.Contains(p.Name))
                .Select(p => new FieldError(p.Name, $"Unknown field '{p.Name}'.")).ToList();
        }

        private JsonElement? Get(string name) =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        public string? String(string name)
        {
            if (Get(name) is not { } value) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Errors.Add(new FieldError(name, $"'{name}' must be a string."));
            return null;
        }

        public bool? Bool(string name)
        {
            if (Get(name) is not { } value) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Errors.Add(new FieldError(name, $"'{name}' must be true or false."));
            return null;
        }

        /// <summary>A money amount as a JSON number or, as check-cli's listing writes it, a decimal string ("14.50").</summary>
        public decimal? Decimal(string name)
        {
            if (Get(name) is not { } value) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
            if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
            Errors.Add(new FieldError(name, $"'{name}' must be a decimal number such as 14.50."));
            return null;
        }

        public T? Number<T>(string name, Func<JsonElement, (bool, T)> read) where T : struct
        {
            if (Get(name) is not { } value) return null;
            if (value.ValueKind == JsonValueKind.Number && read(value) is (true, var number)) return number;
            Errors.Add(new FieldError(name, $"'{name}' must be a number."));
            return null;
        }

        public List<string> Strings(string name)
        {
            if (Get(name) is not { } value) return [];
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                return value.EnumerateArray().Select(v => v.GetString()!).ToList();
            Errors.Add(new FieldError(name, $"'{name}' must be an array of strings."));
            return [];
        }
    }
}

/// <summary>api.md's supplier endpoints (Admin keys).</summary>
public static class SuppliersApi
{
    public sealed record SupplierDto(int Id, string Name, string BaseUrl, string? Schedule, bool Enabled);
    public sealed record SupplierList(IReadOnlyList<SupplierDto> Items, int Total);
    private static readonly string[] Fields = ["name", "baseUrl", "schedule", "enabled"];

    public static RouteGroupBuilder MapSuppliersApi(this RouteGroupBuilder api)
    {
        var suppliers = api.MapGroup("/suppliers").RequireAuthorization(ShopWebExtensions.AdminPolicy);
        suppliers.MapGet("/", async Task<IResult> (ShopDbContext db, int? skip, int? take, CancellationToken ct) =>
        {
            if (Paging.Check(skip, take) is { } problem) return problem;
            var query = db.Suppliers.AsNoTracking();
            var total = await query.CountAsync(ct);
            var items = await query.OrderBy(s => s.Id).Skip(skip ?? 0).Take(take ?? Paging.DefaultTake)
                .Select(s => new SupplierDto(s.Id, s.Name, s.BaseUrl, s.Schedule, s.Enabled)).ToListAsync(ct);
            return TypedResults.Ok(new SupplierList(items, total));
        });
        suppliers.MapGet("/{id:int}", async Task<IResult> (int id, ShopDbContext db, CancellationToken ct) =>
            await db.Suppliers.AsNoTracking().Where(s => s.Id == id).Select(s => new SupplierDto(s.Id, s.Name, s.BaseUrl, s.Schedule, s.Enabled))
                .FirstOrDefaultAsync(ct) is { } supplier ? TypedResults.Ok(supplier) : ShopApi.NotFound($"There is no supplier {id}."));
        suppliers.MapPost("/", CreateAsync);
        return api;
    }

    private static async Task<IResult> CreateAsync(JsonElement body, ShopDbContext db, ScanSchedules schedules, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var fields = new ShopApi.JsonFields(body, Fields);
        var input = new SupplierInput { Name = fields.String("name"), BaseUrl = fields.String("baseUrl"), Schedule = fields.String("schedule") };
        var enabled = fields.Bool("enabled") ?? true;
        var errors = fields.Errors.Concat(input.Validate()).ToList();
        if (input.Name is not null && await db.Suppliers.AnyAsync(s => s.Name == input.Name, ct))
            errors.Add(new FieldError("name", $"A supplier named '{input.Name}' already exists."));
        if (errors.Count > 0) return ShopApi.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var supplier = new Supplier { Name = input.Name!, BaseUrl = input.BaseUrl!, Schedule = input.Schedule, Enabled = enabled, CreatedUtc = now };
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, Actor = ShopApi.Actor(http), Action = "supplier.create", EntityType = "Supplier",
                EntityId = supplier.Id.ToString(), Details = $"{supplier.Name} {supplier.BaseUrl} schedule: {supplier.Schedule ?? "none"}",
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        // As the supplier page does: a schedule given here runs from now on, not only after the next restart.
        schedules.Apply(supplier);
        return TypedResults.Created($"/api/v1/suppliers/{supplier.Id}",
            new SupplierDto(supplier.Id, supplier.Name, supplier.BaseUrl, supplier.Schedule, supplier.Enabled));
    }
}

/// <summary>api.md's product endpoints (Merchandiser or Admin keys); writes go through <see cref="ProductCatalogue"/>.</summary>
public static class ProductsApi
{
    public sealed record ProductDto(int Id, string Name, string Slug, string Kind, double? NeedleLengthMm, string? IntendedUse,
        bool? SingleUse, bool? Sterile, decimal Price, string Currency, bool Published, bool OnHold, int? SupplierId,
        string? SupplierUrl, int OpenFlags);
    public sealed record ProductList(IReadOnlyList<ProductDto> Items, int Total);

    private static readonly string[] Fields =
    [
        "name", "slug", "kind", "brand", "description", "price", "currency", "needleLengthMm", "needleCount", "needleMaterial",
        "intendedUse", "singleUse", "sterile", "claims", "published", "supplierId", "supplierUrl",
    ];

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").RequireAuthorization(ShopWebExtensions.MerchandiserPolicy);
        products.MapGet("/", ListAsync);
        products.MapGet("/{id:int}", async Task<IResult> (int id, ShopDbContext db, CancellationToken ct) =>
            await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
                ? TypedResults.Ok(ToDto(product)) : ShopApi.NotFound($"There is no product {id}."));
        products.MapPost("/", CreateAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(ShopDbContext db, string? kind, string? flagged, string? q, int? skip, int? take, CancellationToken ct)
    {
        if (Paging.Check(skip, take) is { } problem) return problem;
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Words.TryParse<ProductKind>(kind, out var k))
                return ShopApi.Invalid([new FieldError("kind", $"Unknown kind '{kind}': use one of {string.Join(", ", Words.All<ProductKind>())}.")]);
            query = query.Where(p => p.Kind == k);
        }
        if (!string.IsNullOrWhiteSpace(flagged))
        {
            if (!bool.TryParse(flagged, out var f)) return ShopApi.Invalid([new FieldError("flagged", "flagged must be true or false.")]);
            query = f ? query.Where(p => p.OpenFlagCount > 0) : query.Where(p => p.OpenFlagCount == 0);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Case-insensitive, like the admin and storefront searches (Contains is case-sensitive on SQLite).
            var pattern = LikePattern.Containing(q.Trim());
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.Escape) || EF.Functions.Like(p.Slug, pattern, LikePattern.Escape));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Id).Skip(skip ?? 0).Take(take ?? Paging.DefaultTake).ToListAsync(ct);
        return TypedResults.Ok(new ProductList(items.Select(ToDto).ToList(), total));
    }

    private static async Task<IResult> CreateAsync(JsonElement body, ProductCatalogue catalogue, HttpContext http, CancellationToken ct)
    {
        var fields = new ShopApi.JsonFields(body, Fields);
        var input = new ProductInput
        {
            Name = fields.String("name"), Slug = fields.String("slug"), Kind = fields.String("kind"), Brand = fields.String("brand"),
            Description = fields.String("description"), Currency = fields.String("currency"),
            Price = fields.Decimal("price"),
            NeedleLengthMm = fields.Number("needleLengthMm", e => (e.TryGetDouble(out var v), v)),
            NeedleCount = fields.Number("needleCount", e => (e.TryGetInt32(out var v), v)),
            NeedleMaterial = fields.String("needleMaterial"), IntendedUse = fields.String("intendedUse"),
            SingleUse = fields.Bool("singleUse"), Sterile = fields.Bool("sterile"), Claims = fields.Strings("claims"),
            Published = fields.Bool("published") ?? false,
            SupplierId = fields.Number("supplierId", e => (e.TryGetInt32(out var v), v)), SupplierUrl = fields.String("supplierUrl"),
        };
        if (fields.Errors.Count > 0)
        {
            // Type errors first; the listing checks would only repeat them as "missing".
            var typed = fields.Errors.Select(e => e.Field).ToHashSet();
            return ShopApi.Invalid(fields.Errors.Concat(input.Validate().Where(e => !typed.Contains(e.Field))));
        }
        var result = await catalogue.CreateAsync(input, ShopApi.Actor(http), ct);
        if (!result.Succeeded) return ShopApi.Invalid(result.Errors);
        return TypedResults.Created($"/api/v1/products/{result.Product!.Id}", ToDto(result.Product));
    }

    public static ProductDto ToDto(Product p) => new(p.Id, p.Name, p.Slug, p.Kind.ToWord(), p.NeedleLengthMm, p.IntendedUse?.ToWord(),
        p.SingleUse, p.Sterile, p.Price, p.Currency, p.Published, p.OnHold, p.SupplierId, p.SupplierUrl, p.OpenFlagCount);
}

internal static class Paging
{
    public const int DefaultTake = 50;
    public const int MaxTake = 500;

    public static ProblemHttpResult? Check(int? skip, int? take)
    {
        if (skip is < 0) return ShopApi.Invalid([new FieldError("skip", "skip must be 0 or more.")]);
        if (take is < 1 or > MaxTake) return ShopApi.Invalid([new FieldError("take", $"take must be between 1 and {MaxTake}.")]);
        return null;
    }
}
