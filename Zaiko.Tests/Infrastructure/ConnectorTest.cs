using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Zaiko.Data;
using Zaiko.Jobs;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Base of tests that run connectors as Zaiko composes them (AddZaikoData + AddZaikoJobs) against the sandbox, with
/// the demo credentials and rate limits that do not bind unless a test says otherwise. Empty tables, a reset
/// sandbox without faults, before every test.
/// </summary>
[Collection(ConnectorCollection.Name)]
[Trait("Category", "Integration")]
public abstract class ConnectorTest(PostgresDatabase database, SandboxProcess sandbox) : IAsyncLifetime
{
    private readonly List<ServiceProvider> providers = [];

    protected PostgresDatabase Database { get; } = database;

    protected SandboxProcess Sandbox { get; } = sandbox;

    public virtual async Task InitializeAsync()
    {
        await Database.ResetAsync();
        await Sandbox.ResetAsync();
        await Sandbox.ClearFaultsAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }

    /// <summary>
    /// The composed services, with <paramref name="settings"/> over the test defaults, an optional clock, and
    /// <paramref name="configure"/> applied last (e.g. a stub primary handler).
    /// </summary>
    protected ServiceProvider Services(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:BaseUrl"] = Sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Sources:Yahoo:RequestsPerSecond"] = "1000",
            ["Sources:Yahoo:Burst"] = "1000",
            ["Sources:Yahoo:Resilience:RetryBaseDelayMs"] = "20",
            ["Sources:Amazon:ClientId"] = SandboxTest.LwaClientId,
            ["Sources:Amazon:ClientSecret"] = SandboxTest.LwaClientSecret,
            ["Sources:Amazon:RefreshToken"] = SandboxTest.LwaRefreshToken,
            ["Sources:Amazon:GetItemOffers:RequestsPerSecond"] = "1000",
            ["Sources:Amazon:GetItemOffers:Burst"] = "1000",
            ["Sources:Amazon:GetItemOffersBatch:RequestsPerSecond"] = "1000",
            ["Sources:Amazon:GetItemOffersBatch:Burst"] = "1000",
            ["Sources:Amazon:Resilience:RetryBaseDelayMs"] = "20",
            ["Outbound:Lwa:Resilience:RetryBaseDelayMs"] = "20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddZaikoData(Database.ConnectionString).AddZaikoJobs(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        providers.Add(provider);
        return provider;
    }

    /// <summary>Journal entries of <paramref name="target"/> whose path starts with <paramref name="pathPrefix"/>.</summary>
    protected async Task<IReadOnlyList<JsonElement>> RequestsAsync(string target, string pathPrefix = "/") =>
        (await Sandbox.JournalAsync(target))
            .Where(entry => entry.GetProperty("path").GetString()!.StartsWith(pathPrefix, StringComparison.Ordinal))
            .ToArray();

    protected static DateTimeOffset TimeOf(JsonElement entry) =>
        DateTimeOffset.Parse(entry.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
}
