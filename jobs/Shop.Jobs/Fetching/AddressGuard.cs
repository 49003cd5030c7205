using System.Net;
using System.Net.Sockets;

namespace Shop.Jobs.Fetching;

/// <summary>Thrown from the connect callback when a host resolves to an address fetches must not reach.</summary>
public sealed class BlockedAddressException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a private, loopback, link-local or reserved address.")
{
    public string Host { get; } = host;
    public IPAddress Address { get; } = address;
}

/// <summary>
/// The SSRF guard: which addresses a supplier fetch may connect to. Applied at connect time (see
/// <see cref="GuardedFetcher"/>), so every redirect hop and every DNS answer is checked, and the socket connects to
/// exactly the addresses that were checked (no second lookup for DNS rebinding to exploit).
/// </summary>
public sealed class AddressGuard(IEnumerable<string> allowedPrivateHosts)
{
    private readonly HashSet<string> allowed = new(allowedPrivateHosts.Select(h => h.Trim().TrimStart('[').TrimEnd(']')),
        StringComparer.OrdinalIgnoreCase);

    public bool IsAllowedHost(string host) => allowed.Contains(host.Trim('[', ']'));

    /// <summary>Whether a connection to <paramref name="address"/> for <paramref name="host"/> is refused.</summary>
    public bool Refuses(string host, IPAddress address) =>
        !IsAllowedHost(host) && !allowed.Contains(address.ToString()) && IsNonPublic(address);

    public static bool IsNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsNonPublicV4(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsNonPublicV4(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;

        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None)) return true; // ::1, ::
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;   // fe80::/10 link-local
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;   // fec0::/10 site-local (deprecated, still routed privately)
        if ((b[0] & 0xfe) == 0xfc) return true;                   // fc00::/7 unique-local
        if (b[0] == 0xff) return true;                            // multicast
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return true; // 2001:db8::/32 documentation
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return true;       // 2001::/32 Teredo tunnels
        // Addresses that carry an IPv4 address inside: judge the IPv4 address.
        if (b.Take(12).All(x => x == 0)) return true;                                   // ::/96 IPv4-compatible (deprecated)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
            return IsNonPublicV4(new IPAddress(b[12..16]));                             // 64:ff9b::/96 NAT64
        if (b[0] == 0x20 && b[1] == 0x02) return IsNonPublicV4(new IPAddress(b[2..6])); // 2002::/16 6to4
        return false;
    }

    private static bool IsNonPublicV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 => true,                                   // "this network"
            10 => true,                                  // private
            127 => true,                                 // loopback
            100 => (b[1] & 0xc0) == 64,                  // 100.64.0.0/10 carrier-grade NAT
            169 => b[1] == 254,                          // link-local, cloud metadata 169.254.169.254
            172 => (b[1] & 0xf0) == 16,                  // 172.16.0.0/12 private
            192 => (b[1] == 168)                         // private
                || (b[1] == 0 && (b[2] == 0 || b[2] == 2)) // IETF protocol assignments, TEST-NET-1
                || (b[1] == 88 && b[2] == 99),           // 6to4 relay anycast
            198 => (b[1] & 0xfe) == 18                   // 198.18.0.0/15 benchmarking
                || (b[1] == 51 && b[2] == 100),          // TEST-NET-2
            203 => b[1] == 0 && b[2] == 113,             // TEST-NET-3
            >= 224 => true,                              // multicast, reserved, broadcast
            _ => false,
        };
    }
}
