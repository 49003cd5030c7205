using System.Globalization;

namespace Shop.Core;

/// <summary>
/// The shop formats numbers, prices and dates the same way whatever the server's locale: the invariant culture.
/// The processes run with ICU (not InvariantGlobalization) because SqlClient refuses to open a connection in invariant
/// mode, which would stop the SQL Server production path; pinning the culture keeps the output as it was.
/// </summary>
public static class ShopCulture
{
    public static void Apply()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
