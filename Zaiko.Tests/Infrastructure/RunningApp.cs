using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Infrastructure;

/// <summary>The real Zaiko.Web composition on Kestrel at a free loopback port, as a test's peer over HTTP.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app, Uri baseAddress, string mailDirectory)
    {
        App = app;
        MailDirectory = mailDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Where this app writes mail while no SMTP server is set: a folder of its own, removed with it.</summary>
    public string MailDirectory { get; }

    public static async Task<RunningApp> StartAsync(string connectionString, ZaikoRole role, params string[] extraArgs)
    {
        var mailDirectory = Path.Combine(Path.GetTempPath(), "zaiko-app-mail-" + Guid.NewGuid().ToString("N")[..12]);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Alerts:MailDirectory={mailDirectory}",
            $"--ConnectionStrings:Zaiko={connectionString}",
            "--Hangfire:WorkerCount=4",
            .. extraArgs,
        ];
        var app = ZaikoApplication.Build(args, role);
        await app.PrepareAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningApp(app, new Uri(address), mailDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
