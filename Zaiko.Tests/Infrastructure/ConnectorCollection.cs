namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Connectors over their real HTTP pipelines: a database for the cluster-wide rate limits and a sandbox process of
/// their own, so resetting it never disturbs the sandbox contract tests. Tests run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConnectorCollection : ICollectionFixture<PostgresDatabase>, ICollectionFixture<SandboxProcess>
{
    public const string Name = "Connectors";
}
