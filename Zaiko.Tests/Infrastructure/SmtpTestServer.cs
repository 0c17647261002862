using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port inside the test process. It keeps every
/// message it accepts with its envelope and raw bytes; with credentials set it demands AUTH and accepts only those.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;

    private SmtpTestServer(int port, (string User, string Password)? credentials)
    {
        Port = port;
        var endpoint = new EndpointDefinitionBuilder()
            .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
            .AuthenticationRequired(credentials is not null)
            .AllowUnsecureAuthentication(true)
            .Build();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(endpoint).Build();
        var services = new SmtpServerProvider();
        services.Add(new RecordingStore(Messages));
        if (credentials is { } expected)
        {
            services.Add(new FixedUserAuthenticator(expected.User, expected.Password, Logins));
        }

        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stopping.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>User names that authenticated successfully.</summary>
    public ConcurrentQueue<string> Logins { get; } = new();

    public static async Task<SmtpTestServer> StartAsync((string User, string Password)? credentials = null)
    {
        var server = new SmtpTestServer(FreePort(), credentials);
        await WaitUntilListeningAsync(server.Port);
        return server;
    }

    /// <summary>A loopback port nobody listens on: connecting to it fails at once, like an SMTP outage.</summary>
    public static int ClosedPort() => FreePort();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        server.Shutdown();
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5)));
        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, byte[] Raw)
    {
        public string RawText => System.Text.Encoding.ASCII.GetString(Raw);

        public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));
    }

    private sealed class RecordingStore(ConcurrentQueue<ReceivedMail> messages) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            messages.Enqueue(new ReceivedMail(
                $"{transaction.From.User}@{transaction.From.Host}",
                transaction.To.Select(to => $"{to.User}@{to.Host}").ToArray(),
                buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class FixedUserAuthenticator(string user, string password, ConcurrentQueue<string> logins) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string userName, string secret, CancellationToken cancellationToken)
        {
            var ok = userName == user && secret == password;
            if (ok)
            {
                logins.Enqueue(userName);
            }

            return Task.FromResult(ok);
        }
    }
}
