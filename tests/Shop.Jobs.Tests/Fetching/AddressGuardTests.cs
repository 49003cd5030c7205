using System.Net;
using Shop.Jobs.Fetching;

namespace Shop.Jobs.Tests.Fetching;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]       // CGNAT
    [InlineData("100.127.255.254")]  // CGNAT upper end
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]           // link-local
    [InlineData("fd12:3456:789a::1")] // unique-local
    [InlineData("fc00::1")]           // unique-local
    [InlineData("::ffff:127.0.0.1")]  // IPv6-mapped loopback
    [InlineData("::ffff:169.254.169.254")] // IPv6-mapped metadata
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]  // NAT64 of 169.254.169.254
    [InlineData("2002:a9fe:a9fe::1")]   // 6to4 of 169.254.169.254
    [InlineData("ff02::1")]
    public void Non_public_addresses_are_refused(string address) =>
        Assert.True(new AddressGuard([]).Refuses("supplier.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("100.128.0.1")]   // just above CGNAT
    [InlineData("172.32.0.1")]    // just above 172.16/12
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(new AddressGuard([]).Refuses("supplier.example", IPAddress.Parse(address)));

    [Fact]
    public void A_listed_private_host_is_allowed_by_name_or_address()
    {
        var guard = new AddressGuard(["demo.local", "10.1.2.3"]);
        Assert.False(guard.Refuses("demo.local", IPAddress.Parse("10.9.9.9")));
        Assert.False(guard.Refuses("other.example", IPAddress.Parse("10.1.2.3")));
        Assert.True(guard.Refuses("other.example", IPAddress.Parse("10.9.9.9")));
    }
}
