namespace Shop.Core.Model;

/// <summary>Who did what, when and why. Written in the same SaveChanges as the change it describes.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int? ProductId { get; set; }
    public string? Details { get; set; }
}

public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>First characters of the key, shown in the admin so a key can be recognised; never enough to use it.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
}

public class ShopUser : Microsoft.AspNetCore.Identity.IdentityUser
{
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Merchandiser = "Merchandiser";
    public static readonly string[] All = [Admin, Merchandiser];
}
