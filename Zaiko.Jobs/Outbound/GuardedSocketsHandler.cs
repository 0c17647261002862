using System.Net;
using System.Net.Sockets;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// The primary handler of every outbound client: no automatic redirects (the guard decides), and a connect
/// step that resolves the host itself and refuses private or loopback addresses — a public host name that
/// resolves to 127.0.0.1 or 169.254.169.254 is caught here, after DNS.
/// </summary>
public static class GuardedSocketsHandler
{
    public static SocketsHttpHandler Create(SandboxOptions sandbox) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, sandbox, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, SandboxOptions sandbox, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var requestUri = context.InitialRequestMessage.RequestUri!;
        var addresses = await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        if (!sandbox.IsSandboxOrigin(requestUri))
        {
            addresses = addresses.Where(address => !NetworkAddresses.IsPrivateOrLocal(address)).ToArray();
            if (addresses.Length == 0)
            {
                throw new OutboundRequestRejectedException($"host {endPoint.Host} resolves only to private or loopback addresses; refused");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
