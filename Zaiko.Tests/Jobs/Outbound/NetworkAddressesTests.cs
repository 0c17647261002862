using System.Net;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Tests.Jobs.Outbound;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsPrivateOrLocal_IsTrue_ForAddressesNoMarketplaceHas(string address)
    {
        Assert.True(NetworkAddresses.IsPrivateOrLocal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("183.79.250.251")]
    [InlineData("52.95.116.115")]
    [InlineData("172.32.0.1")]
    [InlineData("2406:2000:ec::1")]
    public void IsPrivateOrLocal_IsFalse_ForPublicAddresses(string address)
    {
        Assert.False(NetworkAddresses.IsPrivateOrLocal(IPAddress.Parse(address)));
    }
}
