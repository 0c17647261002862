namespace Zaiko.Tests.Infrastructure;

/// <summary>Tests that start real Hangfire servers and application hosts get a database of their own.</summary>
// Hosts of Zaiko.Web run one collection at a time: Hangfire keeps some process-wide state (its log provider).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "Hangfire";
}
