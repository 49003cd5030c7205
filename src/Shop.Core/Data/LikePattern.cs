namespace Shop.Core.Data;

/// <summary>Substring search with LIKE, the same on SQLite and SQL Server: the user's %, _ and \ match themselves.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
