using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Zaiko.Data.Security;
using Zaiko.Data.Users;

namespace Zaiko.Web.Security;

/// <summary>
/// While no account exists, a web process logs a one-time link (valid <see cref="Lifetime"/>, usable once) that
/// creates the first admin at <c>/account/setup</c>. Every start issues a fresh one, so a missed or expired link
/// is replaced by restarting; <c>user add</c> on the command line is the other way in.
/// </summary>
public sealed partial class FirstAdminSetup(
    UserStore users,
    SetupTokenStore tokens,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FirstAdminSetup> logger) : IHostedService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The addresses are known once the server listens.
        lifetime.ApplicationStarted.Register(() => _ = OfferSetupAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OfferSetupAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await users.CountAsync(cancellationToken) > 0)
            {
                return;
            }

            var token = await tokens.IssueAsync(Lifetime, cancellationToken);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
            LogSetupLink(logger, $"{address}/account/setup?token={token}", (int)Lifetime.TotalMinutes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSetupFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No console account exists yet. Create the first admin within {Minutes} minutes at {SetupUrl} (works once), or run: Zaiko.Web user add <email> --role admin --password-stdin")]
    private static partial void LogSetupLink(ILogger logger, string setupUrl, int minutes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not offer the first-admin setup link")]
    private static partial void LogSetupFailed(ILogger logger, Exception exception);
}
