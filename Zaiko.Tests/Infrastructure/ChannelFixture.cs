namespace Zaiko.Tests.Infrastructure;

/// <summary>What the channel connectors need for real: a database (their cluster-wide rate limits) and the sandbox process.</summary>
public sealed class ChannelFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public SandboxProcess Sandbox { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Sandbox.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Database.DisposeAsync();
    }
}
