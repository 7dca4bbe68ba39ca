using System.Net;
using System.Net.Sockets;

namespace EditBot.Gmi.Downloads;

/// <summary>
/// Addresses a download must never reach unless private addresses are allowed: private, loopback, link-local,
/// carrier-grade NAT, unique-local, multicast, unspecified and reserved ranges, also when embedded in IPv6.
/// </summary>
public static class AddressPolicy
{
    public static bool IsNonPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsNonPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsNonPublicV6(address),
            _ => true,
        };
    }

    private static bool IsNonPublicV4(byte[] b) =>
        b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved (incl. broadcast)
        || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64.0.0/10 carrier-grade NAT
        || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata lives here)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18); // benchmarking 198.18.0.0/15

    private static bool IsNonPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address that decides.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return IsNonPublicV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsNonPublicV4(b[2..6]);
        }

        // IPv4-compatible ::a.b.c.d (deprecated) and anything else in ::/8.
        return b[0] == 0;
    }
}
