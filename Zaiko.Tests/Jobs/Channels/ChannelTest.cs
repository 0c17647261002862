using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Zaiko.Data;
using Zaiko.Jobs;
using Zaiko.Jobs.Channels;
using Zaiko.Jobs.Outbound;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Sandbox;

namespace Zaiko.Tests.Jobs.Channels;

/// <summary>
/// Base of the connector tests: the connectors composed as in production (options, typed clients, resilience,
/// cluster rate limits) and pointed at the sandbox with its demo credentials, a fake clock, and helpers that read
/// exactly what was sent from the sandbox's journal. Retries are off so each test sees one answer per request.
/// </summary>
[Collection(ChannelCollection.Name)]
[Trait("Category", "Integration")]
public abstract class ChannelTest(ChannelFixture fixture) : IAsyncLifetime
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> providers = [];

    protected SandboxProcess Sandbox => fixture.Sandbox;

    protected PostgresDatabase Database => fixture.Database;

    protected FakeTimeProvider Clock { get; } = new(StartTime);

    public virtual async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        await fixture.Database.ResetAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }

    /// <summary>The connector of <paramref name="platform"/>, with <paramref name="settings"/> ("Channels:Ebay:Burst=3") over the defaults.</summary>
    protected IChannelConnector Connector(string platform, params string[] settings) =>
        Services(settings).GetRequiredService<ConnectorRegistry<IChannelConnector>>().Find(platform)
            ?? throw new InvalidOperationException($"no connector for {platform}");

    /// <summary>Data, jobs and channel connectors composed as in production, with <paramref name="settings"/> over the defaults.</summary>
    protected ServiceProvider Services(params string[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:BaseUrl"] = Sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["Channels:Ebay:ClientId"] = SandboxTest.EbayClientId,
            ["Channels:Ebay:ClientSecret"] = SandboxTest.EbayClientSecret,
            ["Channels:Ebay:RefreshToken"] = SandboxTest.EbayRefreshToken,
            ["Channels:Amazon:ClientId"] = SandboxTest.LwaClientId,
            ["Channels:Amazon:ClientSecret"] = SandboxTest.LwaClientSecret,
            ["Channels:Amazon:RefreshToken"] = SandboxTest.LwaRefreshToken,
            ["Channels:Amazon:SellerId"] = SandboxTest.SellerId,
            ["Channels:Mercari:AccessToken"] = SandboxTest.MercariToken,
        };
        foreach (var section in (string[])["Channels:Ebay", "Channels:Amazon", "Channels:Mercari", LwaOptions.Section])
        {
            values[$"{section}:Resilience:MaxRetries"] = "0";
        }

        foreach (var rate in (string[])["Ebay:RequestsPerSecond", "Ebay:Burst", "Amazon:PatchPerSecond", "Amazon:PatchBurst",
                     "Amazon:GetPerSecond", "Amazon:GetBurst", "Mercari:RequestsPerSecond", "Mercari:Burst"])
        {
            values["Channels:" + rate] = "1000";
        }

        foreach (var setting in settings)
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            values[setting[..separator]] = setting[(separator + 1)..];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddLogging()
            .AddZaikoData(fixture.Database.ConnectionString)
            .AddZaikoJobs(configuration);
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    /// <summary>The marketplace requests the sandbox received for <paramref name="target"/>, oldest first.</summary>
    protected async Task<IReadOnlyList<JsonElement>> RequestsAsync(string target, string? pathStartingWith = null) =>
        (await Sandbox.JournalAsync(target))
            .Where(entry => pathStartingWith is null || entry.GetProperty("path").GetString()!.StartsWith(pathStartingWith, StringComparison.Ordinal))
            .ToList();

    protected static void AssertRequest(JsonElement entry, string method, string path, string query)
    {
        Assert.Equal(
            (method, path, query),
            (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString(), entry.GetProperty("query").GetString()));
    }

    /// <summary>The request body is exactly <paramref name="expectedJson"/>: same members, same values (member order aside).</summary>
    protected static void AssertBody(string expectedJson, JsonElement entry)
    {
        var actual = JsonNode.Parse(entry.GetProperty("requestBody").GetString()!);
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"request body differs.\nexpected: {expected!.ToJsonString()}\nactual:   {actual!.ToJsonString()}");
    }

    protected static string? Header(JsonElement entry, string name) =>
        entry.GetProperty(name).ValueKind == JsonValueKind.String ? entry.GetProperty(name).GetString() : null;
}
