namespace Zaiko.Tests.Infrastructure;

/// <summary>Tests that talk to the marketplaces share one sandbox process and run one after another, each after a reset.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxProcess>
{
    public const string Name = "Sandbox";
}
