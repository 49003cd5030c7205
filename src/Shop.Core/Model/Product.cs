namespace Shop.Core.Model;

/// <summary>The shop's own catalogue listing of a product.</summary>
public class Product
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public ProductKind Kind { get; set; }
    public string? Brand { get; set; }
    public string? Description { get; set; }
    public decimal Price { get; set; }
    public string Currency { get; set; } = "USD";
    public double? NeedleLengthMm { get; set; }
    public int? NeedleCount { get; set; }
    public NeedleMaterial? NeedleMaterial { get; set; }
    public IntendedUse? IntendedUse { get; set; }
    public bool? SingleUse { get; set; }
    public bool? Sterile { get; set; }
    public List<Claim> Claims { get; set; } = [];
    public bool Published { get; set; }

    /// <summary>Safety hold: a confirmed error flag takes the product off the storefront until an admin releases it.</summary>
    public bool OnHold { get; set; }
    public string? HoldReason { get; set; }

    public int? SupplierId { get; set; }
    public Supplier? Supplier { get; set; }
    public string? SupplierUrl { get; set; }

    /// <summary>Open flags, kept as a count so storefront and admin lists need no join.</summary>
    public int OpenFlagCount { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public SupplierPage? Page { get; set; }
    public List<Flag> Flags { get; set; } = [];
}
